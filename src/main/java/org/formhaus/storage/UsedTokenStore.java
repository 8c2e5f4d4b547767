package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The single-use form tokens already used ({@code form_token_use}). A token is used at most once over every instance
 * on the database: its row's primary key refuses a second one, so the second of two racing submissions fails with a
 * {@link java.sql.SQLIntegrityConstraintViolationException} and can look the first one up. Thread-safe; one per
 * application.
 */
public final class UsedTokenStore {

    /** How often this instance deletes the rows of expired tokens. */
    private static final long SWEEP_EVERY_MS = 60_000;

    private final Database db;
    private final AtomicLong nextSweepMs = new AtomicLong();

    public UsedTokenStore(Database db) {
        this.db = db;
    }

    public Optional<UsedToken> find(String formKey, String tokenId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> new UsedToken(row.getString("form_key"), row.getString("token_id"),
                            row.getString("values_digest"), row.getString("submission_id"), row.getLong("expires_ms")),
                    "SELECT * FROM form_token_use WHERE form_key = ? AND token_id = ?", formKey, tokenId);
        }
    }

    /**
     * Records a use on its own (nothing else is stored with it).
     * @throws java.sql.SQLIntegrityConstraintViolationException when the token was used already
     */
    public void record(UsedToken use, long now) throws SQLException {
        try (Connection c = db.connection()) {
            insert(c, use);
        }
        sweep(now);
    }

    /** Records a use within the caller's transaction (with the submission it was answered with). */
    static void insert(Connection c, UsedToken use) throws SQLException {
        Jdbc.update(c, "INSERT INTO form_token_use (form_key, token_id, values_digest, submission_id, expires_ms) "
                + "VALUES (?, ?, ?, ?, ?)", use.formKey(), use.tokenId(), use.valuesDigest(), use.submissionId(),
                use.expiresMs());
    }

    /**
     * Deletes the rows of expired tokens, at most once a minute per instance and outside any submission's
     * transaction, so that it never holds up one.
     */
    void sweep(long now) {
        long due = nextSweepMs.get();
        if (now < due || !nextSweepMs.compareAndSet(due, now + SWEEP_EVERY_MS)) {
            return;
        }
        try (Connection c = db.connection()) {
            Jdbc.update(c, "DELETE FROM form_token_use WHERE expires_ms < ?", now);
        } catch (SQLException e) {
            System.getLogger(UsedTokenStore.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not delete expired form tokens (tried again in a minute): " + e.getMessage());
        }
    }
}
