package org.formhaus.storage;

/**
 * What a submission must win in its own transaction: one of a protected form's {@code maxSubmissions} places (0:
 * unlimited), its one-time key ({@code keyHash}, null: none) and the viewing slot it books ({@code slot}, null:
 * none). Immutable.
 */
public record SubmissionClaim(String formKey, int maxSubmissions, String keyHash, SlotClaim slot) {

    public static final SubmissionClaim NONE = new SubmissionClaim(null, 0, null);

    public SubmissionClaim(String formKey, int maxSubmissions, String keyHash) {
        this(formKey, maxSubmissions, keyHash, null);
    }

    /** This claim and the viewing slot {@code slot} (null: none). */
    public SubmissionClaim withSlot(SlotClaim slot) {
        return new SubmissionClaim(formKey, maxSubmissions, keyHash, slot);
    }

    public boolean isEmpty() {
        return maxSubmissions <= 0 && keyHash == null && slot == null;
    }
}
