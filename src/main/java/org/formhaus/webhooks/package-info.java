/**
 * Webhooks out: each delivered or failed submission POSTed to the account's endpoints, signed as the Standard
 * Webhooks specification describes ({@link org.formhaus.webhooks.WebhookSignature}), sent from the outbox
 * ({@code storage.WebhookStore}) with retries and backoff by {@link org.formhaus.webhooks.WebhookSender}, and only to
 * addresses {@link org.formhaus.webhooks.WebhookTargets} allows (no private or loopback addresses unless the operator
 * allowed the host). Uses {@code delivery} (backoff), {@code onoffice} (the host allow-list) and {@code storage}.
 */
package org.formhaus.webhooks;
