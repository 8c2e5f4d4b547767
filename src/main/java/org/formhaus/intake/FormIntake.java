package org.formhaus.intake;

import com.google.gson.JsonObject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.Values;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.NewFile;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionStatus;
import org.formhaus.storage.SubmissionStore;
import org.formhaus.submission.AcceptedSubmission;
import org.formhaus.submission.Consent;
import org.formhaus.submission.PageContext;
import org.formhaus.submission.SubmittedFile;

/**
 * Accepts a valid submission: builds its {@link AcceptedSubmission} (values, language, the consent texts as shown,
 * page context, uploaded files), commits it with its files and its delivery job in one transaction, then wakes the
 * delivery worker. Thread-safe; one per application.
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
        List<NewFile> stored = new ArrayList<>();
        for (SubmittedFile file : data.files()) {
            Upload upload = files.get(file.field());
            stored.add(new NewFile(file.field(), upload.fileName(), upload.contentType(), upload.content()));
        }
        Submission submission = new Submission(UUID.randomUUID().toString(), form.accountId(), form.key(),
                form.version(), SubmissionStatus.RECEIVED, data, new JsonObject(), null, now, now);
        submissions.accept(submission, now + giveUpAfter.toMillis(), stored);
        onAccepted.run();
        return submission;
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
