/**
 * Newsletter double opt-in: signed confirmation links ({@link org.formhaus.newsletter.ConfirmationTokens}) and the page
 * that confirms a subscription in onOffice ({@code GET /n/confirm?t=...}).
 */
package org.formhaus.newsletter;
