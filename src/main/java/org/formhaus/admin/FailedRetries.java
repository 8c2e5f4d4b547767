package org.formhaus.admin;

import java.sql.SQLException;
import java.time.Duration;
import org.formhaus.storage.DeliveryJobStore;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.SubmissionSearch;

/**
 * "Retry all failed" of a form: every failed submission (not erased) gets its failed jobs due again with a fresh
 * horizon, as a single retry does, then delivery is woken once. Thread-safe; one per application.
 */
public final class FailedRetries {

    private final SubmissionSearch search;
    private final FormStore forms;
    private final DeliveryJobStore jobs;
    private final Duration giveUpAfter;
    private final Runnable onRetry;

    public FailedRetries(SubmissionSearch search, FormStore forms, DeliveryJobStore jobs, Duration giveUpAfter,
                         Runnable onRetry) {
        this.search = search;
        this.forms = forms;
        this.jobs = jobs;
        this.giveUpAfter = giveUpAfter;
        this.onRetry = onRetry;
    }

    /** @return how many submissions are on their way again; -1 when the account has no such form */
    public int retryAll(long accountId, String formKey) throws SQLException {
        if (!owns(forms, accountId, formKey)) {
            return -1;
        }
        int retried = 0;
        for (String id : search.failedIds(accountId, formKey)) {
            long now = System.currentTimeMillis();
            if (jobs.retry(id, now, now + giveUpAfter.toMillis())) {
                retried++;
            }
        }
        if (retried > 0) {
            onRetry.run();
        }
        return retried;
    }

    /** Whether the form (live or deleted) belongs to the account. */
    public static boolean owns(FormStore forms, long accountId, String formKey) throws SQLException {
        return forms.version(formKey, 1).filter(f -> f.accountId() == accountId).isPresent();
    }
}
