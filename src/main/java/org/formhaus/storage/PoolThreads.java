package org.formhaus.storage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the connection pool's threads (housekeeper, connection adder and closer; also the health checker's) and
 * remembers them, so that closing the pool can wait until they have really ended. HikariCP's close returns when its executors are terminated, a
 * moment before their last threads die; a servlet container that looks right after an undeploy would see them
 * running and warn of a leak. Thread-safe; one per pool.
 */
final class PoolThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> made = new CopyOnWriteArrayList<>();

    PoolThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + count.incrementAndGet());
        thread.setDaemon(true);
        made.removeIf(t -> t.getState() == Thread.State.TERMINATED);
        made.add(thread);
        return thread;
    }

    /** Waits up to {@code wait} for every thread made so far to end (after the pool was closed). */
    void awaitEnd(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (Thread thread : made) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                thread.join(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
