package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The log of data-subject requests ({@code data_subject_request}): per account, what was asked, by whom, about how
 * many submissions and files, and the address only as a short tag (see {@code privacy.TermHashes#tag}).
 * Thread-safe; one per application.
 */
public final class DataSubjectRequestStore {

    /** One logged request. */
    public record Entry(long occurredMs, Long userId, String action, String addressTag, int submissions, int files) {
    }

    private final Database db;

    public DataSubjectRequestStore(Database db) {
        this.db = db;
    }

    public void record(long accountId, Entry entry) throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "INSERT INTO data_subject_request (account_id, user_id, action, address_tag, submissions, "
                    + "files, occurred_ms) VALUES (?, ?, ?, ?, ?, ?, ?)", accountId, entry.userId(), entry.action(),
                    entry.addressTag(), entry.submissions(), entry.files(), entry.occurredMs());
        }
    }

    /** The account's requests, newest first, at most {@code limit}. */
    public List<Entry> list(long accountId, int limit) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> new Entry(row.getLong("occurred_ms"), (Long) row.getObject("user_id", Long.class),
                    row.getString("action"), row.getString("address_tag"), row.getInt("submissions"),
                    row.getInt("files")), "SELECT * FROM data_subject_request WHERE account_id = ? "
                    + "ORDER BY occurred_ms DESC, id DESC LIMIT " + limit, accountId);
        }
    }
}
