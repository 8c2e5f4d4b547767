package org.formhaus.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Admin users and their API tokens (stored as SHA-256 hashes only). A token belongs to a user and is honoured only
 * while that user is active. Thread-safe; one per application.
 */
public final class AdminUserStore {

    private final Database db;

    public AdminUserStore(Database db) {
        this.db = db;
    }

    /** A new user, owner of {@code accountId} (the provisioning API's, the first start's and Marketplace users). */
    public AdminUser create(Connection c, long accountId, String email, String displayName, String instance,
                            String passwordHash) throws SQLException {
        return create(c, accountId, email, displayName, instance, passwordHash, Role.OWNER);
    }

    /** A new user, member of {@code accountId} (which becomes their home account) in {@code role}. */
    public AdminUser create(Connection c, long accountId, String email, String displayName, String instance,
                            String passwordHash, Role role) throws SQLException {
        long now = System.currentTimeMillis();
        long id = Jdbc.insert(c, "INSERT INTO admin_user (account_id, email, display_name, instance, password_hash, "
                + "active, created_ms) VALUES (?, ?, ?, ?, ?, TRUE, ?)", accountId, email, displayName, instance,
                passwordHash, now);
        Jdbc.update(c, "INSERT INTO account_member (account_id, user_id, role, joined_ms) VALUES (?, ?, ?, ?)",
                accountId, id, role.jsonName(), now);
        return new AdminUser(id, accountId, email, displayName, instance, passwordHash, true, now, 0);
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

    /**
     * Activates or deactivates the user with that email. Deactivating also ends the user's sessions (their API
     * tokens stop with the user's active flag).
     *
     * @return the user as it is now; empty when no user has that email
     */
    public Optional<AdminUser> setActive(String email, boolean active) throws SQLException {
        try (Connection c = db.connection()) {
            String generation = active ? "" : ", session_generation = session_generation + 1";
            if (Jdbc.update(c, "UPDATE admin_user SET active = ?" + generation + " WHERE LOWER(email) = LOWER(?)",
                    active, email) != 1) {
                return Optional.empty();
            }
        }
        return findByEmail(email);
    }

    /**
     * Sets a new password hash and ends every session of the user.
     *
     * @return the user as it is now; empty when no user has that email
     */
    public Optional<AdminUser> resetPassword(String email, String passwordHash) throws SQLException {
        try (Connection c = db.connection()) {
            if (Jdbc.update(c, "UPDATE admin_user SET password_hash = ?, session_generation = session_generation + 1 "
                    + "WHERE LOWER(email) = LOWER(?)", passwordHash, email) != 1) {
                return Optional.empty();
            }
        }
        return findByEmail(email);
    }

    /**
     * Sets the user's new password hash and ends their sessions.
     *
     * @return the user's new session generation (the session that made the change carries it on)
     */
    public int changePassword(long userId, String passwordHash) throws SQLException {
        return db.inTransaction(c -> {
            Jdbc.update(c, "UPDATE admin_user SET password_hash = ?, session_generation = session_generation + 1 "
                    + "WHERE id = ?", passwordHash, userId);
            return Jdbc.one(c, row -> row.getInt(1), "SELECT session_generation FROM admin_user WHERE id = ?", userId)
                    .orElseThrow(() -> new SQLException("Admin user " + userId + " vanished"));
        });
    }

    /**
     * Replaces an outdated hash by a stronger one of the same password, unless the password was changed meanwhile.
     * Sessions stay: the password did not change.
     */
    public void upgradeHash(long userId, String oldHash, String newHash) throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "UPDATE admin_user SET password_hash = ? WHERE id = ? AND password_hash = ?", newHash, userId,
                    oldHash);
        }
    }

    public void addToken(Connection c, long accountId, long userId, String tokenHash, String label)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO api_token (token_hash, account_id, user_id, label, created_ms) VALUES (?, ?, ?, ?, ?)",
                tokenHash, accountId, userId, label, System.currentTimeMillis());
    }

    /** Adds a token outside a running transaction. */
    public void addToken(long accountId, long userId, String tokenHash, String label) throws SQLException {
        try (Connection c = db.connection()) {
            addToken(c, accountId, userId, tokenHash, label);
        }
    }

    /** The active user an API token belongs to, and the account it was made in; see {@link #activeUserOfToken}. */
    public record TokenUser(AdminUser user, long accountId) {
    }

    /**
     * The active user an API token belongs to and the account the token acts in (where it was made; a consultant's
     * tokens are per account). Empty for an unknown token and for a deactivated user's.
     */
    public Optional<TokenUser> activeUserOfToken(String tokenHash) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> new TokenUser(map(row), row.getLong("token_account")),
                    "SELECT u.*, t.account_id AS token_account FROM api_token t JOIN admin_user u ON u.id = t.user_id "
                    + "WHERE t.token_hash = ? AND u.active = TRUE", tokenHash);
        }
    }

    /** The account's tokens, newest first. */
    public List<ApiToken> tokens(long accountId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> new ApiToken(ApiToken.idOf(row.getString(1)), row.getString(2),
                    row.getString(3) == null ? "" : row.getString(3), row.getLong(4)),
                    "SELECT t.token_hash, t.label, u.email, t.created_ms FROM api_token t "
                    + "LEFT JOIN admin_user u ON u.id = t.user_id WHERE t.account_id = ? "
                    + "ORDER BY t.created_ms DESC, t.token_hash", accountId);
        }
    }

    /** The user's own tokens in the account, newest first (what a member who is no owner sees). */
    public List<ApiToken> tokens(long accountId, long userId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> new ApiToken(ApiToken.idOf(row.getString(1)), row.getString(2),
                    row.getString(3), row.getLong(4)),
                    "SELECT t.token_hash, t.label, u.email, t.created_ms FROM api_token t "
                    + "JOIN admin_user u ON u.id = t.user_id WHERE t.account_id = ? AND t.user_id = ? "
                    + "ORDER BY t.created_ms DESC, t.token_hash", accountId, userId);
        }
    }

    /**
     * Deletes the user's own token with that id in the account.
     *
     * @return false when the user has no such token there
     */
    public boolean revokeOwnToken(long accountId, long userId, String tokenId) throws SQLException {
        if (!tokenId.matches("[0-9a-f]{" + ApiToken.ID_LENGTH + "}")) {
            return false;
        }
        try (Connection c = db.connection()) {
            return Jdbc.update(c, "DELETE FROM api_token WHERE account_id = ? AND user_id = ? AND token_hash LIKE ?",
                    accountId, userId, tokenId + "%") > 0;
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
                row.getBoolean("active"), row.getLong("created_ms"), row.getInt("session_generation"));
    }
}
