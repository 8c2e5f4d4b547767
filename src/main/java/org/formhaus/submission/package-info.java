/**
 * The accepted submission as one typed value: {@link org.formhaus.submission.AcceptedSubmission} (values, language,
 * consents, page context, files) and its one stored form, {@link org.formhaus.submission.SubmissionJson}. Whoever reads
 * a submission (delivery, mail, newsletter, the admin API) reads this type, never the stored JSON by key.
 *
 * <p>Who owns what: this package owns the content and its JSON; {@code intake} builds it from a validated form;
 * {@code storage} keeps it in the {@code submission} row ({@link org.formhaus.storage.Submission}, beside status,
 * onOffice ids and times) and erases it when the retention period is over. Depends on nothing but Gson.
 */
package org.formhaus.submission;
