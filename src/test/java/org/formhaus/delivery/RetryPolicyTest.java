package org.formhaus.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(1000, 60_000);

    @Test
    void delayDoublesFromTheBaseWithEachFailedTry() {
        assertEquals(1000, policy.delayMs(0, 0.5));
        assertEquals(2000, policy.delayMs(1, 0.5));
        assertEquals(8000, policy.delayMs(3, 0.5));
    }

    @Test
    void delayIsCappedAtTheMaximumEvenAfterVeryManyTries() {
        assertEquals(60_000, policy.delayMs(10, 0.5));
        assertEquals(60_000, policy.delayMs(Integer.MAX_VALUE, 0.5));
    }

    @Test
    void jitterSpreadsDelaysByTwentyPercentEitherWay() {
        assertEquals(800, policy.delayMs(0, 0.0));
        assertEquals(1199, policy.delayMs(0, 0.9999));
        for (int i = 0; i < 1000; i++) {
            long d = policy.delayMs(2);
            assertTrue(d >= 3200 && d <= 4800, "delay " + d);
        }
    }

    @Test
    void aMaximumBelowTheBaseIsRefusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(5000, 100));
        assertEquals("maxMs (100) cannot be less than baseMs (5000)", e.getMessage());
    }
}
