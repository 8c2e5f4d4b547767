package org.formhaus.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Who belongs to which account, in which {@link Role}. An account always keeps at least one owner: changing or
 * removing its last owner is refused. Thread-safe; one per application.
 */
public final class MemberStore {

    /** Why a change of members was refused. */
    public static final class LastOwnerException extends Exception {
        public LastOwnerException() {
            super("An account needs at least one owner: make another member owner first");
        }
    }

    private static final String SELECT = "SELECT m.account_id, a.name, m.user_id, u.email, u.display_name, m.role, "
            + "m.joined_ms FROM account_member m JOIN account a ON a.id = m.account_id "
            + "JOIN admin_user u ON u.id = m.user_id ";

    private final Database db;

    public MemberStore(Database db) {
        this.db = db;
    }

    /** The user's role in the account; empty when they do not belong to it (or are deactivated). */
    public Optional<Role> roleOf(long accountId, long userId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> Role.ofJsonName(row.getString(1)).orElse(Role.VIEWER),
                    "SELECT m.role FROM account_member m JOIN admin_user u ON u.id = m.user_id "
                    + "WHERE m.account_id = ? AND m.user_id = ? AND u.active = TRUE", accountId, userId);
        }
    }

    /** The account the user joined first, of those they belong to; empty when they belong to none. */
    public Optional<Long> anyAccountOf(long userId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getLong(1), "SELECT account_id FROM account_member WHERE user_id = ? "
                    + "ORDER BY joined_ms, account_id", userId);
        }
    }

    /** Every account the user belongs to, by account name. */
    public List<Membership> accountsOf(long userId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, MemberStore::map, SELECT + "WHERE m.user_id = ? ORDER BY a.name, a.id", userId);
        }
    }

    /** The account's members: owners first, then by email. */
    public List<Membership> members(long accountId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, MemberStore::map, SELECT + "WHERE m.account_id = ? ORDER BY "
                    + "CASE m.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END, LOWER(u.email)", accountId);
        }
    }

    /** Adds the user to the account, or gives them {@code role} there when they already belong to it. */
    public void add(Connection c, long accountId, long userId, Role role) throws SQLException {
        if (Jdbc.update(c, "UPDATE account_member SET role = ? WHERE account_id = ? AND user_id = ?",
                role.jsonName(), accountId, userId) == 0) {
            Jdbc.update(c, "INSERT INTO account_member (account_id, user_id, role, joined_ms) VALUES (?, ?, ?, ?)",
                    accountId, userId, role.jsonName(), System.currentTimeMillis());
        }
    }

    /**
     * Gives a member another role.
     *
     * @return false when the user is no member of the account
     * @throws LastOwnerException when that would leave the account without an owner
     */
    public boolean changeRole(long accountId, long userId, Role role) throws SQLException, LastOwnerException {
        return change(accountId, userId, role);
    }

    /**
     * Takes the user out of the account; their API tokens of that account go with it.
     *
     * @return false when the user is no member of the account
     * @throws LastOwnerException when they are its last owner
     */
    public boolean remove(long accountId, long userId) throws SQLException, LastOwnerException {
        return change(accountId, userId, null);
    }

    private boolean change(long accountId, long userId, Role role) throws SQLException, LastOwnerException {
        try {
            return db.inTransaction(c -> {
                // Locks the account row: two owners demoting each other at once cannot both succeed.
                Jdbc.query(c, row -> row.getLong(1), "SELECT id FROM account WHERE id = ? FOR UPDATE", accountId);
                Optional<String> current = Jdbc.one(c, row -> row.getString(1),
                        "SELECT role FROM account_member WHERE account_id = ? AND user_id = ?", accountId, userId);
                if (current.isEmpty()) {
                    return false;
                }
                if (current.get().equals(Role.OWNER.jsonName()) && role != Role.OWNER
                        && Jdbc.one(c, row -> row.getLong(1), "SELECT COUNT(*) FROM account_member "
                        + "WHERE account_id = ? AND role = 'owner'", accountId).orElse(0L) <= 1) {
                    throw new LastOwner();
                }
                if (role == null) {
                    Jdbc.update(c, "DELETE FROM account_member WHERE account_id = ? AND user_id = ?", accountId, userId);
                    Jdbc.update(c, "DELETE FROM api_token WHERE account_id = ? AND user_id = ?", accountId, userId);
                } else {
                    Jdbc.update(c, "UPDATE account_member SET role = ? WHERE account_id = ? AND user_id = ?",
                            role.jsonName(), accountId, userId);
                }
                return true;
            });
        } catch (LastOwner e) {
            throw new LastOwnerException();
        }
    }

    /** Carries the refusal out of the transaction (which rolls back). */
    private static final class LastOwner extends RuntimeException {
        LastOwner() {
            super(null, null, false, false);
        }
    }

    private static Membership map(ResultSet row) throws SQLException {
        return new Membership(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4),
                row.getString(5), Role.ofJsonName(row.getString(6)).orElse(Role.VIEWER), row.getLong(7));
    }
}
