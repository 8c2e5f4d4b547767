package org.formhaus.storage;

import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Event times by key (oldest first), each kept for a window after its newest event: what rate limits, the sign-in
 * throttle and the proof of work's replay memory count with. {@link #update} reads and changes the times of some keys
 * as one atomic step. {@link SharedWindows} keeps them in the database, so every instance on it counts together;
 * {@link #inMemory()} keeps them in this JVM only (a single instance, unit tests). Implementations are thread-safe.
 *
 * <pre>{@code
 * boolean allowed = windows.update(List.of("rate:" + key), 60_000, now, times -> {
 *     Deque<Long> t = times.get("rate:" + key);
 *     t.removeIf(at -> at <= now - 60_000);
 *     return t.size() < limit && t.add(now);
 * });
 * }</pre>
 */
public interface SlidingWindows {

    /** A change of the times of some keys; the deques as it leaves them are kept. */
    @FunctionalInterface
    interface Change<T> {
        T apply(Map<String, Deque<Long>> times);
    }

    /**
     * Runs {@code change} on the times of {@code keys} (a key never seen, or expired, has an empty deque) with no other
     * update of these keys in between, and keeps what it leaves until {@code windowMs} after the newest time.
     *
     * @throws StorageException when the database cannot be reached or stays busy
     */
    <T> T update(List<String> keys, long windowMs, long now, Change<T> change);

    /** Windows in this JVM's memory: correct for one instance only. */
    static SlidingWindows inMemory() {
        return new LocalWindows();
    }
}
