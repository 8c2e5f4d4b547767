package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The delivery outbox. A job is claimed with a conditional UPDATE that only one instance can win (InnoDB re-reads
 * the row under its lock, so it works like SKIP LOCKED, the same on MariaDB and H2), and the claim is a lease: a
 * crashed instance's jobs become due again when the lease ends, and only the lease holder may record an outcome.
 * A submission may have one job of each {@link JobKind}; jobs of one submission never run at the same time (a job is
 * not claimed while another of its submission is leased), so an instance holds at most one job per submission and
 * the lease operations below name the submission only. The submission's status sums up its jobs: failed when one
 * failed, else delivering while one is pending, else delivered. Thread-safe; one per application.
 */
public final class DeliveryJobStore {

    private final Database db;

    public DeliveryJobStore(Database db) {
        this.db = db;
    }

    /** A claimed job: the submission it is for, what to do, and how many tries came before. */
    public record Job(String submissionId, JobKind kind, long accountId, int attempts, long giveUpMs) {
    }

    /**
     * Claims up to {@code limit} due jobs for {@code worker}, each leased until {@code now + leaseMs}, taking no more
     * jobs of one account than make {@code perAccount} leases held by all instances together. A job whose lease ran
     * out (its instance died) is due again.
     */
    public List<Job> claimDue(String worker, long now, long leaseMs, int limit, int perAccount) throws SQLException {
        List<Job> claimed = new ArrayList<>();
        try (Connection c = db.connection()) {
            Map<Long, Integer> leased = leasesByAccount(c, now);
            StringBuilder skip = new StringBuilder();
            leased.forEach((account, count) -> {
                if (count >= perAccount) {
                    skip.append(skip.length() == 0 ? " AND account_id NOT IN (" : ", ").append(account);
                }
            });
            if (skip.length() > 0) {
                skip.append(')');
            }
            // Twice the limit: some candidates are won by another instance between this read and the claim.
            List<Job> due = Jdbc.query(c, row -> new Job(row.getString(1), JobKind.of(row.getString(2)), row.getLong(3),
                            row.getInt(4), row.getLong(5)),
                    "SELECT submission_id, kind, account_id, attempts, give_up_ms FROM delivery_job j "
                            + "WHERE state = 'pending' AND due_ms <= ? AND (locked_until IS NULL OR locked_until < ?)" + skip
                            + " AND NOT EXISTS (SELECT 1 FROM delivery_job o WHERE o.submission_id = j.submission_id "
                            + "AND o.kind <> j.kind AND o.state = 'pending' AND o.locked_until >= ?)"
                            + " ORDER BY due_ms LIMIT " + (limit * 2), now, now, now);
            Set<String> submissions = new HashSet<>();
            for (Job job : due) {
                if (claimed.size() == limit) {
                    break;
                }
                if (leased.getOrDefault(job.accountId(), 0) >= perAccount || submissions.contains(job.submissionId())) {
                    continue;
                }
                // The conditional UPDATE is the claim: of several instances, exactly one changes the row.
                int won = Jdbc.update(c, "UPDATE delivery_job SET locked_by = ?, locked_until = ? WHERE submission_id = ? "
                        + "AND kind = ? AND state = 'pending' AND (locked_until IS NULL OR locked_until < ?)",
                        worker, now + leaseMs, job.submissionId(), job.kind().stored(), now);
                if (won == 1) {
                    claimed.add(job);
                    submissions.add(job.submissionId());
                    leased.merge(job.accountId(), 1, Integer::sum);
                }
            }
        }
        return claimed;
    }

    private static Map<Long, Integer> leasesByAccount(Connection c, long now) throws SQLException {
        Map<Long, Integer> leased = new HashMap<>();
        for (long[] row : Jdbc.query(c, r -> new long[]{r.getLong(1), r.getLong(2)},
                "SELECT account_id, COUNT(*) FROM delivery_job WHERE state = 'pending' AND locked_until >= ? "
                        + "GROUP BY account_id", now)) {
            leased.put(row[0], (int) row[1]);
        }
        return leased;
    }

    /** Extends the leases {@code worker} holds on {@code submissionIds} (deliveries still running) to {@code until}. */
    public void renewLeases(String worker, Collection<String> submissionIds, long until) throws SQLException {
        if (submissionIds.isEmpty()) {
            return;
        }
        try (Connection c = db.connection()) {
            for (String id : submissionIds) {
                Jdbc.update(c, "UPDATE delivery_job SET locked_until = ? WHERE submission_id = ? AND locked_by = ? "
                        + "AND state = 'pending'", until, id, worker);
            }
        }
    }

