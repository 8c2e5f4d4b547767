package org.formhaus.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Allows at most {@code perMinute} events per key in any sliding minute; 0 allows everything. Thread-safe; keys
 * idle for a minute are forgotten, so memory stays bounded by the recently active clients.
 */
final class RateLimiter {

    private static final long WINDOW_MS = 60_000;
    private final int perMinute;
    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /** @return 0 when allowed (and counted), else the seconds until the next event would be allowed */
    long acquire(String key, long nowMs) {
        if (perMinute == 0) {
            return 0;
        }
        sweep(nowMs);
        Deque<Long> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= nowMs - WINDOW_MS) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return Math.max(1, (times.peekFirst() + WINDOW_MS - nowMs + 999) / 1000);
            }
            times.addLast(nowMs);
            return 0;
        }
    }

    private void sweep(long nowMs) {
        if (nowMs - lastSweep < WINDOW_MS) {
            return;
        }
        lastSweep = nowMs;
        events.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Long last = e.getValue().peekLast();
                return last == null || last <= nowMs - WINDOW_MS;
            }
        });
    }
}
