package org.formhaus.storage;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.formhaus.submission.SubmissionJson;

/**
 * Submissions and their delivery outbox. {@link #accept} commits a submission and its delivery job in one transaction,
 * so nothing accepted can miss delivery. Thread-safe; one per application.
 */
public final class SubmissionStore {

    private final Database db;
    private final UsedTokenStore usedTokens;
    private final ProtectionStore protection;
    private volatile SearchTerms.Source terms = SearchTerms.Source.NONE;

    public SubmissionStore(Database db) {
        this.db = db;
        this.usedTokens = new UsedTokenStore(db);
        this.protection = new ProtectionStore(db);
    }

    /** What protected forms count: places, used one-time keys, wrong passwords. */
    public ProtectionStore protection() {
        return protection;
    }

    /**
     * What new submissions can be found by ({@code submission_term}): {@code source}'s terms are written with each
     * accepted submission, in its transaction. Set once while wiring; none by default.
     */
    public void indexWith(SearchTerms.Source source) {
        this.terms = source;
    }

    /** The single-use form tokens submissions have used. */
    public UsedTokenStore usedTokens() {
        return usedTokens;
    }

    /** Stores a new submission together with its delivery job, due at once. */
    public void accept(Submission s, long giveUpMs) throws SQLException {
        accept(s, giveUpMs, List.of());
    }

    /** Stores a new submission, its uploaded files ({@link SubmissionFileStore}) and its delivery job at once. */
    public void accept(Submission s, long giveUpMs, List<NewFile> files) throws SQLException {
        accept(s, giveUpMs, files, null);
    }

    /**
     * As {@link #accept(Submission, long, List)}, and marks the form token the submission came with as used, in the
     * same transaction: of two submissions with one token, one is stored and the other stores nothing.
     * @param token null when the submission came without a token
     * @throws java.sql.SQLIntegrityConstraintViolationException when the token was used already
     */
    public void accept(Submission s, long giveUpMs, List<NewFile> files, UsedToken token) throws SQLException {
        accept(s, giveUpMs, files, token, SubmissionClaim.NONE);
    }

    /**
     * As {@link #accept(Submission, long, List, UsedToken)}, and takes what a protected form's submission needs
     * ({@link ProtectionStore#claim}) in the same transaction, after the token: a repeat costs no place.
     * @throws ClaimRefusedException when the place or key was taken; nothing was stored
     */
    public void accept(Submission s, long giveUpMs, List<NewFile> files, UsedToken token, SubmissionClaim claim)
            throws SQLException {
        protection.prepare(claim);
        java.util.Set<String> found = terms.terms(s);
        db.inTransaction(c -> {
            if (token != null) {
                UsedTokenStore.insert(c, token); // first: a used token costs no other write before it fails
            }
            if (!claim.isEmpty()) {
                ProtectionStore.claim(c, claim, s.id(), s.createdMs());
            }
            if (claim.slot() != null) {
                SlotClaimStore.claim(c, claim.slot(), s.id(), s.createdMs());
            }
            Jdbc.update(c, "INSERT INTO submission (id, account_id, form_key, form_version, status, data, records, "
                            + "created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    s.id(), s.accountId(), s.formKey(), s.formVersion(), s.status().jsonName(),
                    SubmissionJson.write(s.data()), s.records().toString(), s.createdMs(), s.updatedMs());
            Jdbc.update(c, "INSERT INTO delivery_job (submission_id, account_id, state, due_ms, attempts, give_up_ms) "
                    + "VALUES (?, ?, 'pending', ?, 0, ?)", s.id(), s.accountId(), s.createdMs(), giveUpMs);
            SubmissionFileStore.insert(c, s.id(), files, s.createdMs());
            SearchTerms.insert(c, s, found);
            return null;
        });
        if (token != null) {
            usedTokens.sweep(s.createdMs());
        }
    }

