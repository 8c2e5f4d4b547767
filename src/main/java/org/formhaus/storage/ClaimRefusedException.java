package org.formhaus.storage;

import java.sql.SQLException;

/**
 * A submission lost its {@link SubmissionClaim}: the last place went to another submission, its one-time key was
 * used, or its viewing slot was taken. Nothing of it was stored (its transaction was rolled back).
 */
public final class ClaimRefusedException extends SQLException {

    /** What was taken. */
    public enum Reason { FULL, KEY_USED, /** the viewing slot went to another visitor */ SLOT_TAKEN }

    private final Reason reason;

    public ClaimRefusedException(Reason reason) {
        super(switch (reason) {
            case FULL -> "No place is left on the form";
            case KEY_USED -> "The one-time key was used already";
            case SLOT_TAKEN -> "The viewing slot was taken by another submission";
        });
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
