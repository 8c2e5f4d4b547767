package org.formhaus.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionStatus;
import org.formhaus.storage.SubmissionStore;

/**
 * Accepts a valid submission: builds its stored record (values, the consent texts as shown, page context), commits it
 * with its delivery job, then wakes the delivery worker. Thread-safe; one per application.
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
        JsonObject data = new JsonObject();
        data.add("values", Json.GSON.toJsonTree(values));
        data.addProperty("language", form.definition().language());
        data.add("consents", consents(form, values, now));
        data.add("context", Json.GSON.toJsonTree(context));
        Submission submission = new Submission(UUID.randomUUID().toString(), form.accountId(), form.key(),
                form.version(), SubmissionStatus.RECEIVED, data, new JsonObject(), null, now, now);
        submissions.accept(submission, now + giveUpAfter.toMillis());
        onAccepted.run();
        return submission;
    }

    /** GDPR: the exact text the visitor agreed to, the form version it belongs to and when. */
    private static JsonArray consents(StoredForm form, Map<String, Object> values, long now) {
        JsonArray consents = new JsonArray();
        for (Field field : form.definition().fields()) {
            Object value = values.get(field.name());
            if (field.type() == FieldType.CONSENT && value != null && !value.toString().isEmpty()
                    && !(value instanceof List<?> l && l.isEmpty())) {
                JsonObject consent = new JsonObject();
                consent.addProperty("field", field.name());
                consent.addProperty("text", field.label());
                consent.addProperty("formVersion", form.version());
                consent.addProperty("acceptedAt", java.time.Instant.ofEpochMilli(now).toString());
                consents.add(consent);
            }
        }
        return consents;
    }
}
