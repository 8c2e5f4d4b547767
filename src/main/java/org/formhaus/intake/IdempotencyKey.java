package org.formhaus.intake;

/**
 * What makes a submission repeatable without a second lead: the id of the served page's single-use token, a keyed
 * digest of what the visitor sent (equal for a double click or a browser's retry, different when anything was
 * changed), and when the token expires. Immutable.
 */
public record IdempotencyKey(String tokenId, String valuesDigest, long expiresMs) {
}
