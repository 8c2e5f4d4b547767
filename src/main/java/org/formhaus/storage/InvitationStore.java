package org.formhaus.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Invitation links into accounts, stored as SHA-256 hashes of their tokens only. An invitation is used at most once:
 * {@link #use} marks it in the same transaction as the membership it grants, and only while it is unused and not
 * expired. Thread-safe; one per application.
 */
public final class InvitationStore {

    private static final String SELECT = "SELECT i.token_hash, i.account_id, i.role, i.note, u.email, i.created_ms, "
            + "i.expires_ms, i.used_ms FROM invitation i LEFT JOIN admin_user u ON u.id = i.invited_by ";

    private final Database db;

    public InvitationStore(Database db) {
        this.db = db;
    }

    public void create(long accountId, Role role, String note, long invitedBy, String tokenHash, long expiresMs)
            throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "INSERT INTO invitation (token_hash, account_id, role, note, invited_by, created_ms, "
                    + "expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?)", tokenHash, accountId, role.jsonName(), note,
                    invitedBy, System.currentTimeMillis(), expiresMs);
        }
    }

    /** The invitation with that token hash, used or not, expired or not. */
    public Optional<Invitation> find(String tokenHash) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, InvitationStore::map, SELECT + "WHERE i.token_hash = ?", tokenHash);
        }
    }

    /** The account's invitations that are neither used nor expired, newest first. */
    public List<Invitation> open(long accountId, long now) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, InvitationStore::map, SELECT + "WHERE i.account_id = ? AND i.used_ms IS NULL "
                    + "AND i.expires_ms > ? ORDER BY i.created_ms DESC, i.token_hash", accountId, now);
        }
    }

    /**
     * Marks the invitation used by {@code userId}, inside the caller's transaction.
     *
     * @return false when it is unknown, already used or expired (then nothing changed)
     */
    public boolean use(Connection c, String tokenHash, long userId, long now) throws SQLException {
        return Jdbc.update(c, "UPDATE invitation SET used_ms = ?, used_by = ? WHERE token_hash = ? "
                + "AND used_ms IS NULL AND expires_ms > ?", now, userId, tokenHash, now) == 1;
    }

    /**
     * Withdraws an open invitation of the account by its id ({@link Invitation#id()}).
     *
     * @return false when the account has no such open invitation
     */
    public boolean withdraw(long accountId, String id) throws SQLException {
        if (!id.matches("[0-9a-f]{" + ApiToken.ID_LENGTH + "}")) {
            return false;
        }
        try (Connection c = db.connection()) {
            return Jdbc.update(c, "DELETE FROM invitation WHERE account_id = ? AND token_hash LIKE ? "
                    + "AND used_ms IS NULL", accountId, id + "%") > 0;
        }
    }

    private static Invitation map(ResultSet row) throws SQLException {
        long used = row.getLong(8);
        Long usedMs = row.wasNull() ? null : used;
        return new Invitation(ApiToken.idOf(row.getString(1)), row.getLong(2),
                Role.ofJsonName(row.getString(3)).orElse(Role.VIEWER), row.getString(4),
                row.getString(5) == null ? "" : row.getString(5), row.getLong(6), row.getLong(7),
                usedMs);
    }
}
