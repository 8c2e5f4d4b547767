package org.formhaus.storage;

/**
 * What a submission to a protected form must win in its own transaction: one of the form's {@code maxSubmissions}
 * places (0: unlimited) and its one-time key ({@code keyHash}, null: none). Immutable.
 */
public record SubmissionClaim(String formKey, int maxSubmissions, String keyHash) {

    public static final SubmissionClaim NONE = new SubmissionClaim(null, 0, null);

    public boolean isEmpty() {
        return maxSubmissions <= 0 && keyHash == null;
    }
}
