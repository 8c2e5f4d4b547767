package org.formhaus.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Admin users and API tokens (stored as SHA-256 hashes only). Thread-safe; one per application. */
public final class AdminUserStore {

    private final Database db;

    public AdminUserStore(Database db) {
        this.db = db;
    }

    public AdminUser create(Connection c, long accountId, String email, String displayName, String instance,
                            String passwordHash) throws SQLException {
        long now = System.currentTimeMillis();
        long id = Jdbc.insert(c, "INSERT INTO admin_user (account_id, email, display_name, instance, password_hash, "
                + "active, created_ms) VALUES (?, ?, ?, ?, ?, TRUE, ?)", accountId, email, displayName, instance,
                passwordHash, now);
        return new AdminUser(id, accountId, email, displayName, instance, passwordHash, true, now);
    }

    public Optional<AdminUser> findByEmail(String email) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, AdminUserStore::map, "SELECT * FROM admin_user WHERE LOWER(email) = LOWER(?)", email);
        }
    }

    public Optional<AdminUser> find(long id) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, AdminUserStore::map, "SELECT * FROM admin_user WHERE id = ?", id);
        }
    }

    public long count() throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getLong(1), "SELECT COUNT(*) FROM admin_user").orElse(0L);
        }
    }

    /** @return false when no user has that email */
    public boolean setActive(String email, boolean active) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.update(c, "UPDATE admin_user SET active = ? WHERE LOWER(email) = LOWER(?)", active, email) == 1;
        }
    }

    /** @return false when no user has that email */
    public boolean setPasswordHash(String email, String passwordHash) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.update(c, "UPDATE admin_user SET password_hash = ? WHERE LOWER(email) = LOWER(?)",
                    passwordHash, email) == 1;
        }
    }

    public void addToken(Connection c, long accountId, String tokenHash, String label) throws SQLException {
        Jdbc.update(c, "INSERT INTO api_token (token_hash, account_id, label, created_ms) VALUES (?, ?, ?, ?)",
                tokenHash, accountId, label, System.currentTimeMillis());
    }

    /** The account an API token belongs to. */
    public Optional<Long> accountOfToken(String tokenHash) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getLong(1), "SELECT account_id FROM api_token WHERE token_hash = ?", tokenHash);
        }
    }

    /** Adds a token outside a running transaction. */
    public void addToken(long accountId, String tokenHash, String label) throws SQLException {
        try (Connection c = db.connection()) {
            addToken(c, accountId, tokenHash, label);
        }
    }

    /** The account's tokens, newest first. */
    public List<ApiToken> tokens(long accountId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> new ApiToken(row.getString(1).substring(0, ApiToken.ID_LENGTH),
                    row.getString(2), row.getLong(3)), "SELECT token_hash, label, created_ms FROM api_token "
                    + "WHERE account_id = ? ORDER BY created_ms DESC, token_hash", accountId);
        }
    }

    /**
     * Deletes the account's token with that id ({@link ApiToken#id()}).
     *
     * @return false when the account has no such token
     */
    public boolean revokeToken(long accountId, String tokenId) throws SQLException {
        if (!tokenId.matches("[0-9a-f]{" + ApiToken.ID_LENGTH + "}")) {
            return false;
        }
        try (Connection c = db.connection()) {
            return Jdbc.update(c, "DELETE FROM api_token WHERE account_id = ? AND token_hash LIKE ?", accountId,
                    tokenId + "%") > 0;
        }
    }

    private static AdminUser map(ResultSet row) throws SQLException {
        return new AdminUser(row.getLong("id"), row.getLong("account_id"), row.getString("email"),
                row.getString("display_name"), row.getString("instance"), row.getString("password_hash"),
                row.getBoolean("active"), row.getLong("created_ms"));
    }
}
