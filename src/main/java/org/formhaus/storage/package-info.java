/**
 * Durable storage: the connection pool, schema migrations and one store class per table group, in plain JDBC.
 * A submission's row ({@link org.formhaus.storage.Submission}) holds its content as the {@code submission} package's
 * typed {@link org.formhaus.submission.AcceptedSubmission}, written and read through its one JSON form
 * ({@link org.formhaus.submission.SubmissionJson}); the row's own columns (status, onOffice ids, times) are this
 * package's.
 */
package org.formhaus.storage;
