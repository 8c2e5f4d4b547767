package org.formhaus.submission;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one stored form of an {@link AcceptedSubmission}: the JSON of the {@code submission.data} column, which the
 * admin API also shows as a submission's {@code data}:
 * <pre>{@code
 * {"values": {"vorname": "Jörg", "ausstattung": ["Balkon"]}, "language": "de",
 *  "consents": [{"field": "dsgvo", "text": "Ich stimme ... zu.", "version": "v3", "formVersion": 2,
 *                "acceptedAt": "2025-01-31T09:15:00.123Z"}],
 *  "context": {"page": "https://agentur.example/kontakt", "utm_source": "news"},
 *  "files": [{"field": "expose", "name": "Grundriss.pdf", "contentType": "application/pdf", "size": 48213}]}
 * }</pre>
 * Once the retention period is over the column holds {@link #ERASED} instead, read as null. Rows written before a
 * part was kept (no {@code language}, no {@code files}) read with that part empty. The key names are spelled here and
 * nowhere else. Stateless; thread-safe.
 */
public final class SubmissionJson {

    /** What remains of a submission's data once retention erased it. */
    public static final String ERASED = "{\"erased\":true}";

    private SubmissionJson() {
    }

    /** The column's text; null (erased) gives {@link #ERASED}. */
    public static String write(AcceptedSubmission submission) {
        return toJson(submission).toString();
    }

    /** The column's text as a submission; null when it was erased. */
    public static AcceptedSubmission read(String column) {
        return fromJson(JsonParser.parseString(column).getAsJsonObject());
    }

    /** The JSON tree, e.g. for the admin API; null (erased) gives {@code {"erased": true}}. */
    public static JsonObject toJson(AcceptedSubmission s) {
        if (s == null) {
            return JsonParser.parseString(ERASED).getAsJsonObject();
        }
        JsonObject data = new JsonObject();
        JsonObject values = new JsonObject();
        s.values().forEach((name, value) -> values.add(name, value(value)));
        data.add("values", values);
        data.addProperty("language", s.language());
        JsonArray consents = new JsonArray();
        for (Consent c : s.consents()) {
            JsonObject consent = new JsonObject();
            consent.addProperty("field", c.field());
            consent.addProperty("text", c.text());
            if (c.version() != null) {
                consent.addProperty("version", c.version());
            }
            consent.addProperty("formVersion", c.formVersion());
            consent.addProperty("acceptedAt", c.acceptedAt().toString());
            consents.add(consent);
        }
        data.add("consents", consents);
        JsonObject context = new JsonObject();
        s.context().asMap().forEach(context::addProperty);
        data.add("context", context);
        JsonArray files = new JsonArray();
        for (SubmittedFile f : s.files()) {
            JsonObject file = new JsonObject();
            file.addProperty("field", f.field());
            file.addProperty("name", f.name());
            file.addProperty("contentType", f.contentType());
            file.addProperty("size", f.size());
            files.add(file);
        }
        data.add("files", files);
        return data;
    }

    /** The submission a JSON tree holds; null when it is the erased marker. */
    public static AcceptedSubmission fromJson(JsonObject data) {
        if (data.has("erased")) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        object(data, "values").entrySet().forEach(e -> values.put(e.getKey(), value(e.getValue())));
        List<Consent> consents = new ArrayList<>();
        for (JsonElement e : array(data, "consents")) {
            JsonObject c = e.getAsJsonObject();
            consents.add(new Consent(string(c, "field"), string(c, "text"), string(c, "version"),
                    c.get("formVersion").getAsInt(), Instant.parse(string(c, "acceptedAt"))));
        }
        Map<String, String> context = new LinkedHashMap<>();
        object(data, "context").entrySet().forEach(e -> context.put(e.getKey(), string(e.getValue())));
        List<SubmittedFile> files = new ArrayList<>();
        for (JsonElement e : array(data, "files")) {
            JsonObject f = e.getAsJsonObject();
            files.add(new SubmittedFile(string(f, "field"), string(f, "name"), string(f, "contentType"),
                    f.get("size").getAsLong()));
        }
        return new AcceptedSubmission(values, string(data, "language"), consents, PageContext.of(context), files);
    }

    private static JsonElement value(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(v -> array.add(v == null ? null : v.toString()));
            return array;
        }
        return new JsonPrimitive(value.toString());
    }

    /** A stored value: a String, or a List of String. */
    private static Object value(JsonElement json) {
        if (json.isJsonArray()) {
            List<String> list = new ArrayList<>();
            json.getAsJsonArray().forEach(v -> list.add(string(v)));
            return Collections.unmodifiableList(list);
        }
        return string(json);
    }

    private static JsonObject object(JsonObject json, String key) {
        JsonElement e = json.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static JsonArray array(JsonObject json, String key) {
        JsonElement e = json.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    private static String string(JsonObject json, String key) {
        return string(json.get(key));
    }

    private static String string(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
