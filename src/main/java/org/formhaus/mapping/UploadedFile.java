package org.formhaus.mapping;

/**
 * A file uploaded with a submission, as the plan needs it: its stored id (the records keys are
 * {@code file.<id>.tmp} and {@code file.<id>}), the form field it came through, its name and its bytes, which are
 * read only when the upload is about to be sent. Immutable (the reader is the caller's).
 */
public record UploadedFile(long id, String field, String fileName, String contentType, Content content) {

    /** Reads the file's bytes; may throw an unchecked exception when they cannot be read. */
    @FunctionalInterface
    public interface Content {
        byte[] read();
    }
}
