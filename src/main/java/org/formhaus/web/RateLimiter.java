package org.formhaus.web;

import java.util.Deque;
import java.util.List;
import org.formhaus.storage.SlidingWindows;

/**
 * Allows at most {@code perMinute} events per key in any sliding minute; 0 allows everything. The events are counted
 * in {@link SlidingWindows}: in the database, over every instance on it. Thread-safe.
 */
final class RateLimiter {

    private static final long WINDOW_MS = 60_000;
    private final String name;
    private final int perMinute;
    private final SlidingWindows windows;

    /** {@code name} keeps this limiter's keys apart from others' in the same windows. */
    RateLimiter(String name, int perMinute, SlidingWindows windows) {
        this.name = name;
        this.perMinute = perMinute;
        this.windows = windows;
    }

    /** A limiter of this JVM only. */
    RateLimiter(int perMinute) {
        this("rate", perMinute, SlidingWindows.inMemory());
    }

    /** @return 0 when allowed (and counted), else the seconds until the next event would be allowed */
    long acquire(String key, long nowMs) {
        if (perMinute == 0) {
            return 0;
        }
        String k = name + ":" + key;
        return windows.update(List.of(k), WINDOW_MS, nowMs, all -> {
            Deque<Long> times = all.get(k);
            while (!times.isEmpty() && times.peekFirst() <= nowMs - WINDOW_MS) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return Math.max(1, (times.peekFirst() + WINDOW_MS - nowMs + 999) / 1000);
            }
            times.addLast(nowMs);
            return 0L;
        });
    }
}
