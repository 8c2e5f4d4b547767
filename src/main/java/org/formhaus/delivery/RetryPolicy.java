package org.formhaus.delivery;

import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again: exponential backoff from {@code baseMs}, capped at {@code maxMs}, with ±20% jitter so that a
 * backlog built while onOffice was down does not return in one wave. Immutable.
 */
public record RetryPolicy(long baseMs, long maxMs) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5_000, 3_600_000);

    public RetryPolicy {
        if (baseMs < 1) throw new IllegalArgumentException("baseMs cannot be less than 1, is " + baseMs);
        if (maxMs < baseMs) throw new IllegalArgumentException("maxMs (" + maxMs + ") cannot be less than baseMs (" + baseMs + ")");
    }

    /** The delay before try number {@code attempts + 2}, i.e. after {@code attempts + 1} failed tries. */
    public long delayMs(int attempts) {
        return delayMs(attempts, ThreadLocalRandom.current().nextDouble());
    }

    /** {@link #delayMs(int)} with the jitter's random draw given ({@code 0 <= random < 1}), for tests. */
    long delayMs(int attempts, double random) {
        double exponential = baseMs * Math.pow(2, Math.min(Math.max(attempts, 0), 30));
        double capped = Math.min(exponential, maxMs);
        double jitter = 0.8 + random * 0.4;
        return Math.max(1, (long) (capped * jitter));
    }
}
