package org.formhaus.admin.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: counts failed sign-ins per email and per client address within a sliding window
 * and refuses further attempts (without checking the password) once either count reaches its limit. Memory is
 * bounded: old failures are dropped as new ones come in. Thread-safe; one per application.
 */
final class LoginThrottle {

    /** Above this many tracked keys, stale ones are swept before a new failure is recorded. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int perEmail;
    private final int perAddress;
    private final long windowMs;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int perEmail, int perAddress, Duration window, Clock clock) {
        this.perEmail = perEmail;
        this.perAddress = perAddress;
        this.windowMs = window.toMillis();
        this.clock = clock;
    }

    /** @return how long to wait before trying again; zero when an attempt is allowed now */
    Duration wait(String email, String address) {
        long now = clock.millis();
        long untilEmail = blockedUntil("e:" + normal(email), perEmail, now);
        long untilAddress = blockedUntil("a:" + address, perAddress, now);
        return Duration.ofMillis(Math.max(0, Math.max(untilEmail, untilAddress) - now));
    }

    void failed(String email, String address) {
        long now = clock.millis();
        if (failures.size() > SWEEP_ABOVE) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() < now - windowMs;
                }
            });
        }
        record("e:" + normal(email), now);
        record("a:" + address, now);
    }

    /** A successful sign-in forgets the email's failures (the address's stay: it may be guessing other emails). */
    void succeeded(String email) {
        failures.remove("e:" + normal(email));
    }

    private void record(String key, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
        }
    }

    /** The time the key may try again, or 0 while under its limit; 0 as limit turns throttling off. */
    private long blockedUntil(String key, int limit, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null || limit <= 0) {
            return 0;
        }
        synchronized (times) {
            for (Iterator<Long> it = times.iterator(); it.hasNext(); ) {
                if (it.next() <= now - windowMs) {
                    it.remove();
                } else {
                    break;
                }
            }
            while (times.size() > limit) {
                times.removeFirst();
            }
            return times.size() < limit ? 0 : times.peekFirst() + windowMs;
        }
    }

    private static String normal(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
