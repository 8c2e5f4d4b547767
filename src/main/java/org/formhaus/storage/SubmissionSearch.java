package org.formhaus.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an account's submissions by {@link SubmissionFilter}, newest first, with keyset pagination: a page is the
 * rows after a {@link SubmissionCursor} on the indexes {@code (account_id, [form_key | status,] created_ms, id)}, so
 * page 2,000 costs what page 1 does. Search terms are matched in {@code submission_term} (keyed hashes), never by
 * reading the submissions' data. {@link #forEach} walks every match page by page for exports, holding one page at a
 * time. Thread-safe; one per application.
 */
public final class SubmissionSearch {

    /** Rows read per batch by {@link #forEach}. */
    static final int BATCH = 500;

    private final Database db;

    public SubmissionSearch(Database db) {
        this.db = db;
    }

    /** One page, and where the next one starts (empty on the last page). */
    public record Page(List<Submission> rows, Optional<SubmissionCursor> next) {
    }

    /** Receives submissions one by one, e.g. to write them to a stream. */
    @FunctionalInterface
    public interface Sink {
        void accept(Submission submission) throws Exception;
    }

    /** Up to {@code size} submissions after {@code after} (null: from the newest). */
    public Page page(SubmissionFilter filter, SubmissionCursor after, int size) throws SQLException {
        List<Submission> rows;
        try (Connection c = db.connection()) {
            rows = query(c, filter, after, size + 1);
        }
        if (rows.size() <= size) {
            return new Page(rows, Optional.empty());
        }
        List<Submission> shown = List.copyOf(rows.subList(0, size));
        Submission last = shown.get(size - 1);
        return new Page(shown, Optional.of(new SubmissionCursor(last.createdMs(), last.id())));
    }

    /** Every match, newest first, in batches of {@value #BATCH}. @return how many */
    public long forEach(SubmissionFilter filter, Sink sink) throws Exception {
        long count = 0;
        SubmissionCursor after = null;
        while (true) {
            Page page = page(filter, after, BATCH);
            for (Submission s : page.rows()) {
                sink.accept(s);
                count++;
            }
            if (page.next().isEmpty()) {
                return count;
            }
            after = page.next().get();
        }
    }

    /** The form versions the matches were made with (for an export's columns), by form key and version. */
    public List<FormVersion> versions(SubmissionFilter filter) throws SQLException {
        Where where = where(filter, null);
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> new FormVersion(row.getString(1), row.getInt(2)),
                    "SELECT DISTINCT form_key, form_version FROM submission WHERE " + where.sql
                            + " ORDER BY form_key, form_version", where.args.toArray());
        }
    }

    /** A form key and one of its versions. */
    public record FormVersion(String formKey, int version) {
    }

    /** The ids of the account's submissions that carry {@code term} (e.g. an e-mail address's hash), newest first. */
    public List<String> idsWithTerm(long accountId, String term) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> row.getString(1), "SELECT s.id FROM submission s JOIN submission_term t "
                    + "ON t.submission_id = s.id WHERE t.account_id = ? AND t.term = ? AND s.account_id = ? "
                    + "ORDER BY s.created_ms DESC, s.id DESC", accountId, term, accountId);
        }
    }

    /** The ids of a form's failed submissions (for "retry all failed"). */
    public List<String> failedIds(long accountId, String formKey) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> row.getString(1), "SELECT id FROM submission WHERE account_id = ? "
                    + "AND form_key = ? AND status = ? AND erased_ms IS NULL ORDER BY created_ms", accountId, formKey,
                    SubmissionStatus.FAILED.jsonName());
        }
    }

    private static List<Submission> query(Connection c, SubmissionFilter filter, SubmissionCursor after, int limit)
            throws SQLException {
        Where where = where(filter, after);
        String sql = "SELECT * FROM submission" + pageIndex(filter) + " WHERE " + where.sql
                + " ORDER BY created_ms DESC, id DESC LIMIT " + limit;
        try (PreparedStatement statement = Jdbc.prepare(c, sql, where.args.toArray());
             ResultSet rows = statement.executeQuery()) {
            List<Submission> out = new ArrayList<>();
            while (rows.next()) {
                out.add(SubmissionStore.map(rows));
            }
            return out;
        }
    }

    private record Where(String sql, List<Object> args) {
    }

    /**
     * The page index the filter reads (V16: descending in time and id), named for the planner: without the hint,
     * MariaDB may prefer the time-only index deep in a list and sort tens of thousands of rows per page. A search
     * names none: it starts from the few rows its terms match.
     */
    private static String pageIndex(SubmissionFilter filter) {
        if (!filter.terms().isEmpty()) {
            return "";
        }
        return filter.formKey() != null ? " USE INDEX (ix_submission_form_page)"
                : filter.status() != null ? " USE INDEX (ix_submission_status_page)" : " USE INDEX (ix_submission_page)";
    }

    private static Where where(SubmissionFilter filter, SubmissionCursor after) {
        StringBuilder sql = new StringBuilder("account_id = ?");
        List<Object> args = new ArrayList<>(List.of(filter.accountId()));
        if (filter.formKey() != null) {
            sql.append(" AND form_key = ?");
            args.add(filter.formKey());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(filter.status().jsonName());
        }
        if (filter.fromMs() != null) {
            sql.append(" AND created_ms >= ?");
            args.add(filter.fromMs());
        }
        if (filter.toMs() != null) {
            sql.append(" AND created_ms < ?");
            args.add(filter.toMs());
        }
        for (String term : filter.terms()) {
            sql.append(" AND id IN (SELECT submission_id FROM submission_term WHERE account_id = ? AND term = ?)");
            args.add(filter.accountId());
            args.add(term);
        }
        if (after != null) {
            // "(time, id) before the cursor", with the time bound alone first: a range the planner reads from the index
            sql.append(" AND created_ms <= ? AND (created_ms < ? OR id < ?)");
            args.add(after.createdMs());
            args.add(after.createdMs());
            args.add(after.id());
        }
        return new Where(sql.toString(), args);
    }
}
