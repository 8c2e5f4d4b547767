/**
 * Accepting a visitor's validated submission: {@link org.formhaus.intake.FormIntake} builds its
 * {@link org.formhaus.submission.AcceptedSubmission} (consent texts as shown, page context, uploads) and commits it with
 * its files and its delivery job in one transaction (the outbox), then wakes delivery. Knows no HTTP: {@code web}
 * parses and validates the request, then hands over. Uses {@code forms}, {@code submission} and {@code storage}.
 */
package org.formhaus.intake;
