package org.formhaus.delivery;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.formhaus.storage.DeliveryJobStore;

/**
 * Takes due jobs from the outbox and hands them to a {@link JobRunner}: at most {@code workers} at a time in this
 * instance and {@code perAccount} per account over all instances. Leases of jobs in flight are renewed while they
 * run; a job whose instance died becomes due again when its lease runs out. One per application instance, started
 * once; {@link #close()} stops taking jobs, lets those in flight finish (up to the grace period), then interrupts the
 * rest and releases their jobs at once for any instance.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DeliveryWorker.class.getName());

    private final String id = "worker-" + UUID.randomUUID();
    private final DeliveryJobStore jobs;
    private final JobRunner runner;
    private final DeliverySettings settings;
    private final Semaphore slots;
    private final ExecutorService pool;
    private final Thread poller;
    private final Map<String, DeliveryJobStore.Job> inFlight = new ConcurrentHashMap<>();
    private final Object wakeUp = new Object();
    private volatile boolean running = true;
    private long leasesRenewedMs = System.currentTimeMillis();

    DeliveryWorker(DeliveryJobStore jobs, JobRunner runner, DeliverySettings settings) {
        this.jobs = jobs;
        this.runner = runner;
        this.settings = settings;
        this.slots = new Semaphore(settings.workers());
        this.pool = Executors.newFixedThreadPool(settings.workers(), r -> new Thread(r, "formhaus-delivery"));
        this.poller = new Thread(this::pollLoop, "formhaus-delivery-poller");
        this.poller.setDaemon(true);
    }

    /** A worker over the given stores; {@code delivery} runs the onOffice steps of each submission. */
    public static DeliveryWorker create(org.formhaus.storage.SubmissionStore submissions,
                                        org.formhaus.storage.FormStore forms, org.formhaus.storage.AccountStore accounts,
                                        DeliveryJobStore jobs, ClientFactory clients, SubmissionDelivery delivery,
                                        DeliverySettings settings) {
        return create(submissions, forms, accounts, jobs, clients, delivery, settings, DeliveryOutcomes.NONE);
    }

    /** As {@link #create(org.formhaus.storage.SubmissionStore, org.formhaus.storage.FormStore,
     * org.formhaus.storage.AccountStore, DeliveryJobStore, ClientFactory, SubmissionDelivery, DeliverySettings)},
     * telling {@code outcomes} of every recorded try. */
    public static DeliveryWorker create(org.formhaus.storage.SubmissionStore submissions,
                                        org.formhaus.storage.FormStore forms, org.formhaus.storage.AccountStore accounts,
                                        DeliveryJobStore jobs, ClientFactory clients, SubmissionDelivery delivery,
                                        DeliverySettings settings, DeliveryOutcomes outcomes) {
        JobRunner runner = new JobRunner(jobs, submissions, forms, accounts, clients, delivery, settings.retry(),
                outcomes);
        return new DeliveryWorker(jobs, runner, settings);
    }

    public DeliveryWorker start() {
        poller.start();
        return this;
    }

    /** This instance's name in the outbox's leases. */
    public String id() {
        return id;
    }

    /** False once the worker was closed, or its polling thread died; then only a restart brings delivery back. */
    public boolean isRunning() {
        return running && poller.isAlive();
    }

    /** Looks for due jobs now instead of at the next poll, e.g. right after a submission was accepted. */
    public void nudge() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void pollLoop() {
        while (running) {
            try {
                renewLeasesWhenDue();
                int free = slots.availablePermits();
                List<DeliveryJobStore.Job> due = free == 0 ? List.of()
                        : jobs.claimDue(id, System.currentTimeMillis(), settings.leaseMs(), free, settings.perAccount());
                for (DeliveryJobStore.Job job : due) {
                    dispatch(job);
                }
                if (due.isEmpty()) {
                    synchronized (wakeUp) {
                        // Renewals are due every third of a lease, however long the poll interval is.
                        wakeUp.wait(inFlight.isEmpty() ? settings.pollMs()
                                : Math.min(settings.pollMs(), settings.leaseMs() / 3));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Delivery poll failed, trying again in " + settings.pollMs() + " ms: "
                        + e.getMessage());
                sleep(settings.pollMs());
            }
        }
    }

    private void dispatch(DeliveryJobStore.Job job) throws InterruptedException {
        slots.acquire();
        inFlight.put(job.submissionId(), job);
        try {
            pool.execute(() -> {
                try {
                    runner.run(job, id, () -> running);
                } finally {
                    inFlight.remove(job.submissionId());
                    slots.release();
                    nudge();
                }
            });
        } catch (RuntimeException e) {
            // Rejected because close() began: the job goes back for the next instance.
            inFlight.remove(job.submissionId());
            slots.release();
            releaseQuietly(job.submissionId());
        }
    }

    /** Keeps slow deliveries (onOffice answering slowly, long backoffs inside a request) from losing their lease. */
    private void renewLeasesWhenDue() throws SQLException {
        long now = System.currentTimeMillis();
        if (now - leasesRenewedMs < settings.leaseMs() / 3) {
            return;
        }
        leasesRenewedMs = now;
        jobs.renewLeases(id, List.copyOf(inFlight.keySet()), now + settings.leaseMs());
    }

    private void releaseQuietly(String submissionId) {
        try {
            jobs.release(submissionId, id);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not release the job of " + submissionId + "; its lease expires on its own: "
                    + e.getMessage());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        pool.shutdown();
        try {
            poller.join(5_000);
            if (!pool.awaitTermination(settings.shutdownGraceMs(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, inFlight.size() + " deliveries still running after the shutdown grace period; "
                        + "interrupting them and releasing their jobs");
                pool.shutdownNow();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            jobs.releaseAll(id);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not release delivery leases; they expire on their own: " + e.getMessage());
        }
    }
}
