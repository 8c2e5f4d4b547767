package org.formhaus.options;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs refreshes so that no account can hold up another's: at most one refresh per account at a time (a second
 * request for the same account joins the one running), on a pool of {@code threads} without a queue. When every
 * thread is busy a refresh is refused at once rather than queued behind accounts whose onOffice does not answer; the
 * caller tries again later. How long one refresh may take is bounded by the onOffice client's timeouts.
 * Thread-safe; one per application; {@link #close()} stops it.
 */
final class RefreshBulkhead implements AutoCloseable {

    /** One refresh of one account. */
    @FunctionalInterface
    interface Refresh {
        void run() throws Exception;
    }

    private final ThreadPoolExecutor pool;
    private final Map<Long, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    RefreshBulkhead(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, threads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "formhaus-options-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts {@code refresh} for the account unless one is running already (then that one is returned). The future
     * fails with {@link RejectedExecutionException} when every thread is busy.
     */
    CompletableFuture<Void> run(long accountId, Refresh refresh) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> other = running.putIfAbsent(accountId, mine);
        if (other != null) {
            return other;
        }
        try {
            pool.execute(() -> {
                try {
                    refresh.run();
                    running.remove(accountId, mine);
                    mine.complete(null);
                } catch (Throwable e) {
                    running.remove(accountId, mine);
                    mine.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(accountId, mine);
            mine.completeExceptionally(e);
        }
        return mine;
    }

    /** Whether a refresh of the account is running. */
    boolean isRunning(long accountId) {
        return running.containsKey(accountId);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
