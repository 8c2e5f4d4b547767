package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Accounts' keys for the user-provisioning API, stored as SHA-256 hashes only; listed and revoked by an id made of
 * the hash's first characters, like {@link ApiToken}s. Thread-safe; one per application.
 */
public final class ProvisioningKeyStore {

    private final Database db;

    public ProvisioningKeyStore(Database db) {
        this.db = db;
    }

    public void add(long accountId, String keyHash, String label) throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "INSERT INTO provisioning_key (key_hash, account_id, label, created_ms) VALUES (?, ?, ?, ?)",
                    keyHash, accountId, label, System.currentTimeMillis());
        }
    }

    /** The account whose key has this hash. */
    public Optional<Long> accountOf(String keyHash) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getLong(1), "SELECT account_id FROM provisioning_key WHERE key_hash = ?",
                    keyHash);
        }
    }

    /** The account's keys (never the key), newest first. */
    public List<ApiToken> list(long accountId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> new ApiToken(row.getString(1).substring(0, ApiToken.ID_LENGTH),
                    row.getString(2), row.getLong(3)), "SELECT key_hash, label, created_ms FROM provisioning_key "
                    + "WHERE account_id = ? ORDER BY created_ms DESC, key_hash", accountId);
        }
    }

    /** @return false when the account has no key with that id */
    public boolean revoke(long accountId, String id) throws SQLException {
        if (!id.matches("[0-9a-f]{" + ApiToken.ID_LENGTH + "}")) {
            return false;
        }
        try (Connection c = db.connection()) {
            return Jdbc.update(c, "DELETE FROM provisioning_key WHERE account_id = ? AND key_hash LIKE ?", accountId,
                    id + "%") > 0;
        }
    }
}
