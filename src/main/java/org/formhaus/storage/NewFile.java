package org.formhaus.storage;

/** A file to store with a new submission: the field it came through, its name, media type and bytes. */
public record NewFile(String field, String fileName, String contentType, byte[] content) {

    @Override
    public String toString() {
        return "NewFile[" + field + ": " + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
