package org.formhaus.onoffice;

import java.time.Duration;

/**
 * How often and how patiently a failed request is repeated: up to {@code maxAttempts} tries in total, waiting an
 * exponentially growing delay (starting at {@code initialDelay}, capped at {@code maxDelay}) with random jitter
 * between tries. Only failures that {@link OnOfficeException#retryable()} marks as retryable are repeated.
 * Immutable.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    /** Three attempts, 250 ms then 500 ms (plus jitter), never more than 5 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(5));

    /** One attempt only. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts cannot be less than 1: " + maxAttempts);
        if (initialDelay == null || initialDelay.isNegative()) throw new IllegalArgumentException("initialDelay must be >= 0");
        if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0) throw new IllegalArgumentException("maxDelay must be >= initialDelay");
    }

    /**
     * The wait before attempt {@code nextAttempt} (2 for the first retry): initialDelay * 2^(n-2), capped, then
     * jittered into [delay/2, delay] so that many clients do not retry in lock-step.
     */
    Duration delayBefore(int nextAttempt, double random) {
        long base = initialDelay.toMillis();
        long exp = base << Math.min(20, Math.max(0, nextAttempt - 2));
        long capped = Math.min(exp < 0 ? Long.MAX_VALUE : exp, maxDelay.toMillis());
        long jittered = capped / 2 + (long) ((capped - capped / 2) * random);
        return Duration.ofMillis(jittered);
    }
}
