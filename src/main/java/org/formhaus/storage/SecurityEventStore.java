package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The security event log, per account (table {@code security_event}). Thread-safe; one per application. */
public final class SecurityEventStore {

    private static final int MAX_DETAIL = 500;

    private final Database db;

    public SecurityEventStore(Database db) {
        this.db = db;
    }

    public void add(long accountId, long occurredMs, String kind, Long userId, String detail) throws SQLException {
        String shortened = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        try (Connection c = db.connection()) {
            Jdbc.update(c, "INSERT INTO security_event (account_id, occurred_ms, kind, user_id, detail) "
                    + "VALUES (?, ?, ?, ?, ?)", accountId, occurredMs, kind, userId, shortened);
        }
    }

    /** The account's newest {@code limit} events, newest first, with the email of each event's user. */
    public List<SecurityEvent> recent(long accountId, int limit) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> new SecurityEvent(row.getLong("id"), row.getLong("account_id"),
                    row.getLong("occurred_ms"), row.getString("kind"), (Long) row.getObject("user_id", Long.class),
                    row.getString("email"), row.getString("detail")),
                    "SELECT e.id, e.account_id, e.occurred_ms, e.kind, e.user_id, u.email, e.detail FROM security_event e "
                    + "LEFT JOIN admin_user u ON u.id = e.user_id WHERE e.account_id = ? "
                    + "ORDER BY e.occurred_ms DESC, e.id DESC LIMIT " + Math.max(1, limit), accountId);
        }
    }
}
