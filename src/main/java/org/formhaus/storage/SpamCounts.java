package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many submissions of each form were rejected as spam, by reason; persisted so the admin sees them across
 * restarts. Thread-safe; one per application.
 */
public final class SpamCounts {

    private final Database db;
    /** The same rejections per day, for the statistics (metric "spam", the reason as dimension). */
    private final FormDayCounters daily;

    public SpamCounts(Database db, FormDayCounters daily) {
        this.db = db;
        this.daily = daily;
    }

    /** Counts one rejected submission. */
    public void count(String formKey, String reason, long now) throws SQLException {
        daily.add(formKey, "spam", reason);
        try (Connection c = db.connection()) {
            if (Jdbc.update(c, "UPDATE form_spam SET hits = hits + 1, last_ms = ? WHERE form_key = ? AND reason = ?",
                    now, formKey, reason) == 1) {
                return;
            }
            try {
                Jdbc.update(c, "INSERT INTO form_spam (form_key, reason, hits, last_ms) VALUES (?, ?, 1, ?)",
                        formKey, reason, now);
            } catch (SQLException raced) {
                // Another request inserted the row between our UPDATE and INSERT: count on it.
                Jdbc.update(c, "UPDATE form_spam SET hits = hits + 1, last_ms = ? WHERE form_key = ? AND reason = ?",
                        now, formKey, reason);
            }
        }
    }

    /** Reason → hits for one form; empty when none was rejected. */
    public Map<String, Long> of(String formKey) throws SQLException {
        try (Connection c = db.connection()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            List<Object[]> rows = Jdbc.query(c, row -> new Object[] {row.getString(1), row.getLong(2)},
                    "SELECT reason, hits FROM form_spam WHERE form_key = ? ORDER BY reason", formKey);
            rows.forEach(r -> counts.put((String) r[0], (Long) r[1]));
            return counts;
        }
    }
}
