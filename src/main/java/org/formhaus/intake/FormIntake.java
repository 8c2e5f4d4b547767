package org.formhaus.intake;

import com.google.gson.JsonObject;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.Values;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.NewFile;
import org.formhaus.storage.ProtectionStore;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionClaim;
import org.formhaus.storage.SubmissionStatus;
import org.formhaus.storage.SubmissionStore;
import org.formhaus.storage.UsedToken;
import org.formhaus.submission.AcceptedSubmission;
import org.formhaus.submission.Consent;
import org.formhaus.submission.PageContext;
import org.formhaus.submission.SubmittedFile;

/**
 * Accepts a valid submission: builds its {@link AcceptedSubmission} (values, language, the consent texts as shown,
 * page context, uploaded files), commits it with its files and its delivery job in one transaction, then wakes the
 * delivery worker. A submission that carries its served page's token ({@link IdempotencyKey}) is accepted once: the
 * token is marked used in the same transaction, and a repeat gets the first one's {@link Receipt} (same values) or a
 * conflict (other values), over every instance on the database. Thread-safe; one per application.
 */
public final class FormIntake {

    private final FormStore forms;
    private final SubmissionStore submissions;
    private final Runnable onAccepted;
    private final Duration giveUpAfter;

    /**
     * @param giveUpAfter how long delivery retries before the submission is failed
     * @param onAccepted  called after each commit, to wake delivery
     */
    public FormIntake(FormStore forms, SubmissionStore submissions, Duration giveUpAfter, Runnable onAccepted) {
        this.forms = forms;
        this.submissions = submissions;
        this.giveUpAfter = giveUpAfter;
        this.onAccepted = onAccepted;
    }

    public FormStore forms() {
        return forms;
    }

    /** A stored submission by its id (the thank-you page's macros read its values); empty when there is none. */
    public Optional<org.formhaus.storage.Submission> submission(String id) throws SQLException {
        return submissions.find(id);
    }

    /** What protected forms count over every instance (places, used keys, wrong passwords). */
    public ProtectionStore protection() {
        return submissions.protection();
    }

    /**
     * @param shown   the definition as the visitor saw it (options resolved), whose consent texts are stored
     * @param values  the validated values ({@code forms.ValidationResult#values})
     * @param context the page context the request carried, already limited to what the definition keeps
     * @param files   the uploads of the submission's file fields that passed validation, by field name
     * @return the stored submission, status {@code received}
     */
    public Submission accept(StoredForm form, FormDefinition shown, Map<String, Object> values,
                             Map<String, String> context, Map<String, Upload> files, long now) throws SQLException {
        AcceptedSubmission data = content(form, shown, values, context, files, now);
        Submission submission = new Submission(UUID.randomUUID().toString(), form.accountId(), form.key(),
                form.version(), SubmissionStatus.RECEIVED, data, new JsonObject(), null, now, now);
        submissions.accept(submission, now + giveUpAfter.toMillis(), newFiles(data, files));
        onAccepted.run();
        return submission;
    }

    /**
     * As {@link #accept(StoredForm, FormDefinition, Map, Map, Map, long)}, once per token: with a {@code key}, a
     * submission whose token was used already stores nothing and gets the earlier answer, or a conflict.
     * @param key null when the submission came without a token (it is then simply accepted)
     */
    public Receipt accept(StoredForm form, FormDefinition shown, Map<String, Object> values,
                          Map<String, String> context, Map<String, Upload> files, IdempotencyKey key, long now)
            throws SQLException {
        return accept(form, shown, values, context, files, key, SubmissionClaim.NONE, now);
    }

    /**
     * As {@link #accept(StoredForm, FormDefinition, Map, Map, Map, IdempotencyKey, long)}, taking a protected form's
     * place and one-time key in the same transaction (a repeat of an accepted submission takes none).
     * @throws org.formhaus.storage.ClaimRefusedException when the place or the key was taken; nothing was stored
     */
    public Receipt accept(StoredForm form, FormDefinition shown, Map<String, Object> values,
                          Map<String, String> context, Map<String, Upload> files, IdempotencyKey key,
                          SubmissionClaim claim, long now) throws SQLException {
        return accept(form, shown, values, context, files, key, claim, new JsonObject(), now);
    }

