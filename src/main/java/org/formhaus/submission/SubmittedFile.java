package org.formhaus.submission;

/**
 * One upload a submission carries, as listed with it: the file field, the file name, its media type (null when the
 * browser sent none) and size in bytes. The bytes themselves are kept by {@code storage.SubmissionFileStore}. Immutable.
 */
public record SubmittedFile(String field, String name, String contentType, long size) {
}
