package org.formhaus.delivery;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.formhaus.logs.LogContext;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.DeliveryAttempt;
import org.formhaus.storage.DeliveryJobStore;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.JobKind;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionStore;

/**
 * One try at a claimed job, and its outcome in the outbox: delivered; retried later with backoff (failures that
 * may pass, until the job's horizon); or failed at once with a reason naming what to fix. Thread-safe; one per worker.
 */
final class JobRunner {

    private static final System.Logger LOG = System.getLogger(JobRunner.class.getName());

    private final DeliveryJobStore jobs;
    private final SubmissionStore submissions;
    private final FormStore forms;
    private final AccountStore accounts;
    private final ClientFactory clients;
    private final SubmissionDelivery delivery;
    private final RetryPolicy retry;
    private final DeliveryOutcomes outcomes;

    JobRunner(DeliveryJobStore jobs, SubmissionStore submissions, FormStore forms, AccountStore accounts,
              ClientFactory clients, SubmissionDelivery delivery, RetryPolicy retry, DeliveryOutcomes outcomes) {
        this.jobs = jobs;
        this.submissions = submissions;
        this.forms = forms;
        this.accounts = accounts;
        this.clients = clients;
        this.delivery = delivery;
        this.retry = retry;
        this.outcomes = outcomes;
    }

    /** @param running false once the worker shuts down: an interrupted try then gives the job back untried */
    void run(DeliveryJobStore.Job job, String worker, BooleanSupplier running) {
        Try attempt = new Try(job, worker, System.currentTimeMillis());
        try (LogContext.Scope scope = LogContext.put(LogContext.SUBMISSION_ID, job.submissionId())) {
            jobs.markDelivering(job.submissionId());
            deliver(job, attempt);
        } catch (OnOfficeException e) {
            if (Thread.currentThread().isInterrupted() && !running.getAsBoolean()) {
                giveBack(attempt);
            } else {
                attempt.failed(e.retryable(), FailureReason.of(e));
            }
        } catch (PermanentDeliveryException e) {
            attempt.failed(false, e.getMessage());
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.ERROR, "Delivery of " + job.submissionId() + " failed unexpectedly; will retry", e);
            attempt.failed(true, "Internal error (" + e.getClass().getSimpleName() + "); will retry");
        }
    }

    private void deliver(DeliveryJobStore.Job job, Try attempt)
            throws SQLException, OnOfficeException, PermanentDeliveryException {
        Submission submission = submissions.find(job.submissionId()).orElseThrow();
        if (job.kind() == JobKind.NEWSLETTER_CONFIRMATION) {
            confirmNewsletter(submission, attempt);
            return;
        }
        Optional<StoredForm> form = forms.version(submission.formKey(), submission.formVersion());
        Optional<Account> account = accounts.find(submission.accountId());
        if (form.isEmpty() || account.isEmpty()) {
            throw new PermanentDeliveryException("The form or account no longer exists");
        }
        if (submission.erased()) {
            throw new PermanentDeliveryException("The submission's personal data was erased (retention period over); "
                    + "there is nothing left to deliver");
        }
        if (!account.get().onOffice().complete()) {
            throw new PermanentDeliveryException("The onOffice connection is not set up: enter the API user's token "
                    + "and secret under Settings → onOffice, then retry");
        }
        delivery.deliver(submission, form.get(), account.get(), clients.clientFor(account.get().onOffice()));
        attempt.delivered();
    }

    /** Writes the address as the subscriber submitted it, with the form version they used. */
    private void confirmNewsletter(Submission submission, Try attempt)
            throws SQLException, OnOfficeException, PermanentDeliveryException {
        Account account = accounts.find(submission.accountId()).orElseThrow(() ->
                new PermanentDeliveryException("The account no longer exists"));
        StoredForm form = forms.version(submission.formKey(), submission.formVersion()).orElseThrow(() ->
                new PermanentDeliveryException("The form no longer exists"));
        if (!account.onOffice().complete()) {
            throw new PermanentDeliveryException("The onOffice connection is not set up: enter the API user's token "
                    + "and secret under Settings → onOffice, then retry");
        }
        delivery.confirmNewsletter(submission, form, clients.clientFor(account.onOffice()));
        attempt.delivered();
    }

    /** Shutdown interrupted the try: no attempt is counted, and another instance may take the job at once. */
    private void giveBack(Try attempt) {
        boolean interrupted = Thread.interrupted(); // JDBC needs an uninterrupted thread; the flag is restored below
        try {
            jobs.release(attempt.job.submissionId(), attempt.worker);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not release the job of " + attempt.job.submissionId()
                    + " at shutdown; its lease expires on its own: " + e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One try's bookkeeping. */
    private final class Try {
        final DeliveryJobStore.Job job;
        final String worker;
        final long startedMs;

        Try(DeliveryJobStore.Job job, String worker, long startedMs) {
            this.job = job;
            this.worker = worker;
            this.startedMs = startedMs;
        }

        void delivered() throws SQLException {
            record(jobs.succeed(job.submissionId(), worker, attempt("delivered", "")), DeliveryOutcomes.Outcome.DELIVERED);
        }

        void failed(boolean retryable, String reason) {
            try {
                long due = System.currentTimeMillis() + retry.delayMs(job.attempts());
                if (!retryable) {
                    record(jobs.fail(job.submissionId(), worker, attempt("failed", reason)),
                            DeliveryOutcomes.Outcome.FAILED);
                } else if (due > job.giveUpMs()) {
                    record(jobs.fail(job.submissionId(), worker, attempt("failed", "Gave up after "
                            + (job.attempts() + 1) + " attempts: " + reason)), DeliveryOutcomes.Outcome.FAILED);
                } else {
                    record(jobs.reschedule(job.submissionId(), worker, due, attempt("retry", reason)),
                            DeliveryOutcomes.Outcome.RETRY);
                }
            } catch (SQLException e) {
                // The lease runs out and the job comes back: nothing is lost, at worst the step is tried again.
                LOG.log(Level.ERROR, "Cannot record the outcome of " + job.submissionId() + "; the lease will expire", e);
            }
        }

        private void record(boolean recorded, DeliveryOutcomes.Outcome outcome) {
            if (recorded) {
                // The outcome only: a reason may quote onOffice's message about a field and its value.
                LOG.log(Level.INFO, "Delivery try {0} of the submission: {1}", job.attempts() + 1, outcome.label());
                outcomes.recorded(job.submissionId(), outcome);
            } else {
                LOG.log(Level.WARNING, "The lease on " + job.submissionId() + " was lost before its outcome could be "
                        + "recorded; the instance holding it now records it");
            }
        }

        private DeliveryAttempt attempt(String outcome, String message) {
            if (job.kind() == JobKind.NEWSLETTER_CONFIRMATION) {
                message = message.isEmpty() ? "Newsletter confirmation" : "Newsletter confirmation: " + message;
            }
            return new DeliveryAttempt(startedMs, System.currentTimeMillis(), outcome, message);
        }
    }
}
