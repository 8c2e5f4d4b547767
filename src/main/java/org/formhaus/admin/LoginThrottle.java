package org.formhaus.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Slows down password guessing: counts failed password checks per email and per client address within a sliding
 * window and refuses further attempts (without checking the password) once either count reaches its limit.
 * An attempt takes its place in both counts <em>before</em> its password is checked ({@link #begin}), so attempts
 * made in parallel cannot all slip through while the first ones are still being checked; a successful one gives its
 * place back. Memory is bounded: old entries are dropped as new ones come in. Thread-safe (one lock: sign-ins are
 * rare and the work under it is tiny); one per application and instance.
 *
 * <pre>{@code
 * LoginThrottle.Attempt attempt = throttle.begin(email, address);
 * if (!attempt.allowed()) { answer 429 with attempt.retryAfter(); }
 * else if (passwordOk) { attempt.succeeded(); } // else it stays counted as a failure
 * }</pre>
 */
public final class LoginThrottle {

    /** Above this many tracked keys, stale ones are swept before a new attempt is counted. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int perEmail;
    private final int perAddress;
    private final long windowMs;
    private final Clock clock;
    private final Map<String, Deque<Long>> attempts = new HashMap<>();
    /** When a refusal was last reported per key (see {@link Attempt#firstRefusal()}). */
    private final Map<String, Long> reported = new HashMap<>();

    /** Limits of 0 turn that limit off. */
    public LoginThrottle(int perEmail, int perAddress, Duration window, Clock clock) {
        this.perEmail = perEmail;
        this.perAddress = perAddress;
        this.windowMs = window.toMillis();
        this.clock = clock;
    }

    /**
     * One attempt: either refused (then {@link #retryAfter()} says for how long) or counted as a failure unless it
     * {@link #succeeded()}.
     */
    public final class Attempt {
        private final String email;
        private final String address;
        private final long at;
        private final Duration retryAfter;
        private final boolean reportRefusal;

        private Attempt(String email, String address, long at, Duration retryAfter, boolean reportRefusal) {
            this.email = email;
            this.address = address;
            this.at = at;
            this.retryAfter = retryAfter;
            this.reportRefusal = reportRefusal;
        }

        public boolean allowed() {
            return retryAfter.isZero();
        }

        /** How long to wait before trying again; zero for an allowed attempt. */
        public Duration retryAfter() {
            return retryAfter;
        }

        /**
         * Whether this refused attempt is the first one refused for its email (or address) within a window: worth
         * a security event, where every later refusal would only flood the log.
         */
        public boolean firstRefusal() {
            return reportRefusal;
        }

        /** The password was right: forgets the email's failures and gives this attempt's place back. */
        public void succeeded() {
            synchronized (LoginThrottle.this) {
                attempts.remove(emailKey(email));
                Deque<Long> times = attempts.get(addressKey(address));
                if (times != null) {
                    times.removeLastOccurrence(at);
                }
            }
        }
    }

    /** Counts an attempt for {@code email} from {@code address}, unless a limit is reached: then it is refused. */
    public synchronized Attempt begin(String email, String address) {
        long now = clock.millis();
        if (attempts.size() + reported.size() > SWEEP_ABOVE) {
            attempts.values().removeIf(times -> times.isEmpty() || times.peekLast() <= now - windowMs);
            reported.values().removeIf(at -> at <= now - windowMs);
        }
        long emailUntil = blockedUntil(emailKey(email), perEmail, now);
        long addressUntil = blockedUntil(addressKey(address), perAddress, now);
        if (emailUntil > now || addressUntil > now) {
            String key = emailUntil > now ? emailKey(email) : addressKey(address);
            boolean report = reported.getOrDefault(key, Long.MIN_VALUE) <= now - windowMs;
            if (report) {
                reported.put(key, now);
            }
            return new Attempt(email, address, now, Duration.ofMillis(Math.max(emailUntil, addressUntil) - now),
                    report);
        }
        attempts.computeIfAbsent(emailKey(email), k -> new ArrayDeque<>()).addLast(now);
        attempts.computeIfAbsent(addressKey(address), k -> new ArrayDeque<>()).addLast(now);
        return new Attempt(email, address, now, Duration.ZERO, false);
    }

    /** @return how long to wait before trying again; zero when an attempt is allowed now */
    public synchronized Duration wait(String email, String address) {
        long now = clock.millis();
        long until = Math.max(blockedUntil(emailKey(email), perEmail, now),
                blockedUntil(addressKey(address), perAddress, now));
        return Duration.ofMillis(Math.max(0, until - now));
    }

    /** The time the key may try again, or 0 while under its limit; 0 as limit turns throttling off. */
    private long blockedUntil(String key, int limit, long now) {
        Deque<Long> times = attempts.get(key);
        if (times == null || limit <= 0) {
            return 0;
        }
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

    private static String emailKey(String email) {
        return "e:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
