package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How many submissions each form of an account has, by status: what the admin dashboard shows. Thread-safe. */
public final class SubmissionCounts {

    private final Database db;

    public SubmissionCounts(Database db) {
        this.db = db;
    }

    /** form key → status → count; statuses without submissions are absent. */
    public Map<String, Map<SubmissionStatus, Long>> byForm(long accountId) throws SQLException {
        try (Connection c = db.connection()) {
            List<Object[]> rows = Jdbc.query(c, row -> new Object[] {row.getString(1), row.getString(2), row.getLong(3)},
                    "SELECT form_key, status, COUNT(*) FROM submission WHERE account_id = ? GROUP BY form_key, status",
                    accountId);
            Map<String, Map<SubmissionStatus, Long>> out = new HashMap<>();
            for (Object[] r : rows) {
                out.computeIfAbsent((String) r[0], k -> new EnumMap<>(SubmissionStatus.class))
                        .put(SubmissionStatus.valueOf(((String) r[1]).toUpperCase(java.util.Locale.ROOT)), (Long) r[2]);
            }
            return out;
        }
    }
}
