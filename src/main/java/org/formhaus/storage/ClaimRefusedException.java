package org.formhaus.storage;

import java.sql.SQLException;

/**
 * A submission lost its {@link SubmissionClaim}: the last place went to another submission, or its one-time key was
 * used. Nothing of it was stored (its transaction was rolled back).
 */
public final class ClaimRefusedException extends SQLException {

    /** What was taken. */
    public enum Reason { FULL, KEY_USED }

    private final Reason reason;

    public ClaimRefusedException(Reason reason) {
        super(reason == Reason.FULL ? "No place is left on the form" : "The one-time key was used already");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
