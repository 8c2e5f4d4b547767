package org.formhaus.admin.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
            throttle.failed("a@x.example", "10.0.0.1");
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
            throttle.failed("user" + i + "@x.example", "10.0.0.9");
        }
        assertTrue(!throttle.wait("fresh@x.example", "10.0.0.9").isZero());
        assertTrue(throttle.wait("fresh@x.example", "10.0.0.8").isZero());
    }

    @Test
    void successForgetsTheEmailsFailuresAndZeroTurnsALimitOff() {
        LoginThrottle throttle = new LoginThrottle(2, 0, Duration.ofMinutes(15), new ManualClock());
        throttle.failed("a@x.example", "10.0.0.1");
        throttle.succeeded("a@x.example");
        throttle.failed("a@x.example", "10.0.0.1");
        assertTrue(throttle.wait("a@x.example", "10.0.0.1").isZero());
    }
}
