package org.formhaus.config;

import java.time.Duration;

/**
 * The outbox worker ({@code delivery.*}): parallel deliveries of this instance and per account, how often an idle
 * worker polls, how long a submission is retried before it ends failed, the backoff between tries, the lease of a
 * claimed job and the shutdown grace. Immutable.
 */
public record DeliveryConfig(int workers, int perAccount, Duration poll, Duration giveUpAfter, Duration backoffBase,
                             Duration backoffMax, Duration lease, Duration shutdownGrace) {

    static DeliveryConfig read(Keys keys) {
        Duration base = keys.millis("delivery.backoff.base.millis", 1, 86_400_000);
        Duration max = keys.millis("delivery.backoff.max.millis", 1, 604_800_000);
        if (max.compareTo(base) < 0) {
            throw new ConfigException("delivery.backoff.max.millis (" + max.toMillis()
                    + ") must not be less than delivery.backoff.base.millis (" + base.toMillis() + ")");
        }
        return new DeliveryConfig(keys.number("delivery.workers", 1, 256), keys.number("delivery.per.account", 1, 256),
                keys.millis("delivery.poll.millis", 10, 600_000), keys.hours("delivery.give.up.hours", 1, 24 * 365),
                base, max, keys.millis("delivery.lease.millis", 1000, 86_400_000),
                keys.seconds("delivery.shutdown.grace.seconds", 0, 3600));
    }
}
