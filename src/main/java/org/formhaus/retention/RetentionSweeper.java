package org.formhaus.retention;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.formhaus.storage.SubmissionStore;

/**
 * Every {@code interval}, erases the submitted values of delivered and failed submissions older than
 * {@code retention} (see {@link SubmissionStore#erasePersonalData}); submissions still being delivered are kept
 * whatever their age. Several instances may sweep the same database: erasing is idempotent. One per application;
 * {@link #close()} stops it. A retention of zero never erases.
 */
public final class RetentionSweeper implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RetentionSweeper.class.getName());
    private static final int BATCH = 500;

    private final SubmissionStore submissions;
    private final Duration retention;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "formhaus-retention");
        t.setDaemon(true);
        return t;
    });

    public RetentionSweeper(SubmissionStore submissions, Duration retention) {
        this.submissions = submissions;
        this.retention = retention;
    }

    /** Sweeps now (after {@code firstDelay}) and then every {@code interval}; does nothing when retention is zero. */
    public RetentionSweeper start(Duration firstDelay, Duration interval) {
        if (!retention.isZero()) {
            timer.scheduleWithFixedDelay(this::sweepLogged, firstDelay.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Erases everything due at {@code now}, in batches. @return how many submissions were erased */
    public int sweep(long now) throws SQLException {
        if (retention.isZero()) {
            return 0;
        }
        long cutoff = now - retention.toMillis();
        int total = 0;
        int erased;
        do {
            erased = submissions.erasePersonalData(cutoff, now, BATCH);
            total += erased;
        } while (erased == BATCH && !Thread.currentThread().isInterrupted());
        return total;
    }

    private void sweepLogged() {
        try {
            int erased = sweep(System.currentTimeMillis());
            if (erased > 0) {
                LOG.log(Level.INFO, "Retention: erased the personal data of " + erased + " submissions older than "
                        + retention.toDays() + " days");
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
