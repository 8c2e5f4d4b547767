package org.formhaus.delivery;

import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again: exponential backoff from {@code baseMs}, capped at {@code maxMs}, with ±20% jitter so that a
 * backlog built while onOffice was down does not return in one wave. Immutable.
 */
public record RetryPolicy(long baseMs, long maxMs) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5_000, 3_600_000);

    /** The delay before try number {@code attempts + 1}. */
    public long delayMs(int attempts) {
        double exponential = baseMs * Math.pow(2, Math.min(attempts, 30));
        double capped = Math.min(exponential, maxMs);
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return (long) (capped * jitter);
    }
}
