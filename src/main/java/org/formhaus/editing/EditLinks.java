package org.formhaus.editing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.formhaus.forms.EditSettings;
import org.formhaus.mapping.RecordEdits;
import org.formhaus.storage.EditLink;
import org.formhaus.storage.EditLinkStore;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionStatus;
import org.formhaus.storage.SubmissionStore;

/**
 * Issues and opens edit links. A link is {@code <public.url>/f/<edit form>?fh_edit=<token>}: the token is 256 random
 * bits (43 base64url characters) and only its SHA-256 is stored, bound to the account, the edit form, its module and
 * the record. The record is the one the source submission created (or itself edited): when the e-mail is written in
 * the same request that creates it (a search criterion), the link names the submission's record and is bound to its
 * id on the first open. Thread-safe; one per application.
 *
 * <pre>{@code
 * Optional<String> url = links.issue(accountId, "suchprofil-aendern", submission.id(), records);
 * Opened opened = links.open(token, form);   // Open, Gone, Pending or Unknown
 * }</pre>
 */
public final class EditLinks {

    /** The page's query parameter carrying the token, and the form's hidden input repeating it on submit. */
    public static final String PARAM = "fh_edit";
    public static final String INPUT = "_fh_edit";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final System.Logger LOG = System.getLogger(EditLinks.class.getName());

    private final EditLinkStore store;
    private final FormStore forms;
    private final SubmissionStore submissions;
    private final Supplier<String> publicUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Expired links stay listed (state "expired") this long, then their rows are deleted. */
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(90);
    private final java.util.concurrent.atomic.AtomicLong nextSweepMs = new java.util.concurrent.atomic.AtomicLong();

    public EditLinks(EditLinkStore store, FormStore forms, SubmissionStore submissions, Supplier<String> publicUrl,
                     Clock clock) {
        this.store = store;
        this.forms = forms;
        this.submissions = submissions;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public EditLinkStore store() {
        return store;
    }

    /**
     * A new link to {@code editForm} for the record of its module that the source submission created or edited;
     * empty (with a warning logged) when that form is not an edit form of the same account.
     *
     * @param records the source submission's records so far; a record not yet among them is bound on first open
     */
    public Optional<String> issue(long accountId, String editForm, String sourceSubmission, JsonObject records)
            throws SQLException {
        Optional<StoredForm> form = forms.current(editForm);
        EditSettings edit = form.filter(f -> f.accountId() == accountId).map(f -> EditSettings.of(f.definition()))
                .orElse(null);
        if (edit == null) {
            LOG.log(System.Logger.Level.WARNING, "An e-mail asks for an edit link to form ''{0}'', which is no edit "
                    + "form of this account; the link is left empty", editForm);
            return Optional.empty();
        }
        String recordId = recordOf(records, edit.module());
        String token = newToken();
        long now = clock.millis();
        sweep(now);
        store.insert(new EditLink(UUID.randomUUID().toString(), hash(token), accountId, editForm, edit.module(),
                recordId, sourceSubmission, edit.module(), now, now + Duration.ofDays(edit.validDays()).toMillis(),
                null));
        return Optional.of(publicUrl.get().replaceAll("/+$", "") + "/f/" + editForm + "?" + PARAM + "=" + token);
    }

    /** The submission's records key under which an edit link's record id travels to delivery. */
    public static String recordsKey(String module) {
        return RecordEdits.recordKey(module);
    }

    /** Whether {@code formKey} is an edit form of the account (what an e-mail's {@code editLinks} may name). */
    public boolean isEditForm(long accountId, String formKey) {
        try {
            return forms.current(formKey).filter(f -> f.accountId() == accountId)
                    .map(f -> EditSettings.of(f.definition()) != null).orElse(false);
        } catch (SQLException e) {
            return true; // the database blinked: the save is not refused for it; sending logs a missing form
        }
    }

    /** What opening a link found. */
    public sealed interface Opened permits Open, Gone, Pending, Missing, Unknown {
    }

    /** A valid link with its record's id (never shown to the visitor). */
    public record Open(EditLink link, String recordId) implements Opened {
    }

    /** Expired or revoked: the visitor is told so (410). */
    public record Gone(boolean revoked) implements Opened {
    }

    /** The source submission has not created the record yet (its delivery is still running). */
    public record Pending() implements Opened {
    }

    /** The source submission was delivered (or gave up) without creating the record: there is nothing to edit. */
    public record Missing() implements Opened {
    }

    /** No such link for this form: forged, mistyped or another form's. */
    public record Unknown() implements Opened {
    }

    /** Looks the token up for {@code form} and binds its record on the first open. */
    public Opened open(String token, StoredForm form) throws SQLException {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return new Unknown();
        }
        Optional<EditLink> found = store.byTokenHash(hash(token));
        if (found.isEmpty() || found.get().accountId() != form.accountId()
                || !found.get().formKey().equals(form.key())) {
            return new Unknown();
        }
        EditLink link = found.get();
        EditSettings edit = EditSettings.of(form.definition());
        if (edit == null || !edit.module().equals(link.module())) {
            return new Unknown(); // the form no longer edits that module
        }
        if (link.revoked() || link.expiredAt(clock.millis())) {
            return new Gone(link.revoked());
        }
        if (link.recordId() != null) {
            return new Open(link, link.recordId());
        }
        Optional<Submission> source = link.sourceSubmission() == null ? Optional.empty()
                : submissions.find(link.sourceSubmission()).filter(s -> s.accountId() == link.accountId());
        String recordId = source.map(Submission::records).map(r -> recordOf(r, link.module())).orElse(null);
        if (recordId == null) {
            boolean finished = source.isEmpty() || source.get().status() == SubmissionStatus.DELIVERED
                    || source.get().status() == SubmissionStatus.FAILED;
            return finished ? new Missing() : new Pending();
        }
        store.bindRecord(link.id(), recordId);
        return new Open(link.withRecordId(recordId), recordId);
    }

