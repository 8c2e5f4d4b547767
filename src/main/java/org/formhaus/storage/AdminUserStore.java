package org.formhaus.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private static AdminUser map(ResultSet row) throws SQLException {
        return new AdminUser(row.getLong("id"), row.getLong("account_id"), row.getString("email"),
                row.getString("display_name"), row.getString("instance"), row.getString("password_hash"),
                row.getBoolean("active"), row.getLong("created_ms"));
    }
}
