package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Round-robin turns of lead routing (issue #12), counted in the database so that every instance sharing it counts
 * together: each submission of a form gets the next turn once (1, 2, 3, ...), and asking again for the same
 * submission (a delivery tried again, on any instance) gives the same turn and counts nothing new. The counter row is
 * updated in the same transaction that remembers the submission's turn, so a turn is neither skipped nor given twice.
 * Thread-safe; one per application.
 */
public final class RoutingTurns {

    private final Database db;

    public RoutingTurns(Database db) {
        this.db = db;
    }

    /** The submission's turn among its form's submissions, from 1. */
    public long turn(long accountId, String formKey, String submissionId) throws SQLException {
        try (Connection c = db.connection()) {
            Optional<Long> known = mine(c, submissionId);
            if (known.isPresent()) {
                return known.get();
            }
        }
        try {
            return db.inTransaction(c -> {
                // the update locks the form's counter row until commit: instances take turns one after another
                if (Jdbc.update(c, "UPDATE routing_counter SET turns = turns + 1 WHERE account_id = ? AND form_key = ?",
                        accountId, formKey) == 0) {
                    Jdbc.update(c, "INSERT INTO routing_counter (account_id, form_key, turns) VALUES (?, ?, 1)",
                            accountId, formKey);
                }
                long turn = Jdbc.one(c, r -> r.getLong(1), "SELECT turns FROM routing_counter WHERE account_id = ? "
                        + "AND form_key = ?", accountId, formKey).orElseThrow(() ->
                        new SQLException("routing_counter row of form " + formKey + " vanished"));
                Jdbc.update(c, "INSERT INTO routing_turn (submission_id, account_id, form_key, turn) VALUES (?, ?, ?, ?)",
                        submissionId, accountId, formKey, turn);
                return turn;
            });
        } catch (SQLException raced) {
            // Another instance counted this submission, or created the counter row, meanwhile: its row decides,
            // else one more try takes the row that now exists.
            try (Connection c = db.connection()) {
                Optional<Long> known = mine(c, submissionId);
                if (known.isPresent()) {
                    return known.get();
                }
            }
            return db.inTransaction(c -> {
                Jdbc.update(c, "UPDATE routing_counter SET turns = turns + 1 WHERE account_id = ? AND form_key = ?",
                        accountId, formKey);
                long turn = Jdbc.one(c, r -> r.getLong(1), "SELECT turns FROM routing_counter WHERE account_id = ? "
                        + "AND form_key = ?", accountId, formKey).orElseThrow(() -> raced);
                Jdbc.update(c, "INSERT INTO routing_turn (submission_id, account_id, form_key, turn) VALUES (?, ?, ?, ?)",
                        submissionId, accountId, formKey, turn);
                return turn;
            });
        }
    }

    private static Optional<Long> mine(Connection c, String submissionId) throws SQLException {
        return Jdbc.one(c, r -> r.getLong(1), "SELECT turn FROM routing_turn WHERE submission_id = ?", submissionId);
    }
}
