package org.formhaus.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition instead of sleeping a fixed time. */
public final class Await {

    private Await() {
    }

    /** Polls {@code probe} until it returns a non-null value, or fails after {@code timeout} with {@code what}. */
    public static <T> T until(String what, Duration timeout, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.call();
                if (value != null) {
                    return value;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(20);
        }
        AssertionError error = new AssertionError("Timed out after " + timeout + " waiting for " + what);
        if (last != null) {
            error.initCause(last);
        }
        throw error;
    }
}
