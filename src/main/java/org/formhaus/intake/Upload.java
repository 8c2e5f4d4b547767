package org.formhaus.intake;

import org.formhaus.forms.FileInput;

/**
 * One uploaded file as a visitor's request carried it: the file name, its media type as its bytes tell it
 * ({@link org.formhaus.forms.FileTypes#detect}) and its bytes, read into memory (the upload limits bound their size).
 * Lives for one request.
 */
public record Upload(String fileName, String contentType, byte[] content) {

    /** What the validator needs to know of it. */
    public FileInput asFileInput() {
        return new FileInput(fileName, contentType, content.length);
    }

    @Override
    public String toString() {
        return "Upload[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
