/**
 * Newsletter double opt-in: signed confirmation links ({@link org.formhaus.newsletter.ConfirmationTokens}) and the
 * page they open ({@code /n/confirm}), where pressing a button queues the confirmation in the delivery outbox. Uses
 * {@code http} (signed tokens), {@code storage}, {@code render} and {@code mapping}'s records keys; never
 * {@code onoffice}.
 */
package org.formhaus.newsletter;