    /** The links of an account's form, newest first. */
    public java.util.List<EditLink> ofForm(long accountId, String formKey) throws SQLException {
        return store.ofForm(accountId, formKey);
    }

    /** The links a submission's e-mails carried and the links to the records it created or edited. */
    public java.util.List<EditLink> ofSubmission(Submission submission) throws SQLException {
        return store.ofSubmission(submission.accountId(), submission.id(), recordsOf(submission.records()));
    }

    /** Revokes one link of the account; false when there is none or it was revoked already. */
    public boolean revoke(long accountId, String linkId) throws SQLException {
        return store.revoke(accountId, linkId, clock.millis());
    }

    /** Revokes every link of an account's form; how many. */
    public int revokeForm(long accountId, String formKey) throws SQLException {
        return store.revokeForm(accountId, formKey, clock.millis());
    }

    /** Revokes every link a submission's e-mails carried and every link to a record it created or edited; how many. */
    public int revokeSubmission(Submission submission) throws SQLException {
        return store.revokeSubmission(submission.accountId(), submission.id(), recordsOf(submission.records()),
                clock.millis());
    }

    /** The records of the editable modules a submission created or edited. */
    static java.util.List<EditLinkStore.Record> recordsOf(JsonObject records) {
        java.util.List<EditLinkStore.Record> out = new java.util.ArrayList<>();
        for (String module : EditSettings.MODULES) {
            String id = recordOf(records, module);
            if (id != null) {
                out.add(new EditLinkStore.Record(module, id));
            }
        }
        return out;
    }

    /** A link's state for admins: active, pending (its record not yet known), expired or revoked. */
    public String state(EditLink link) {
        if (link.revoked()) {
            return "revoked";
        }
        if (link.expiredAt(clock.millis())) {
            return "expired";
        }
        return link.recordId() == null ? "pending" : "active";
    }

    /** The record of {@code module} in a submission's records: the one it edited, else the one it created. */
    static String recordOf(JsonObject records, String module) {
        for (String key : new String[] {RecordEdits.recordKey(module), module}) {
            JsonElement e = records == null ? null : records.get(key);
            if (e != null && e.isJsonPrimitive() && e.getAsString().matches("[0-9]{1,18}")) {
                return e.getAsString();
            }
        }
        return null;
    }

    /** At most once an hour per instance: deletes links expired more than {@link #KEPT_AFTER_EXPIRY} ago. */
    private void sweep(long now) {
        long due = nextSweepMs.get();
        if (now < due || !nextSweepMs.compareAndSet(due, now + Duration.ofHours(1).toMillis())) {
            return;
        }
        try {
            store.deleteExpiredBefore(now - KEPT_AFTER_EXPIRY.toMillis());
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete long expired edit links (tried again in an hour): "
                    + e.getMessage());
        }
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
