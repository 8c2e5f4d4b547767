package org.formhaus.retention;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.formhaus.forms.PrivacyRules;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.SubmissionStore;

/**
 * Every {@code interval}, erases the submitted values of delivered and failed submissions older than
 * {@code retention} (see {@link SubmissionStore#erasePersonalData}); submissions still being delivered are kept
 * whatever their age. Several instances may sweep the same database: erasing is idempotent. One per application;
 * {@link #close()} stops it. A retention of zero never erases by itself.
 *
 * <p>A form's own {@code privacy.retentionDays} replaces {@code retention} for that form's submissions (shorter or
 * longer), and a form in privacy mode ({@code privacy.eraseAfterDelivery}) has its delivered submissions erased at
 * each sweep, catching any that {@code privacy.PrivacyMode} missed. The rules of a form's latest version apply.
 */
public final class RetentionSweeper implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RetentionSweeper.class.getName());
    private static final int BATCH = 500;

    /** The latest version of every form, e.g. {@code FormStore#latestOfAll}. */
    @FunctionalInterface
    public interface Forms {
        Forms NONE = List::of;

        List<StoredForm> latest() throws SQLException;
    }

    private final SubmissionStore submissions;
    private final Duration retention;
    private final Forms forms;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "formhaus-retention");
        t.setDaemon(true);
        return t;
    });

    public RetentionSweeper(SubmissionStore submissions, Duration retention) {
        this(submissions, retention, Forms.NONE);
    }

    public RetentionSweeper(SubmissionStore submissions, Duration retention, Forms forms) {
        this.submissions = submissions;
        this.retention = retention;
        this.forms = forms;
    }

    /** Sweeps now (after {@code firstDelay}) and then every {@code interval}. */
    public RetentionSweeper start(Duration firstDelay, Duration interval) {
        timer.scheduleWithFixedDelay(this::sweepLogged, firstDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** Erases everything due at {@code now}, in batches. @return how many submissions were erased */
    public int sweep(long now) throws SQLException {
        List<String> own = new ArrayList<>();
        int total = 0;
        for (StoredForm form : forms.latest()) {
            String key = form.definition().key();
            PrivacyRules rules = PrivacyRules.of(form.definition());
            if (rules.eraseAfterDelivery()) {
                total += batches(() -> submissions.eraseDelivered(key, now, BATCH));
            }
            if (rules.retention().isPresent()) {
                own.add(key);
                long cutoff = now - rules.retention().get().toMillis();
                total += batches(() -> submissions.erasePersonalData(key, cutoff, now, BATCH));
            }
        }
        if (!retention.isZero()) {
            long cutoff = now - retention.toMillis();
            total += batches(() -> submissions.erasePersonalData(cutoff, now, BATCH, own));
        }
        return total;
    }

    @FunctionalInterface
    private interface Batch {
        int erase() throws SQLException;
    }

    private static int batches(Batch batch) throws SQLException {
        int total = 0;
        int erased;
        do {
            erased = batch.erase();
            total += erased;
        } while (erased == BATCH && !Thread.currentThread().isInterrupted());
        return total;
    }

    private void sweepLogged() {
        try {
            int erased = sweep(System.currentTimeMillis());
            if (erased > 0) {
                LOG.log(Level.INFO, "Retention: erased the personal data of " + erased + " submissions (instance "
                        + "retention " + retention.toDays() + " days, and the forms' own privacy rules)");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Retention sweep failed; trying again at the next interval: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
