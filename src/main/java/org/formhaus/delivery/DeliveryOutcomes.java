package org.formhaus.delivery;

/**
 * Told of each delivery try whose outcome this instance recorded in the outbox (a try whose lease was lost is told
 * by the instance that records it, so over all instances each try is told once). Implementations must be
 * thread-safe and must not throw.
 */
@FunctionalInterface
public interface DeliveryOutcomes {

    DeliveryOutcomes NONE = (submissionId, outcome) -> {
    };

    void recorded(String submissionId, Outcome outcome);

    /** What a try came to. */
    enum Outcome {
        /** Delivered to onOffice (and the e-mails sent). */
        DELIVERED,
        /** Failed for now; tried again after a backoff. */
        RETRY,
        /** Failed for good (or given up); waits for a person. */
        FAILED;

        /** The lower-case name, as metrics label it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
