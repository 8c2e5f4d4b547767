package org.formhaus.storage;

import com.google.gson.JsonParser;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.formhaus.forms.DefinitionException;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;

/**
 * Versioned form definitions. Every save adds a version; submissions refer to the version they were made with.
 * Current versions are cached in memory, so serving a form does not touch the database: a save on this instance
 * replaces the cached entry at once, other instances see it after {@code cacheTtl}. Thread-safe; one per application.
 */
public final class FormStore {

    private final Database db;
    private final DefinitionParser parser = new DefinitionParser();
    private final Duration cacheTtl;
    private final Map<String, Cached> current = new ConcurrentHashMap<>();
    private final Map<String, StoredForm> versions = new ConcurrentHashMap<>();

    private record Cached(Optional<StoredForm> form, long loadedNanos) {
    }

    public FormStore(Database db, Duration cacheTtl) {
        this.db = db;
        this.cacheTtl = cacheTtl;
    }

    /** Saves a new version of the form; the key belongs to the first account that saved it. */
    public StoredForm save(long accountId, FormDefinition definition) throws SQLException, FormKeyTakenException {
        return publish(accountId, definition, null);
    }

    /**
     * Publishes {@code definition} as the form's next version, recording the admin user who did it (null: unknown),
     * and makes it live (an archived form is restored). The key belongs to the first account that saved it, a draft
     * included.
     */
    public StoredForm publish(long accountId, FormDefinition definition, Long userId)
            throws SQLException, FormKeyTakenException {
        String key = definition.key();
        long now = System.currentTimeMillis();
        StoredForm saved;
        try {
            saved = db.inTransaction(c -> {
                Optional<long[]> existing = Jdbc.one(c, row -> new long[] {row.getLong(1), row.getInt(2)},
                        "SELECT account_id, version FROM form WHERE form_key = ? FOR UPDATE", key);
                if (existing.isPresent() && existing.get()[0] != accountId
                        || Jdbc.one(c, row -> row.getLong(1), "SELECT account_id FROM form_draft WHERE form_key = ?",
                                key).filter(owner -> owner != accountId).isPresent()) {
                    throw new KeyTaken();
                }
                int version = existing.map(e -> (int) e[1] + 1).orElse(1);
                Jdbc.update(c, "INSERT INTO form_version (form_key, version, definition, created_ms, published_by) "
                        + "VALUES (?, ?, ?, ?, " + (userId == null ? "NULL" : userId.toString()) + ")",
                        key, version, definition.source().toString(), now);
                if (existing.isPresent()) {
                    Jdbc.update(c, "UPDATE form SET version = ?, deleted = FALSE, updated_ms = ? WHERE form_key = ?",
                            version, now, key);
                } else {
                    Jdbc.update(c, "INSERT INTO form (form_key, account_id, version, deleted, updated_ms) "
                            + "VALUES (?, ?, ?, FALSE, ?)", key, accountId, version, now);
                }
                return new StoredForm(accountId, version, definition);
            });
        } catch (KeyTaken e) {
            throw new FormKeyTakenException(key);
        }
        current.put(key, new Cached(Optional.of(saved), System.nanoTime()));
        return saved;
    }

    /** The current version of a live form; served from memory while fresh. */
    public Optional<StoredForm> current(String key) throws SQLException {
        Cached cached = current.get(key);
        if (cached != null && System.nanoTime() - cached.loadedNanos < cacheTtl.toNanos()) {
            return cached.form;
        }
        Optional<StoredForm> loaded;
        try (Connection c = db.connection()) {
            loaded = Jdbc.one(c, row -> new Object[] {row.getLong(1), row.getInt(2)},
                            "SELECT account_id, version FROM form WHERE form_key = ? AND deleted = FALSE", key)
                    .map(row -> version(c, key, (long) row[0], (int) row[1]));
        }
        current.put(key, new Cached(loaded, System.nanoTime()));
        return loaded;
    }

