package org.formhaus.storage;

import java.util.Arrays;

/**
 * What a delivery job does; a submission has at most one job of each kind in the outbox. The names are stored in
 * {@code delivery_job.kind}.
 */
public enum JobKind {
    /** The submission's own delivery: its mapped onOffice steps and e-mails. */
    SUBMISSION("submission"),
    /** A newsletter subscriber's confirmation (double opt-in), queued when they press the button. */
    NEWSLETTER_CONFIRMATION("newsletter.confirm");

    private final String stored;

    JobKind(String stored) {
        this.stored = stored;
    }

    public String stored() {
        return stored;
    }

    static JobKind of(String stored) {
        return Arrays.stream(values()).filter(k -> k.stored.equals(stored)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown delivery job kind in the database: " + stored));
    }
}
