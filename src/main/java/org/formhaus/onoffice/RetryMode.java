package org.formhaus.onoffice;

/**
 * Whether a client repeats a failed request on its own. onOffice has no idempotency key: when a request times out
 * or the reply is lost, the actions may already have run, so repeating a CREATE can create a second record.
 */
public enum RetryMode {
    /** Repeat every retryable failure (transport, timeout, HTTP 5xx, 429). A retried create may duplicate. */
    AUTOMATIC,
    /**
     * Repeat only when no action can have run twice: batches of read/get actions only, or failures where the request
     * certainly never reached onOffice (connection refused, HTTP 429).
     */
    SAFE_ONLY,
    /** Never repeat; the caller (e.g. the durable delivery queue) decides. */
    NONE
}
