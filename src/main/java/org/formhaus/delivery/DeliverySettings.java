package org.formhaus.delivery;

import org.formhaus.config.DeliveryConfig;

/**
 * How the delivery worker runs: {@code workers} deliveries at once in this instance, at most {@code perAccount} of
 * one account across all instances, a look for due jobs every {@code pollMs}, claims leased for {@code leaseMs}
 * (renewed while a delivery runs), {@code shutdownGraceMs} for deliveries in flight to finish at shutdown, and the
 * backoff between tries. Immutable.
 */
public record DeliverySettings(int workers, int perAccount, long pollMs, long leaseMs, long shutdownGraceMs,
                               RetryPolicy retry) {

    public DeliverySettings {
        if (workers < 1) throw new IllegalArgumentException("workers cannot be less than 1, is " + workers);
        if (perAccount < 1) throw new IllegalArgumentException("perAccount cannot be less than 1, is " + perAccount);
        if (pollMs < 1) throw new IllegalArgumentException("pollMs cannot be less than 1, is " + pollMs);
        if (leaseMs < 1000) throw new IllegalArgumentException("leaseMs cannot be less than 1000, is " + leaseMs);
        if (shutdownGraceMs < 0) throw new IllegalArgumentException("shutdownGraceMs cannot be negative");
        if (retry == null) throw new IllegalArgumentException("The parameter 'retry' must not be null.");
    }

    /** The settings {@code delivery.*} of the configuration. */
    public static DeliverySettings of(DeliveryConfig config) {
        return new DeliverySettings(config.workers(), config.perAccount(), config.poll().toMillis(),
                config.lease().toMillis(), config.shutdownGrace().toMillis(),
                new RetryPolicy(config.backoffBase().toMillis(), config.backoffMax().toMillis()));
    }
}
