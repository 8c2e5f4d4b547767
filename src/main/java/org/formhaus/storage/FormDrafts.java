package org.formhaus.storage;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The one draft each form may have: what the builder saves while an admin edits, kept apart from the published
 * versions that visitors get. A draft may be incomplete or invalid (it is checked, not refused); publishing turns it
 * into the form's next version ({@link FormStore#publish}) and discards it. A key belongs to one account, whether it
 * has been published or not. Thread-safe; one per application.
 */
public final class FormDrafts {

    /**
     * A saved draft. {@code baseVersion}: the published version it was started from (0: never published), so the
     * builder can say when someone published in between.
     */
    public record Draft(String key, long accountId, JsonObject definition, int baseVersion, long updatedMs) {
    }

    private final Database db;

    public FormDrafts(Database db) {
        this.db = db;
    }

    public Optional<Draft> find(long accountId, String key) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, FormDrafts::draft, "SELECT form_key, account_id, definition, base_version, updated_ms "
                    + "FROM form_draft WHERE form_key = ? AND account_id = ?", key, accountId);
        }
    }

    public List<Draft> list(long accountId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, FormDrafts::draft, "SELECT form_key, account_id, definition, base_version, updated_ms "
                    + "FROM form_draft WHERE account_id = ? ORDER BY form_key", accountId);
        }
    }

    /**
     * Saves (replaces) the draft of {@code key}.
     *
     * @throws FormKeyTakenException when another account owns the key (published or as a draft)
     */
    public Draft save(long accountId, String key, JsonObject definition, int baseVersion, long userId)
            throws SQLException, FormKeyTakenException {
        long now = System.currentTimeMillis();
        boolean taken = db.inTransaction(c -> {
            Optional<Long> formOwner = Jdbc.one(c, row -> row.getLong(1),
                    "SELECT account_id FROM form WHERE form_key = ?", key);
            Optional<Long> draftOwner = Jdbc.one(c, row -> row.getLong(1),
                    "SELECT account_id FROM form_draft WHERE form_key = ? FOR UPDATE", key);
            if (formOwner.filter(a -> a != accountId).isPresent() || draftOwner.filter(a -> a != accountId).isPresent()) {
                return true;
            }
            if (draftOwner.isPresent()) {
                Jdbc.update(c, "UPDATE form_draft SET definition = ?, base_version = ?, updated_ms = ?, updated_by = ? "
                        + "WHERE form_key = ?", definition.toString(), baseVersion, now, userId, key);
            } else {
                Jdbc.update(c, "INSERT INTO form_draft (form_key, account_id, definition, base_version, updated_ms, "
                        + "updated_by) VALUES (?, ?, ?, ?, ?, ?)", key, accountId, definition.toString(), baseVersion,
                        now, userId);
            }
            return false;
        });
        if (taken) {
            throw new FormKeyTakenException(key);
        }
        return new Draft(key, accountId, definition.deepCopy(), baseVersion, now);
    }

    /** Drops the draft (after publishing, or when the admin discards it). @return false when there was none */
    public boolean discard(long accountId, String key) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.update(c, "DELETE FROM form_draft WHERE form_key = ? AND account_id = ?", key, accountId) == 1;
        }
    }

    private static Draft draft(java.sql.ResultSet row) throws SQLException {
        return new Draft(row.getString(1), row.getLong(2), JsonParser.parseString(row.getString(3)).getAsJsonObject(),
                row.getInt(4), row.getLong(5));
    }
}
