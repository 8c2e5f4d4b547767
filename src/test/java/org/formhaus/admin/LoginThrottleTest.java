package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anEmailIsBlockedAtItsLimitUntilTheOldestFailureLeavesTheWindow() {
        ManualClock clock = new ManualClock();
        LoginThrottle throttle = new LoginThrottle(3, 100, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.wait("A@x.example", "10.0.0.1").isZero());
            throttle.begin("a@x.example", "10.0.0.1");
            clock.now = clock.now.plusSeconds(60);
        }
        assertEquals(Duration.ofMinutes(12), throttle.wait("a@X.example", "10.0.0.2"), "any address, any case");
        clock.now = clock.now.plus(Duration.ofMinutes(12));
        assertTrue(throttle.wait("a@x.example", "10.0.0.1").isZero());
    }

    @Test
    void anAddressGuessingManyEmailsIsBlockedToo() {
        LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(15), new ManualClock());
        for (int i = 0; i < 5; i++) {
            throttle.begin("user" + i + "@x.example", "10.0.0.9");
        }
        assertTrue(!throttle.wait("fresh@x.example", "10.0.0.9").isZero());
        assertTrue(throttle.wait("fresh@x.example", "10.0.0.8").isZero());
    }

    @Test
    void successForgetsTheEmailsFailuresAndZeroTurnsALimitOff() {
        LoginThrottle throttle = new LoginThrottle(2, 0, Duration.ofMinutes(15), new ManualClock());
        throttle.begin("a@x.example", "10.0.0.1");
        throttle.begin("a@x.example", "10.0.0.1").succeeded();
        throttle.begin("a@x.example", "10.0.0.1");
        assertTrue(throttle.wait("a@x.example", "10.0.0.1").isZero());
    }

    // Issue 15: 14 parallel wrong passwords were all checked although the limit was 5.
    @Test
    void parallelAttemptsNeverGetPastTheLimit() throws Exception {
        LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofMinutes(15), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(14);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<LoginThrottle.Attempt>> attempts = new ArrayList<>();
            for (int i = 0; i < 14; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return throttle.begin("target@x.example", "10.0.0.1");
                }));
            }
            start.countDown();
            int allowed = 0;
            int reported = 0;
            for (Future<LoginThrottle.Attempt> attempt : attempts) {
                allowed += attempt.get().allowed() ? 1 : 0;
                reported += attempt.get().firstRefusal() ? 1 : 0;
            }
            assertEquals(5, allowed, "no more attempts than the limit get their password checked");
            assertEquals(1, reported, "one throttling event, not one per refusal");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSuccessfulAttemptGivesItsPlaceBackAndTheRefusalIsReportedOncePerWindow() {
        ManualClock clock = new ManualClock();
        LoginThrottle throttle = new LoginThrottle(2, 2, Duration.ofMinutes(15), clock);
        throttle.begin("a@x.example", "10.0.0.1").succeeded();
        throttle.begin("b@x.example", "10.0.0.1");
        assertTrue(throttle.begin("c@x.example", "10.0.0.1").allowed(), "the success left the address's count");
        LoginThrottle.Attempt refused = throttle.begin("d@x.example", "10.0.0.1");
        assertFalse(refused.allowed());
        assertTrue(refused.firstRefusal());
        assertFalse(throttle.begin("d@x.example", "10.0.0.1").firstRefusal());
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertTrue(throttle.begin("d@x.example", "10.0.0.1").allowed());
    }
}
