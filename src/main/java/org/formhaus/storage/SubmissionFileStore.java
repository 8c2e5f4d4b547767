package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The files uploaded with submissions. Written by {@link SubmissionStore#accept(Submission, long, List)} in the
 * submission's own transaction; read by whoever delivers them (attaching them to the onOffice record).
 * Thread-safe; one per application.
 *
 * <pre>{@code
 * for (StoredFile f : files.list(submission.id())) {
 *     byte[] bytes = files.content(f.id()).orElseThrow();
 * }
 * }</pre>
 */
public final class SubmissionFileStore {

    private final Database db;

    public SubmissionFileStore(Database db) {
        this.db = db;
    }

    /** The files of a submission, in upload order, without their bytes. */
    public List<StoredFile> list(String submissionId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> new StoredFile(row.getLong("id"), row.getString("submission_id"),
                            row.getString("field_name"), row.getString("file_name"), row.getString("content_type"),
                            row.getLong("size_bytes")),
                    "SELECT id, submission_id, field_name, file_name, content_type, size_bytes FROM submission_file "
                            + "WHERE submission_id = ? ORDER BY id", submissionId);
        }
    }

    /** The bytes of one stored file. */
    public Optional<byte[]> content(long fileId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getBytes(1), "SELECT content FROM submission_file WHERE id = ?", fileId);
        }
    }

    static void insert(Connection c, String submissionId, List<NewFile> files, long now) throws SQLException {
        for (NewFile f : files) {
            Jdbc.update(c, "INSERT INTO submission_file (submission_id, field_name, file_name, content_type, size_bytes, "
                            + "content, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)", submissionId, f.field(), f.fileName(),
                    f.contentType(), (long) f.content().length, f.content(), now);
        }
    }
}
