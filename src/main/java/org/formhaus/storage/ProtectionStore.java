package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What form protection counts over every instance on the database: places taken ({@code form_quota}, one row per
 * form), one-time keys used ({@code form_key_use}) and wrong passwords per visitor ({@code form_unlock_failure}).
 * {@link #claim} takes a place and a key inside a submission's transaction: the conditional {@code UPDATE} locks the
 * form's row, so of two submissions racing for the last place one gets it and the other's transaction is rolled back;
 * a key's primary key refuses its second use. Thread-safe; one per application.
 */
public final class ProtectionStore {

    private static final long SWEEP_EVERY_MS = 60_000;

    private final Database db;
    private final AtomicLong nextSweepMs = new AtomicLong();

    public ProtectionStore(Database db) {
        this.db = db;
    }

    /** Places taken on the form so far (every submission accepted while it had {@code maxSubmissions}). */
    public int used(String formKey) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getInt(1), "SELECT used FROM form_quota WHERE form_key = ?", formKey)
                    .orElse(0);
        }
    }

    public boolean keyUsed(String formKey, String keyHash) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> true, "SELECT 1 FROM form_key_use WHERE form_key = ? AND key_hash = ?",
                    formKey, keyHash).isPresent();
        }
    }

    /**
     * Takes the claim's place and key within the caller's transaction.
     * @throws ClaimRefusedException when none is left or the key was used; the caller's transaction must roll back
     */
    static void claim(Connection c, SubmissionClaim claim, String submissionId, long now) throws SQLException {
        if (claim.maxSubmissions() > 0 && !takePlace(c, claim)) {
            throw new ClaimRefusedException(ClaimRefusedException.Reason.FULL);
        }
        if (claim.keyHash() != null) {
            try {
                Jdbc.update(c, "INSERT INTO form_key_use (form_key, key_hash, submission_id, used_ms) VALUES (?, ?, ?, ?)",
                        claim.formKey(), claim.keyHash(), submissionId, now);
            } catch (SQLIntegrityConstraintViolationException used) {
                throw new ClaimRefusedException(ClaimRefusedException.Reason.KEY_USED);
            }
        }
    }

    private static boolean takePlace(Connection c, SubmissionClaim claim) throws SQLException {
        return Jdbc.update(c, "UPDATE form_quota SET used = used + 1 WHERE form_key = ? AND used < ?",
                claim.formKey(), claim.maxSubmissions()) == 1;
    }

    /**
     * Makes sure the form's count row exists, before (outside) the first submission's transaction: inserting it
     * there would let two first submissions lock each other out (InnoDB gap locks).
     */
    void prepare(SubmissionClaim claim) throws SQLException {
        if (claim.maxSubmissions() <= 0) {
            return;
        }
        try (Connection c = db.connection()) {
            if (Jdbc.one(c, row -> true, "SELECT 1 FROM form_quota WHERE form_key = ?", claim.formKey()).isEmpty()) {
                Jdbc.update(c, "INSERT INTO form_quota (form_key, used) VALUES (?, 0)", claim.formKey());
            }
        } catch (SQLIntegrityConstraintViolationException raced) {
            // another submission inserted it first: it is there
        }
    }

    /** Wrong passwords {@code client} (a keyed digest of its address) gave for the form since {@code sinceMs}. */
    public int failures(String formKey, String client, long sinceMs) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getInt(1), "SELECT COUNT(*) FROM form_unlock_failure WHERE form_key = ? "
                    + "AND client = ? AND failed_ms >= ?", formKey, client, sinceMs).orElse(0);
        }
    }

    /** Records a wrong password; rows older than {@code keepMs} are deleted now and then. */
    public void failed(String formKey, String client, long now, long keepMs) throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "INSERT INTO form_unlock_failure (form_key, client, failed_ms) VALUES (?, ?, ?)",
                    formKey, client, now);
            long due = nextSweepMs.get();
            if (now >= due && nextSweepMs.compareAndSet(due, now + SWEEP_EVERY_MS)) {
                Jdbc.update(c, "DELETE FROM form_unlock_failure WHERE failed_ms < ?", now - keepMs);
            }
        }
    }

    /** Forgets what was counted for a deleted form, so that a new form under its key starts afresh. */
    public void forget(String formKey) throws SQLException {
        db.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM form_quota WHERE form_key = ?", formKey);
            Jdbc.update(c, "DELETE FROM form_key_use WHERE form_key = ?", formKey);
            Jdbc.update(c, "DELETE FROM form_unlock_failure WHERE form_key = ?", formKey);
            return null;
        });
    }
}