    /** A given version of a form, live or deleted; versions never change, so they are cached for good. */
    public Optional<StoredForm> version(String key, int version) throws SQLException {
        StoredForm hit = versions.get(key + "#" + version);
        if (hit != null) {
            return Optional.of(hit);
        }
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getLong(1), "SELECT account_id FROM form WHERE form_key = ?", key)
                    .map(accountId -> version(c, key, accountId, version));
        }
    }

    public List<StoredForm> list(long accountId) throws SQLException {
        try (Connection c = db.connection()) {
            List<Object[]> rows = Jdbc.query(c, row -> new Object[] {row.getString(1), row.getInt(2)},
                    "SELECT form_key, version FROM form WHERE account_id = ? AND deleted = FALSE ORDER BY form_key",
                    accountId);
            return rows.stream().map(r -> version(c, (String) r[0], accountId, (int) r[1])).toList();
        }
    }

    /**
     * The latest version of every form of every account, deleted ones included (their submissions are still kept
     * by the rules they were saved with), e.g. for the retention sweep.
     */
    public List<StoredForm> latestOfAll() throws SQLException {
        try (Connection c = db.connection()) {
            List<Object[]> rows = Jdbc.query(c, row -> new Object[] {row.getString(1), row.getLong(2), row.getInt(3)},
                    "SELECT form_key, account_id, version FROM form ORDER BY form_key");
            return rows.stream().map(r -> version(c, (String) r[0], (long) r[1], (int) r[2])).toList();
        }
    }

    /** Deletes a form (its versions stay, for the submissions that refer to them). @return false when not found */
    public boolean delete(long accountId, String key) throws SQLException {
        try (Connection c = db.connection()) {
            int n = Jdbc.update(c, "UPDATE form SET deleted = TRUE, updated_ms = ? WHERE form_key = ? AND account_id = ? "
                    + "AND deleted = FALSE", System.currentTimeMillis(), key, accountId);
            current.remove(key);
            return n == 1;
        }
    }

    /** Brings an archived form back to visitors at the version it had; @return false when not found or not archived */
    public boolean restore(long accountId, String key) throws SQLException {
        try (Connection c = db.connection()) {
            int n = Jdbc.update(c, "UPDATE form SET deleted = FALSE, updated_ms = ? WHERE form_key = ? AND account_id = ? "
                    + "AND deleted = TRUE", System.currentTimeMillis(), key, accountId);
            current.remove(key);
            return n == 1;
        }
    }

    /** Every form of the account that was ever published, archived ones included, by key. */
    public List<FormRow> overview(long accountId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> new FormRow(row.getString(1), row.getInt(2), row.getBoolean(3), row.getLong(4)),
                    "SELECT form_key, version, deleted, updated_ms FROM form WHERE account_id = ? ORDER BY form_key",
                    accountId);
        }
    }

    /** The account's form {@code key}, live or archived, at its latest version. */
    public Optional<StoredForm> latest(long accountId, String key) throws SQLException {
        try (Connection c = db.connection()) {
            Optional<Integer> version = Jdbc.one(c, row -> row.getInt(1),
                    "SELECT version FROM form WHERE form_key = ? AND account_id = ?", key, accountId);
            return version.map(v -> version(c, key, accountId, v));
        }
    }

    /** Version {@code version} of the account's form {@code key}; empty when there is no such version. */
    public Optional<StoredForm> version(long accountId, String key, int version) throws SQLException {
        try (Connection c = db.connection()) {
            boolean exists = Jdbc.one(c, row -> row.getInt(1), "SELECT v.version FROM form_version v JOIN form f "
                    + "ON f.form_key = v.form_key WHERE v.form_key = ? AND v.version = ? AND f.account_id = ?",
                    key, version, accountId).isPresent();
            return exists ? Optional.of(version(c, key, accountId, version)) : Optional.empty();
        }
    }

    /** The published versions of the account's form {@code key}, newest first; empty when it is not the account's. */
    public List<PublishedVersion> history(long accountId, String key) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> new PublishedVersion(row.getInt(1), row.getLong(2), row.getString(3)),
                    "SELECT v.version, v.created_ms, u.email FROM form_version v JOIN form f ON f.form_key = v.form_key "
                    + "LEFT JOIN admin_user u ON u.id = v.published_by "
                    + "WHERE v.form_key = ? AND f.account_id = ? ORDER BY v.version DESC", key, accountId);
        }
    }

    /** A form's row: its latest version and whether it is archived. */
    public record FormRow(String key, int version, boolean archived, long updatedMs) {
    }

    /** One published version: when, and by whom ({@code publishedBy} null when not recorded). */
    public record PublishedVersion(int version, long publishedMs, String publishedBy) {
    }

    private StoredForm version(Connection c, String key, long accountId, int version) {
        return versions.computeIfAbsent(key + "#" + version, k -> {
            try {
                String json = Jdbc.one(c, row -> row.getString(1),
                        "SELECT definition FROM form_version WHERE form_key = ? AND version = ?", key, version)
                        .orElseThrow(() -> new IllegalStateException("form " + key + " lacks version " + version));
                return new StoredForm(accountId, version,
                        parser.parseStored(JsonParser.parseString(json).getAsJsonObject()));
            } catch (SQLException e) {
                throw new StorageException("Cannot load form " + key + " version " + version, e);
            } catch (DefinitionException e) {
                // Only valid definitions are saved; a stored one that no longer parses is a bug worth failing loudly.
                throw new IllegalStateException("Stored form " + key + " version " + version + " is invalid: "
                        + e.getMessage(), e);
            }
        });
    }

    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }
}