    public Optional<Submission> find(String id) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, SubmissionStore::map, "SELECT * FROM submission WHERE id = ?", id);
        }
    }

    /** Newest first; {@code formKey} null lists every form of the account. */
    public List<Submission> list(long accountId, String formKey, int limit) throws SQLException {
        try (Connection c = db.connection()) {
            return formKey == null
                    ? Jdbc.query(c, SubmissionStore::map, "SELECT * FROM submission WHERE account_id = ? "
                            + "ORDER BY created_ms DESC LIMIT " + limit, accountId)
                    : Jdbc.query(c, SubmissionStore::map, "SELECT * FROM submission WHERE account_id = ? AND form_key = ? "
                            + "ORDER BY created_ms DESC LIMIT " + limit, accountId, formKey);
        }
    }

    public List<DeliveryAttempt> attempts(String submissionId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> new DeliveryAttempt(row.getLong("started_ms"), row.getLong("finished_ms"),
                            row.getString("outcome"), row.getString("message")),
                    "SELECT * FROM delivery_attempt WHERE submission_id = ? ORDER BY id", submissionId);
        }
    }

    /** Records the ids the delivery steps produced so far; a later try continues from them. */
    public void saveRecords(String submissionId, JsonObject records) throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "UPDATE submission SET records = ?, updated_ms = ? WHERE id = ?", records.toString(),
                    System.currentTimeMillis(), submissionId);
        }
    }

    /**
     * GDPR retention: replaces the data (submitted values, consent texts, page context) of up to {@code limit}
     * delivered or failed submissions created before {@code cutoffMs} by {@link SubmissionJson#ERASED} and deletes
     * their uploaded files ({@link SubmissionFileStore}) and search terms. The row with its status, onOffice ids and
     * attempts stays. Submissions still on their way are never erased.
     * @param except forms that have a retention period of their own, left to {@link #erasePersonalData(String, long,
     *               long, int)}
     * @return how many were erased
     */
    public int erasePersonalData(long cutoffMs, long now, int limit, java.util.Collection<String> except)
            throws SQLException {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new java.util.ArrayList<>();
        for (String key : except) {
            sql.append(" AND form_key <> ?");
            args.add(key);
        }
        return eraseWhere(sql.toString(), args, cutoffMs, now, limit);
    }

    /** As {@link #erasePersonalData(long, long, int, java.util.Collection)} for every form. */
    public int erasePersonalData(long cutoffMs, long now, int limit) throws SQLException {
        return erasePersonalData(cutoffMs, now, limit, List.of());
    }

    /** As {@link #erasePersonalData(long, long, int, java.util.Collection)} for one form (its own retention). */
    public int erasePersonalData(String formKey, long cutoffMs, long now, int limit) throws SQLException {
        return eraseWhere(" AND form_key = ?", List.of(formKey), cutoffMs, now, limit);
    }

    /** Erases every delivered submission of a form at once (privacy mode's catch-up: see {@code PrivacyMode}). */
    public int eraseDelivered(String formKey, long now, int limit) throws SQLException {
        return eraseWhere(" AND form_key = ? AND status = ?", List.of(formKey, SubmissionStatus.DELIVERED.jsonName()),
                now + 1, now, limit);
    }

    private int eraseWhere(String more, List<Object> moreArgs, long cutoffMs, long now, int limit) throws SQLException {
        return db.inTransaction(c -> {
            List<Object> args = new java.util.ArrayList<>(List.of(cutoffMs, SubmissionStatus.DELIVERED.jsonName(),
                    SubmissionStatus.FAILED.jsonName()));
            args.addAll(moreArgs);
            List<String> ids = Jdbc.query(c, row -> row.getString(1), "SELECT id FROM submission WHERE erased_ms IS NULL "
                    + "AND created_ms < ? AND status IN (?, ?)" + more + " ORDER BY created_ms LIMIT " + limit,
                    args.toArray());
            int erased = 0;
            for (String id : ids) {
                erased += erase(c, id, now) >= 0 ? 1 : 0;
            }
            return erased;
        });
    }

    /**
     * Erases one delivered or failed submission's personal data at once (privacy mode, a data-subject request), as
     * retention would: values, consents, context, uploaded files and search terms; status, onOffice ids and attempts
     * stay. @return how many uploaded files were deleted, or -1 when nothing was erased (erased already, or still on
     * its way to onOffice)
     */
    public int erase(String submissionId, long now) throws SQLException {
        return db.inTransaction(c -> erase(c, submissionId, now));
    }

    private static int erase(Connection c, String id, long now) throws SQLException {
        // The status condition again: an admin may have retried the submission since it was chosen.
        int done = Jdbc.update(c, "UPDATE submission SET data = ?, erased_ms = ?, updated_ms = ? WHERE id = ? "
                + "AND erased_ms IS NULL AND status IN (?, ?)", SubmissionJson.ERASED, now, now, id,
                SubmissionStatus.DELIVERED.jsonName(), SubmissionStatus.FAILED.jsonName());
        if (done == 0) {
            return -1;
        }
        // the uploaded files are personal data too; onOffice keeps the attached copies
        int files = Jdbc.update(c, "DELETE FROM submission_file WHERE submission_id = ?", id);
        Jdbc.update(c, "DELETE FROM submission_term WHERE submission_id = ?", id);
        return files;
    }

    /**
     * Up to {@code limit} submissions whose content is kept, oldest first, after {@code after} (null: from the
     * oldest), over every account; for work that must see each once (e.g. indexing older submissions for search).
     */
    public List<Submission> keptAfter(SubmissionCursor after, int limit) throws SQLException {
        try (Connection c = db.connection()) {
            return after == null
                    ? Jdbc.query(c, SubmissionStore::map, "SELECT * FROM submission WHERE erased_ms IS NULL "
                            + "ORDER BY created_ms, id LIMIT " + limit)
                    : Jdbc.query(c, SubmissionStore::map, "SELECT * FROM submission WHERE erased_ms IS NULL AND "
                            + "(created_ms > ? OR (created_ms = ? AND id > ?)) ORDER BY created_ms, id LIMIT " + limit,
                            after.createdMs(), after.createdMs(), after.id());
        }
    }

    /**
     * Gives a stored submission the search terms it lacks (one written before terms were kept). Terms it has already
     * (another instance indexed it at the same time) are left as they are. @return how many were added
     */
    public int addTerms(Submission s, java.util.Set<String> found) throws SQLException {
        int added = 0;
        try (Connection c = db.connection()) {
            for (String term : found) {
                added += Jdbc.update(c, "INSERT INTO submission_term (submission_id, account_id, term) SELECT ?, ?, ? "
                        + "FROM submission WHERE id = ? AND erased_ms IS NULL AND NOT EXISTS (SELECT 1 FROM "
                        + "submission_term WHERE submission_id = ? AND term = ?)", s.id(), s.accountId(), term,
                        s.id(), s.id(), term);
            }
        } catch (java.sql.SQLIntegrityConstraintViolationException raced) {
            return added; // indexed by another instance meanwhile
        }
        return added;
    }

    /** The source of new submissions' search terms ({@link #indexWith}). */
    public SearchTerms.Source terms() {
        return terms;
    }

    // ---- onOffice fidelity (#16): records known to exist, for the connection check --------------------------------

    /**
     * The {@code records} of the account's {@code limit} most recently updated submissions that recorded anything
     * (the onOffice ids their deliveries created), newest first. The connection check reads some of them back to tell
     * a missing read right from an account without such records.
     */
    public List<JsonObject> recentRecords(long accountId, int limit) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> JsonParser.parseString(row.getString(1)).getAsJsonObject(),
                    "SELECT records FROM submission WHERE account_id = ? AND records <> '{}' ORDER BY updated_ms DESC "
                            + "LIMIT " + Math.max(1, Math.min(200, limit)), accountId);
        }
    }

    static Submission map(ResultSet row) throws SQLException {
        return new Submission(row.getString("id"), row.getLong("account_id"), row.getString("form_key"),
                row.getInt("form_version"),
                SubmissionStatus.valueOf(row.getString("status").toUpperCase(java.util.Locale.ROOT)),
                SubmissionJson.read(row.getString("data")),
                JsonParser.parseString(row.getString("records")).getAsJsonObject(),
                row.getString("last_error"), row.getLong("created_ms"), row.getLong("updated_ms"));
    }
}
