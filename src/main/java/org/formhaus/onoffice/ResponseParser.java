package org.formhaus.onoffice;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads onOffice's response document defensively: ids as numbers or strings, {@code elements} as object or empty
 * array, {@code cntabsolute} as number, string or null, missing blocks tolerated. Stateless.
 */
final class ResponseParser {

    /** The top-level {@code status} and the raw {@code results}. */
    record Envelope(int code, int errorCode, String message, List<ActionResult> results) {
    }

    private ResponseParser() {
    }

    /** @throws JsonParseException when the body is not a JSON object */
    static Envelope parseEnvelope(String body) {
        JsonElement root = JsonParser.parseString(body == null ? "" : body);
        if (!root.isJsonObject()) {
            throw new JsonParseException("onOffice reply is not a JSON object");
        }
        JsonObject doc = root.getAsJsonObject();
        if (!doc.has("status") || !doc.get("status").isJsonObject()) {
            throw new JsonParseException("onOffice reply has no status block");
        }
        JsonObject status = object(doc, "status");
        int code = intValue(status.get("code"), 0);
        int errorCode = intValue(status.get("errorcode"), 0);
        String message = string(status.get("message"));
        List<ActionResult> results = new ArrayList<>();
        JsonArray raw = array(object(doc, "response"), "results");
        for (JsonElement r : raw) {
            if (r.isJsonObject()) {
                results.add(parseResult(r.getAsJsonObject()));
            }
        }
        return new Envelope(code, errorCode, message, results);
    }

    /** One entry of {@code response.results}. */
    static ActionResult parseResult(JsonObject r) {
        JsonObject data = object(r, "data");
        JsonObject meta = object(data, "meta");
        List<OnOfficeRecord> records = new ArrayList<>();
        for (JsonElement e : array(data, "records")) {
            if (e.isJsonObject()) {
                JsonObject rec = e.getAsJsonObject();
                JsonElement elements = rec.get("elements");
                records.add(new OnOfficeRecord(string(rec.get("id")), string(rec.get("type")),
                        elements != null && elements.isJsonObject() ? elements.getAsJsonObject() : new JsonObject()));
            }
        }
        JsonObject status = object(r, "status");
        return new ActionResult(nullToEmpty(string(r.get("identifier"))), string(r.get("actionid")),
                nullToEmpty(string(r.get("resourcetype"))), nullToEmpty(string(r.get("resourceid"))),
                intValue(status.get("errorcode"), 0), nullToEmpty(string(status.get("message"))), records, meta,
                longValue(meta.get("cntabsolute")));
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static JsonArray array(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    static String string(JsonElement e) {
        if (e == null || e.isJsonNull()) return null;
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static int intValue(JsonElement e, int fallback) {
        Long value = longValue(e);
        return value == null ? fallback : value.intValue();
    }

    private static Long longValue(JsonElement e) {
        if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) return null;
        try {
            return new java.math.BigDecimal(e.getAsString().trim()).longValue();
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}
