package org.formhaus.delivery;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.DeliveryAttempt;
import org.formhaus.storage.DeliveryJobStore;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionStore;

/**
 * Takes due jobs from the outbox and delivers them, at most {@code concurrency} at a time. Retryable failures are
 * tried again with backoff until the job's horizon; failures that retrying cannot fix end the job 'failed' at once.
 * One per application instance; {@link #close()} stops taking jobs, lets those in flight finish (up to a grace
 * period) and releases the leases of the rest.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DeliveryWorker.class.getName());
    private static final long LEASE_MS = 5 * 60_000;

    private final String id = "worker-" + UUID.randomUUID();
    private final DeliveryJobStore jobs;
    private final SubmissionStore submissions;
    private final FormStore forms;
    private final AccountStore accounts;
    private final ClientFactory clients;
    private final RetryPolicy retry;
    private final SubmissionDelivery delivery;
    private final Semaphore slots;
    private final ExecutorService pool;
    private final Thread poller;
    private final long pollMs;
    private final Object wakeUp = new Object();
    private volatile boolean running = true;

    public DeliveryWorker(DeliveryJobStore jobs, SubmissionStore submissions, FormStore forms, AccountStore accounts,
                          ClientFactory clients, RetryPolicy retry, int concurrency, long pollMs) {
        this(jobs, submissions, forms, accounts, clients, retry, concurrency, pollMs, new SubmissionDelivery(submissions));
    }

    /** With the steps each submission runs ({@link SubmissionDelivery}: mapping plus e-mails). */
    public DeliveryWorker(DeliveryJobStore jobs, SubmissionStore submissions, FormStore forms, AccountStore accounts,
                          ClientFactory clients, RetryPolicy retry, int concurrency, long pollMs,
                          SubmissionDelivery delivery) {
        this.jobs = jobs;
        this.submissions = submissions;
        this.forms = forms;
        this.accounts = accounts;
        this.clients = clients;
        this.retry = retry;
        this.delivery = delivery;
        this.slots = new Semaphore(concurrency);
        this.pool = Executors.newFixedThreadPool(concurrency, r -> new Thread(r, "formhaus-delivery"));
        this.pollMs = pollMs;
        this.poller = new Thread(this::pollLoop, "formhaus-delivery-poller");
        this.poller.setDaemon(true);
    }

    public DeliveryWorker start() {
        poller.start();
        return this;
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
                int free = slots.availablePermits();
                List<DeliveryJobStore.Job> due = free == 0 ? List.of()
                        : jobs.claimDue(id, System.currentTimeMillis(), LEASE_MS, free);
                for (DeliveryJobStore.Job job : due) {
                    slots.acquire();
                    pool.execute(() -> {
                        try {
                            deliver(job);
                        } finally {
                            slots.release();
                            nudge();
                        }
                    });
                }
                if (due.isEmpty()) {
                    synchronized (wakeUp) {
                        wakeUp.wait(pollMs);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Delivery poll failed, trying again in " + pollMs + " ms: " + e.getMessage());
                sleepQuietly(pollMs);
            }
        }
    }

    void deliver(DeliveryJobStore.Job job) {
        long started = System.currentTimeMillis();
        try {
            jobs.markDelivering(job.submissionId());
            Submission submission = submissions.find(job.submissionId()).orElseThrow();
            Optional<StoredForm> form = forms.version(submission.formKey(), submission.formVersion());
            Optional<Account> account = accounts.find(submission.accountId());
            if (form.isEmpty() || account.isEmpty()) {
                jobs.fail(job.submissionId(), attempt(started, "failed", "The form or account no longer exists"));
                return;
            }
            if (!account.get().onOffice().complete()) {
                jobs.fail(job.submissionId(), attempt(started, "failed",
                        "The onOffice connection is not set up: enter the API user's token and secret in the settings"));
                return;
            }
            delivery.deliver(submission, form.get(), account.get(), clients.clientFor(account.get().onOffice()));
            jobs.succeed(job.submissionId(), attempt(started, "delivered", ""));
        } catch (OnOfficeException e) {
            onFailure(job, started, e.retryable(), describe(e));
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.ERROR, "Delivery of " + job.submissionId() + " failed unexpectedly; will retry", e);
            onFailure(job, started, true, "Internal error: " + e.getClass().getSimpleName());
        }
    }

    private void onFailure(DeliveryJobStore.Job job, long started, boolean retryable, String reason) {
        try {
            long now = System.currentTimeMillis();
            long due = now + retry.delayMs(job.attempts());
            if (!retryable) {
                jobs.fail(job.submissionId(), attempt(started, "failed", reason));
            } else if (due > job.giveUpMs()) {
                jobs.fail(job.submissionId(), attempt(started, "failed", "Gave up after " + (job.attempts() + 1)
                        + " attempts: " + reason));
            } else {
                jobs.reschedule(job.submissionId(), due, attempt(started, "retry", reason));
            }
        } catch (SQLException e) {
            // The lease runs out and the job comes back: nothing is lost, at worst tried again.
            LOG.log(Level.ERROR, "Cannot record the outcome of " + job.submissionId() + "; the lease will expire", e);
        }
    }

    static String describe(OnOfficeException e) {
        return e.onOfficeMessage() == null ? e.getMessage()
                : "onOffice error " + e.errorCode() + ": " + e.onOfficeMessage() + " (" + e.reason() + ")";
    }

    private static DeliveryAttempt attempt(long started, String outcome, String message) {
        return new DeliveryAttempt(started, System.currentTimeMillis(), outcome, message);
    }

    private static void sleepQuietly(long ms) {
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
            if (!pool.awaitTermination(20, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            jobs.releaseAll(id);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not release delivery leases; they expire on their own: " + e.getMessage());
        }
    }
}
