package org.formhaus.web;

import com.google.gson.JsonArray;
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

/**
 * Accepts a valid submission: builds its stored record (values, the consent texts as shown, page context, uploaded
 * files), commits it with its delivery job, then wakes the delivery worker. Thread-safe; one per application.
 */
public final class FormIntake {

    private final FormStore forms;
    private final SubmissionStore submissions;
    private final Runnable onAccepted;
    private final Duration giveUpAfter;

    public FormIntake(FormStore forms, SubmissionStore submissions, Duration giveUpAfter, Runnable onAccepted) {
        this.forms = forms;
        this.submissions = submissions;
        this.giveUpAfter = giveUpAfter;
        this.onAccepted = onAccepted;
    }

    public FormStore forms() {
        return forms;
    }

    public Submission accept(StoredForm form, Map<String, Object> values, Map<String, String> context, long now)
            throws SQLException {
        return accept(form, form.definition(), values, context, Map.of(), now);
    }

    /**
     * {@code shown}: the definition as the visitor saw it (options resolved), whose consent texts are stored;
     * {@code files}: the uploads of the submission's file fields that passed validation.
     */
    Submission accept(StoredForm form, FormDefinition shown, Map<String, Object> values, Map<String, String> context,
                      Map<String, SubmissionInput.Upload> files, long now) throws SQLException {
        JsonObject data = new JsonObject();
        data.add("values", Json.GSON.toJsonTree(values));
        data.addProperty("language", shown.language());
        data.add("consents", consents(form, shown, values, now));
        data.add("context", Json.GSON.toJsonTree(context));
        List<NewFile> stored = new ArrayList<>();
        JsonArray fileList = new JsonArray();
        for (Field field : shown.fields()) {
            SubmissionInput.Upload upload = files.get(field.name());
            if (field.type() == FieldType.FILE && upload != null && !Values.first(values.get(field.name())).isEmpty()) {
                stored.add(new NewFile(field.name(), upload.fileName(), upload.contentType(), upload.content()));
                JsonObject f = new JsonObject();
                f.addProperty("field", field.name());
                f.addProperty("name", upload.fileName());
                f.addProperty("contentType", upload.contentType());
                f.addProperty("size", upload.content().length);
                fileList.add(f);
            }
        }
        data.add("files", fileList);
        Submission submission = new Submission(UUID.randomUUID().toString(), form.accountId(), form.key(),
                form.version(), SubmissionStatus.RECEIVED, data, new JsonObject(), null, now, now);
        submissions.accept(submission, now + giveUpAfter.toMillis(), stored);
        onAccepted.run();
        return submission;
    }

    /** GDPR: the exact text the visitor agreed to, its version, the form version it belongs to and when. */
    private static JsonArray consents(StoredForm form, FormDefinition shown, Map<String, Object> values, long now) {
        JsonArray consents = new JsonArray();
        for (Field field : shown.fields()) {
            if (field.type() == FieldType.CONSENT && !Values.first(values.get(field.name())).isEmpty()) {
                JsonObject consent = new JsonObject();
                consent.addProperty("field", field.name());
                consent.addProperty("text", field.label());
                if (field.consentVersion() != null) {
                    consent.addProperty("version", field.consentVersion());
                }
                consent.addProperty("formVersion", form.version());
                consent.addProperty("acceptedAt", Instant.ofEpochMilli(now).toString());
                consents.add(consent);
            }
        }
        return consents;
    }
}
