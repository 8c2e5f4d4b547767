package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery outbox. A job is claimed with a conditional UPDATE that only one instance can win (it works the same
 * on MariaDB and H2, without SKIP LOCKED), and the claim is a lease: a crashed instance's jobs become due again when
 * the lease ends. Thread-safe; one per application.
 */
public final class DeliveryJobStore {

    private final Database db;

    public DeliveryJobStore(Database db) {
        this.db = db;
    }

    /** A claimed job: the submission to deliver and how many tries came before. */
    public record Job(String submissionId, long accountId, int attempts, long giveUpMs) {
    }

    /** Claims up to {@code limit} due jobs for {@code worker}, each leased until {@code now + leaseMs}. */
    public List<Job> claimDue(String worker, long now, long leaseMs, int limit) throws SQLException {
        List<Job> claimed = new ArrayList<>();
        try (Connection c = db.connection()) {
            List<Job> due = Jdbc.query(c, row -> new Job(row.getString(1), row.getLong(2), row.getInt(3), row.getLong(4)),
                    "SELECT submission_id, account_id, attempts, give_up_ms FROM delivery_job WHERE state = 'pending' "
                            + "AND due_ms <= ? AND (locked_until IS NULL OR locked_until < ?) ORDER BY due_ms LIMIT "
                            + (limit * 2), now, now);
            for (Job job : due) {
                if (claimed.size() == limit) {
                    break;
                }
                int won = Jdbc.update(c, "UPDATE delivery_job SET locked_by = ?, locked_until = ? WHERE submission_id = ? "
                        + "AND state = 'pending' AND (locked_until IS NULL OR locked_until < ?)",
                        worker, now + leaseMs, job.submissionId(), now);
                if (won == 1) {
                    claimed.add(job);
                }
            }
        }
        return claimed;
    }

    /** Marks the submission as being delivered, so the admin sees it moving. */
    public void markDelivering(String submissionId) throws SQLException {
        setStatus(submissionId, SubmissionStatus.DELIVERING, null);
    }

    public void succeed(String submissionId, DeliveryAttempt attempt) throws SQLException {
        finish(submissionId, "done", null, SubmissionStatus.DELIVERED, null, attempt);
    }

    /** Tries again at {@code dueMs}; the submission stays 'delivering' with the reason shown. */
    public void reschedule(String submissionId, long dueMs, DeliveryAttempt attempt) throws SQLException {
        finish(submissionId, "pending", dueMs, SubmissionStatus.DELIVERING, attempt.message(), attempt);
    }

    /** Stops trying: the submission is 'failed' with the reason, until an admin retries it. */
    public void fail(String submissionId, DeliveryAttempt attempt) throws SQLException {
        finish(submissionId, "failed", null, SubmissionStatus.FAILED, attempt.message(), attempt);
    }

    /** An admin's retry: due now, with a fresh horizon. @return false when there is no such job */
    public boolean retry(String submissionId, long now, long giveUpMs) throws SQLException {
        return db.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE delivery_job SET state = 'pending', due_ms = ?, give_up_ms = ?, "
                    + "locked_by = NULL, locked_until = NULL WHERE submission_id = ? AND state <> 'done'",
                    now, giveUpMs, submissionId);
            if (n == 1) {
                Jdbc.update(c, "UPDATE submission SET status = ?, updated_ms = ? WHERE id = ?",
                        SubmissionStatus.RECEIVED.jsonName(), now, submissionId);
            }
            return n == 1;
        });
    }

    /** Gives back every lease {@code worker} holds, so another instance can take the jobs at once. */
    public void releaseAll(String worker) throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "UPDATE delivery_job SET locked_by = NULL, locked_until = NULL WHERE locked_by = ? "
                    + "AND state = 'pending'", worker);
        }
    }

    public int countPending() throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getInt(1), "SELECT COUNT(*) FROM delivery_job WHERE state = 'pending'")
                    .orElse(0);
        }
    }

    private void finish(String submissionId, String state, Long dueMs, SubmissionStatus status, String error,
                        DeliveryAttempt attempt) throws SQLException {
        db.inTransaction(c -> {
            if (dueMs == null) {
                Jdbc.update(c, "UPDATE delivery_job SET state = ?, attempts = attempts + 1, locked_by = NULL, "
                        + "locked_until = NULL WHERE submission_id = ?", state, submissionId);
            } else {
                Jdbc.update(c, "UPDATE delivery_job SET state = ?, due_ms = ?, attempts = attempts + 1, locked_by = NULL, "
                        + "locked_until = NULL WHERE submission_id = ?", state, dueMs, submissionId);
            }
            Jdbc.update(c, "UPDATE submission SET status = ?, last_error = ?, updated_ms = ? WHERE id = ?",
                    status.jsonName(), truncate(error), attempt.finishedMs(), submissionId);
            Jdbc.update(c, "INSERT INTO delivery_attempt (submission_id, started_ms, finished_ms, outcome, message) "
                    + "VALUES (?, ?, ?, ?, ?)", submissionId, attempt.startedMs(), attempt.finishedMs(),
                    attempt.outcome(), truncate(attempt.message() == null ? "" : attempt.message()));
            return null;
        });
    }

    private void setStatus(String submissionId, SubmissionStatus status, String error) throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "UPDATE submission SET status = ?, last_error = COALESCE(?, last_error), updated_ms = ? "
                    + "WHERE id = ?", status.jsonName(), error, System.currentTimeMillis(), submissionId);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}
