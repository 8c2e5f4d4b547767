package org.formhaus.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.formhaus.storage.SlidingWindows;

/**
 * Slows down password guessing: counts failed password checks per email and per client address within a sliding
 * window and refuses further attempts (without checking the password) once either count reaches its limit.
 * An attempt takes its place in both counts <em>before</em> its password is checked ({@link #begin}), so attempts
 * made in parallel cannot all slip through while the first ones are still being checked; a successful one gives its
 * place back. The counts live in {@link SlidingWindows}: in the database, so that a guesser spreading attempts over
 * several instances meets the same limits (each begin and end is one atomic update of the email's and address's
 * windows). Thread-safe; one per application.
 *
 * <pre>{@code
 * LoginThrottle.Attempt attempt = throttle.begin(email, address);
 * if (!attempt.allowed()) { answer 429 with attempt.retryAfter(); }
 * else if (passwordOk) { attempt.succeeded(); } // else it stays counted as a failure
 * }</pre>
 */
public final class LoginThrottle {

    private final int perEmail;
    private final int perAddress;
    private final long windowMs;
    private final Clock clock;
    private final SlidingWindows windows;

    /** Limits of 0 turn that limit off. The counts are kept in this JVM only. */
    public LoginThrottle(int perEmail, int perAddress, Duration window, Clock clock) {
        this(perEmail, perAddress, window, clock, SlidingWindows.inMemory());
    }

    /** Limits of 0 turn that limit off; {@code windows}: where attempts are counted (shared over instances or not). */
    public LoginThrottle(int perEmail, int perAddress, Duration window, Clock clock, SlidingWindows windows) {
        this.perEmail = perEmail;
        this.perAddress = perAddress;
        this.windowMs = window.toMillis();
        this.clock = clock;
        this.windows = windows;
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
            String e = emailKey(email);
            String a = addressKey(address);
            windows.update(List.of(e, a), windowMs, clock.millis(), times -> {
                times.get(e).clear();
                return times.get(a).removeLastOccurrence(at);
            });
        }
    }

    /** Counts an attempt for {@code email} from {@code address}, unless a limit is reached: then it is refused. */
    public Attempt begin(String email, String address) {
        long now = clock.millis();
        String e = emailKey(email);
        String a = addressKey(address);
        String reportedE = "reported|" + e;
        String reportedA = "reported|" + a;
        return windows.update(List.of(e, a, reportedE, reportedA), windowMs, now, times -> {
            long emailUntil = blockedUntil(times.get(e), perEmail, now);
            long addressUntil = blockedUntil(times.get(a), perAddress, now);
            if (emailUntil > now || addressUntil > now) {
                Deque<Long> reported = times.get(emailUntil > now ? reportedE : reportedA);
                boolean report = reported.isEmpty() || reported.peekLast() <= now - windowMs;
                if (report) {
                    reported.clear();
                    reported.addLast(now);
                }
                return new Attempt(email, address, now, Duration.ofMillis(Math.max(emailUntil, addressUntil) - now),
                        report);
            }
            times.get(e).addLast(now);
            times.get(a).addLast(now);
            return new Attempt(email, address, now, Duration.ZERO, false);
        });
    }

    /** @return how long to wait before trying again; zero when an attempt is allowed now */
    public Duration wait(String email, String address) {
        long now = clock.millis();
        String e = emailKey(email);
        String a = addressKey(address);
        long until = windows.update(List.of(e, a), windowMs, now, times -> Math.max(
                blockedUntil(times.get(e), perEmail, now), blockedUntil(times.get(a), perAddress, now)));
        return Duration.ofMillis(Math.max(0, until - now));
    }

    /** The time the key may try again, or 0 while under its limit; 0 as limit turns throttling off. */
    private long blockedUntil(Deque<Long> times, int limit, long now) {
        for (Iterator<Long> it = times.iterator(); it.hasNext(); ) {
            if (it.next() <= now - windowMs) {
                it.remove();
            } else {
                break;
            }
        }
        if (limit <= 0) {
            return 0;
        }
        while (times.size() > limit) {
            times.removeFirst();
        }
        return times.size() < limit ? 0 : times.peekFirst() + windowMs;
    }

    private static String emailKey(String email) {
        return "login-email:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "login-address:" + address;
    }
}
