package org.formhaus.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The edit links ({@code edit_link}): written when an e-mail carries one, found by the hash of their token when a
 * visitor opens one, revoked by admins one by one or all of a form, a record or a source submission at once.
 * Thread-safe; one per application.
 */
public final class EditLinkStore {

    private final Database db;

    public EditLinkStore(Database db) {
        this.db = db;
    }

    public void insert(EditLink link) throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "INSERT INTO edit_link (id, token_hash, account_id, form_key, module, record_id, "
                            + "source_submission, record_key, created_ms, expires_ms, revoked_ms) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", link.id(), link.tokenHash(), link.accountId(),
                    link.formKey(), link.module(), link.recordId(), link.sourceSubmission(), link.recordKey(),
                    link.createdMs(), link.expiresMs(), link.revokedMs());
        }
    }

    public Optional<EditLink> byTokenHash(String tokenHash) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, EditLinkStore::map, "SELECT * FROM edit_link WHERE token_hash = ?", tokenHash);
        }
    }

    public Optional<EditLink> byId(long accountId, String id) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, EditLinkStore::map, "SELECT * FROM edit_link WHERE account_id = ? AND id = ?",
                    accountId, id);
        }
    }

    /** Binds a link to the record its source submission created, once known (the first open). */
    public void bindRecord(String id, String recordId) throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "UPDATE edit_link SET record_id = ? WHERE id = ? AND record_id IS NULL", recordId, id);
        }
    }

    /** The links of an account's form, newest first (at most 500). */
    public List<EditLink> ofForm(long accountId, String formKey) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, EditLinkStore::map, "SELECT * FROM edit_link WHERE account_id = ? AND form_key = ? "
                    + "ORDER BY created_ms DESC LIMIT 500", accountId, formKey);
        }
    }

    /** The links a submission's e-mails carried, and the links to the records it created or edited. */
    public List<EditLink> ofSubmission(long accountId, String submissionId, List<Record> records) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM edit_link WHERE account_id = ? AND (source_submission = ?");
        List<Object> args = new java.util.ArrayList<>(List.of(accountId, submissionId));
        for (Record r : records) {
            sql.append(" OR (module = ? AND record_id = ?)");
            args.add(r.module());
            args.add(r.id());
        }
        sql.append(") ORDER BY created_ms DESC LIMIT 500");
        try (Connection c = db.connection()) {
            return Jdbc.query(c, EditLinkStore::map, sql.toString(), args.toArray());
        }
    }

    /** An onOffice record by module and id, for revoking every link to it. */
    public record Record(String module, String id) {
    }

    /** Revokes one link; false when the account has no such link or it was revoked already. */
    public boolean revoke(long accountId, String id, long nowMs) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.update(c, "UPDATE edit_link SET revoked_ms = ? WHERE account_id = ? AND id = ? "
                    + "AND revoked_ms IS NULL", nowMs, accountId, id) > 0;
        }
    }

    /** Revokes every link of an account's form; returns how many. */
    public int revokeForm(long accountId, String formKey, long nowMs) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.update(c, "UPDATE edit_link SET revoked_ms = ? WHERE account_id = ? AND form_key = ? "
                    + "AND revoked_ms IS NULL", nowMs, accountId, formKey);
        }
    }

    /** Revokes every link to one record; returns how many. */
    public int revokeRecord(long accountId, Record record, long nowMs) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.update(c, "UPDATE edit_link SET revoked_ms = ? WHERE account_id = ? AND module = ? "
                    + "AND record_id = ? AND revoked_ms IS NULL", nowMs, accountId, record.module(), record.id());
        }
    }

    /** Revokes every link a submission's e-mails carried and every link to the given records; returns how many. */
    public int revokeSubmission(long accountId, String submissionId, List<Record> records, long nowMs)
            throws SQLException {
        int n = 0;
        try (Connection c = db.connection()) {
            n += Jdbc.update(c, "UPDATE edit_link SET revoked_ms = ? WHERE account_id = ? AND source_submission = ? "
                    + "AND revoked_ms IS NULL", nowMs, accountId, submissionId);
        }
        for (Record r : records) {
            n += revokeRecord(accountId, r, nowMs);
        }
        return n;
    }

    /** Deletes the links that expired before {@code cutoffMs}; how many. */
    public int deleteExpiredBefore(long cutoffMs) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.update(c, "DELETE FROM edit_link WHERE expires_ms < ?", cutoffMs);
        }
    }

    private static EditLink map(ResultSet row) throws SQLException {
        long revoked = row.getLong("revoked_ms");
        Long revokedMs = row.wasNull() ? null : revoked;
        return new EditLink(row.getString("id"), row.getString("token_hash"), row.getLong("account_id"),
                row.getString("form_key"), row.getString("module"), row.getString("record_id"),
                row.getString("source_submission"), row.getString("record_key"), row.getLong("created_ms"),
                row.getLong("expires_ms"), revokedMs);
    }
}