    /** Gives one job back untried (e.g. interrupted by shutdown), due at once for any instance. */
    public void release(String submissionId, String worker) throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "UPDATE delivery_job SET locked_by = NULL, locked_until = NULL WHERE submission_id = ? "
                    + "AND locked_by = ? AND state = 'pending'", submissionId, worker);
        }
    }

    /** Marks the submission as being delivered, so the admin sees it moving. */
    public void markDelivering(String submissionId) throws SQLException {
        setStatus(submissionId, SubmissionStatus.DELIVERING, null);
    }

    /*
     * The outcomes below apply only while {@code worker} still holds the job's lease, and return false otherwise: an
     * instance that lost its lease (it stalled longer than the lease, or released it at shutdown) must not overwrite
     * what the instance that took the job over records.
     */

    public boolean succeed(String submissionId, String worker, DeliveryAttempt attempt) throws SQLException {
        return finish(submissionId, worker, "done", null, null, attempt);
    }

    /** Tries again at {@code dueMs}; the submission stays 'delivering' with the reason shown. */
    public boolean reschedule(String submissionId, String worker, long dueMs, DeliveryAttempt attempt)
            throws SQLException {
        return finish(submissionId, worker, "pending", dueMs, attempt.message(), attempt);
    }

    /** Stops trying: the submission is 'failed' with the reason, until an admin retries it. */
    public boolean fail(String submissionId, String worker, DeliveryAttempt attempt) throws SQLException {
        return finish(submissionId, worker, "failed", null, attempt.message(), attempt);
    }

    /**
     * An admin's retry: the submission's jobs that are not done are due now, with a fresh horizon. A job being
     * delivered right now (leased) is left alone, so that no two instances run it at once.
     * @return false when there is no such job, or all are done or in flight
     */
    public boolean retry(String submissionId, long now, long giveUpMs) throws SQLException {
        return db.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE delivery_job SET state = 'pending', due_ms = ?, give_up_ms = ?, "
                    + "locked_by = NULL, locked_until = NULL WHERE submission_id = ? AND state <> 'done' "
                    + "AND (state = 'failed' OR locked_until IS NULL OR locked_until < ?)",
                    now, giveUpMs, submissionId, now);
            if (n > 0) {
                Jdbc.update(c, "UPDATE submission SET status = ?, updated_ms = ? WHERE id = ?",
                        SubmissionStatus.RECEIVED.jsonName(), now, submissionId);
            }
            return n > 0;
        });
    }

    /**
     * Queues a job of {@code kind} for a submission, due at once, unless the submission has one of that kind already
     * (queued, done or failed). @return true when this call queued it
     */
    public boolean enqueue(String submissionId, long accountId, JobKind kind, long now, long giveUpMs)
            throws SQLException {
        try (Connection c = db.connection()) {
            int added = Jdbc.update(c, "INSERT INTO delivery_job (submission_id, kind, account_id, state, due_ms, "
                    + "attempts, give_up_ms) SELECT ?, ?, ?, 'pending', ?, 0, ? FROM submission WHERE id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM delivery_job WHERE submission_id = ? AND kind = ?)", submissionId, kind.stored(),
                    accountId, now, giveUpMs, submissionId, submissionId, kind.stored());
            return added == 1;
        } catch (SQLIntegrityConstraintViolationException e) {
            return false; // queued by a concurrent call between the check and the insert
        }
    }

    /** Gives back every lease {@code worker} holds, so another instance can take the jobs at once. */
    public void releaseAll(String worker) throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "UPDATE delivery_job SET locked_by = NULL, locked_until = NULL WHERE locked_by = ? "
                    + "AND state = 'pending'", worker);
        }
    }

    /** Jobs waiting for delivery, and when the oldest of them was accepted (epoch ms; 0 when none waits). */
    public record Backlog(int depth, long oldestCreatedMs) {
    }

    /** The outbox's backlog over all instances, in one query. */
    public Backlog backlog() throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> new Backlog(row.getInt(1), row.getLong(2)),
                    "SELECT COUNT(*), COALESCE(MIN(s.created_ms), 0) FROM delivery_job j "
                            + "JOIN submission s ON s.id = j.submission_id WHERE j.state = 'pending'")
                    .orElse(new Backlog(0, 0));
        }
    }

    public int countPending() throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getInt(1), "SELECT COUNT(*) FROM delivery_job WHERE state = 'pending'")
                    .orElse(0);
        }
    }

    private boolean finish(String submissionId, String worker, String state, Long dueMs, String error,
                           DeliveryAttempt attempt) throws SQLException {
        return db.inTransaction(c -> {
            String due = dueMs == null ? "" : "due_ms = " + dueMs + ", ";
            int mine = Jdbc.update(c, "UPDATE delivery_job SET state = ?, " + due + "attempts = attempts + 1, "
                    + "locked_by = NULL, locked_until = NULL WHERE submission_id = ? AND locked_by = ?",
                    state, submissionId, worker);
            if (mine == 0) {
                return false;
            }
            SubmissionStatus status = overall(c, submissionId);
            if (error == null && status == SubmissionStatus.FAILED) {
                // this job succeeded, but another of the submission failed: its reason stays shown
                Jdbc.update(c, "UPDATE submission SET status = ?, updated_ms = ? WHERE id = ?",
                        status.jsonName(), attempt.finishedMs(), submissionId);
            } else {
                Jdbc.update(c, "UPDATE submission SET status = ?, last_error = ?, updated_ms = ? WHERE id = ?",
                        status.jsonName(), truncate(error), attempt.finishedMs(), submissionId);
            }
            // Announced when the submission ends delivered or failed by this job; a later job of an already failed
            // submission announces nothing more.
            if (status == SubmissionStatus.DELIVERED || status == SubmissionStatus.FAILED && error != null) {
                WebhookStore.enqueue(c, submissionId, status, truncate(error), attempt.finishedMs());
            }
            Jdbc.update(c, "INSERT INTO delivery_attempt (submission_id, started_ms, finished_ms, outcome, message) "
                    + "VALUES (?, ?, ?, ?, ?)", submissionId, attempt.startedMs(), attempt.finishedMs(),
                    attempt.outcome(), truncate(attempt.message() == null ? "" : attempt.message()));
            return true;
        });
    }

    /** The submission's status from its jobs: failed when one failed, else delivering while one is pending. */
    private static SubmissionStatus overall(Connection c, String submissionId) throws SQLException {
        List<String> states = Jdbc.query(c, row -> row.getString(1),
                "SELECT state FROM delivery_job WHERE submission_id = ?", submissionId);
        return states.contains("failed") ? SubmissionStatus.FAILED
                : states.contains("pending") ? SubmissionStatus.DELIVERING : SubmissionStatus.DELIVERED;
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
