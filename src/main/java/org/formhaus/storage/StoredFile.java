package org.formhaus.storage;

/**
 * A file uploaded with a submission: which field it came through, its name and media type as the visitor's browser
 * gave them, and its size. {@code id} is 0 until stored. The bytes are read separately
 * ({@link SubmissionFileStore#content}), so listing files stays cheap.
 */
public record StoredFile(long id, String submissionId, String field, String fileName, String contentType, long size) {
}
