package org.formhaus.config;

import java.time.Duration;

/**
 * GDPR erasure: personal data of delivered and failed submissions is erased after {@code retention.days}
 * ({@link Duration#ZERO}: kept), checked every {@code retention.sweep.minutes}. Immutable.
 */
public record RetentionConfig(Duration keep, Duration sweepEvery) {

    static RetentionConfig read(Keys keys) {
        return new RetentionConfig(keys.days("retention.days", 0, 36_500),
                keys.minutes("retention.sweep.minutes", 1, 10_080));
    }

    /** The first sweep runs a minute after start, or sooner when sweeps are more frequent. */
    public Duration firstSweep() {
        return sweepEvery.compareTo(Duration.ofMinutes(1)) < 0 ? sweepEvery : Duration.ofMinutes(1);
    }
}
