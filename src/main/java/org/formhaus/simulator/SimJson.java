package org.formhaus.simulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Lenient reads of onOffice parameters (a missing or null key is absent, scalars as strings). Stateless. */
final class SimJson {

    private SimJson() {
    }

    /** The value as a string (an object or array as its JSON), or null when absent or JSON null. */
    static String str(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        if (e == null || e.isJsonNull()) return null;
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    static String strOr(JsonObject o, String key) {
        String v = str(o, key);
        return v == null ? "" : v;
    }

    /** The object under {@code key}, or an empty one when absent or not an object. */
    static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    /** An array's scalar entries, or a single non-empty scalar as a list of one. */
    static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) return out;
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> {
                if (x.isJsonPrimitive()) out.add(x.getAsString());
            });
        } else if (e.isJsonPrimitive() && !e.getAsString().isEmpty()) {
            out.add(e.getAsString());
        }
        return out;
    }

    /** onOffice's booleans: true or 1. */
    static boolean bool(JsonElement e) {
        if (e == null || !e.isJsonPrimitive()) return false;
        String v = e.getAsString();
        return v.equalsIgnoreCase("true") || v.equals("1");
    }
}