    /**
     * As {@link #accept(StoredForm, FormDefinition, Map, Map, Map, IdempotencyKey, SubmissionClaim, long)}, with the
     * submission's records starting as {@code records}: an edit link's submission starts with the id of the record it
     * modifies ({@code edit.<module>}), so that no page or URL ever carries it.
     */
    public Receipt accept(StoredForm form, FormDefinition shown, Map<String, Object> values,
                          Map<String, String> context, Map<String, Upload> files, IdempotencyKey key,
                          SubmissionClaim claim, JsonObject records, long now) throws SQLException {
        AcceptedSubmission data = content(form, shown, values, context, files, now);
        Submission submission = new Submission(UUID.randomUUID().toString(), form.accountId(), form.key(),
                form.version(), SubmissionStatus.RECEIVED, data, records.deepCopy(), null, now, now);
        if (key == null && claim.isEmpty()) {
            submissions.accept(submission, now + giveUpAfter.toMillis(), newFiles(data, files));
            onAccepted.run();
            return Receipt.accepted(submission.id());
        }
        try {
            submissions.accept(submission, now + giveUpAfter.toMillis(), newFiles(data, files),
                    key == null ? null : used(form, key, submission.id()), claim);
        } catch (SQLIntegrityConstraintViolationException taken) {
            if (key == null) {
                throw taken;
            }
            return earlier(form.key(), key).orElseThrow(() -> taken);
        }
        onAccepted.run();
        return Receipt.accepted(submission.id());
    }

    /**
     * Answers a submission the honeypot caught as {@link #accept} would, storing no submission: a new id, marked
     * with its token like a real one, so that repeating it looks the same too.
     */
    public Receipt discard(StoredForm form, IdempotencyKey key, long now) throws SQLException {
        String id = UUID.randomUUID().toString();
        if (key == null) {
            return Receipt.accepted(id);
        }
        try {
            submissions.usedTokens().record(used(form, key, id), now);
        } catch (SQLIntegrityConstraintViolationException taken) {
            return earlier(form.key(), key).orElseThrow(() -> taken);
        }
        return Receipt.accepted(id);
    }

    /**
     * The answer an earlier submission with this token got, when there was one: {@link Receipt.Outcome#REPEATED}
     * with its id for the same values, {@link Receipt.Outcome#CONFLICT} for others.
     */
    public Optional<Receipt> earlier(String formKey, IdempotencyKey key) throws SQLException {
        return submissions.usedTokens().find(formKey, key.tokenId()).map(used -> used.valuesDigest()
                .equals(key.valuesDigest()) ? new Receipt(Receipt.Outcome.REPEATED, used.submissionId())
                : new Receipt(Receipt.Outcome.CONFLICT, null));
    }

    private static UsedToken used(StoredForm form, IdempotencyKey key, String submissionId) {
        return new UsedToken(form.key(), key.tokenId(), key.valuesDigest(), submissionId, key.expiresMs());
    }

    private static List<NewFile> newFiles(AcceptedSubmission data, Map<String, Upload> files) {
        List<NewFile> stored = new ArrayList<>();
        for (SubmittedFile file : data.files()) {
            Upload upload = files.get(file.field());
            stored.add(new NewFile(file.field(), upload.fileName(), upload.contentType(), upload.content()));
        }
        return stored;
    }

    /** What is kept of a submission: a file only when its field is filled in, a consent only when given. */
    static AcceptedSubmission content(StoredForm form, FormDefinition shown, Map<String, Object> values,
                                      Map<String, String> context, Map<String, Upload> files, long now) {
        List<Consent> consents = new ArrayList<>();
        List<SubmittedFile> kept = new ArrayList<>();
        for (Field field : shown.fields()) {
            boolean filled = !Values.first(values.get(field.name())).isEmpty();
            Upload upload = files.get(field.name());
            if (field.type() == FieldType.CONSENT && filled) {
                // GDPR: the exact text the visitor agreed to, its version, the form version it belongs to and when
                consents.add(new Consent(field.name(), field.label(), field.consentVersion(), form.version(),
                        Instant.ofEpochMilli(now)));
            } else if (field.type() == FieldType.FILE && filled && upload != null) {
                kept.add(new SubmittedFile(field.name(), upload.fileName(), upload.contentType(),
                        upload.content().length));
            }
        }
        return new AcceptedSubmission(values, shown.language(), consents, PageContext.of(context), kept);
    }
}
