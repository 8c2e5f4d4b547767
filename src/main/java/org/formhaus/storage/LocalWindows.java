package org.formhaus.storage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link SlidingWindows} in memory, under one lock (the work under it is tiny); expired keys are swept. */
final class LocalWindows implements SlidingWindows {

    private record Kept(Deque<Long> times, long expiresMs) {
    }

    private final Map<String, Kept> kept = new HashMap<>();
    private long nextSweepMs;

    @Override
    public synchronized <T> T update(List<String> keys, long windowMs, long now, Change<T> change) {
        if (now >= nextSweepMs) {
            nextSweepMs = now + 60_000;
            kept.values().removeIf(k -> k.expiresMs() < now);
        }
        Map<String, Deque<Long>> times = new LinkedHashMap<>();
        for (String key : keys) {
            Kept k = kept.get(key);
            times.put(key, k == null || k.expiresMs() < now ? new ArrayDeque<>() : k.times());
        }
        T result = change.apply(times);
        times.forEach((key, t) -> {
            if (t.isEmpty()) {
                kept.remove(key);
            } else {
                kept.put(key, new Kept(t, t.peekLast() + windowMs));
            }
        });
        return result;
    }
}
