package org.formhaus.storage;

/**
 * A served form's token as a submission used it ({@code form_token_use}): which form and token, a keyed digest of the
 * values sent with it, the submission id it was answered with, and when the token expires (after which the row may
 * go). Immutable.
 */
public record UsedToken(String formKey, String tokenId, String valuesDigest, String submissionId, long expiresMs) {
}
