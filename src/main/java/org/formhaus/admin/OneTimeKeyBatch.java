package org.formhaus.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.KnownKeys;
import org.formhaus.protection.OneTimeKeys;
import org.formhaus.protection.Protection;

/**
 * A batch of new one-time keys for a form ({@code POST /admin/api/forms/{key}/one-time-keys} {@code {"count": N}}):
 * the keys are generated here, shown once, and their hashes added to the definition's {@code protection.oneTimeKeys}
 * (at most {@value Protection#MAX_KEYS} in all). Stateless.
 */
final class OneTimeKeyBatch {

    static final String PATH = "one-time-keys";
    static final KnownKeys BODY = KnownKeys.of("count");

    private OneTimeKeyBatch() {
    }

    /** The batch's size from the request body: 1 to {@link OneTimeKeys#MAX_BATCH}. */
    static int count(JsonObject body) {
        JsonElement count = body.get("count");
        if (count == null || !count.isJsonPrimitive() || !count.getAsJsonPrimitive().isNumber()
                || !count.getAsString().matches("\\d{1,4}") || count.getAsInt() < 1
                || count.getAsInt() > OneTimeKeys.MAX_BATCH) {
            throw HttpProblem.badRequest("count: must be a whole number from 1 to " + OneTimeKeys.MAX_BATCH);
        }
        return count.getAsInt();
    }

    /** Adds {@code count} new keys to {@code definition} (the JSON being saved) and returns them in clear. */
    static List<String> addTo(JsonObject definition, int count) {
        if (!definition.has(Protection.SECTION) || !definition.get(Protection.SECTION).isJsonObject()) {
            definition.add(Protection.SECTION, new JsonObject());
        }
        JsonObject section = definition.getAsJsonObject(Protection.SECTION);
        JsonArray listed = section.has("oneTimeKeys") && section.get("oneTimeKeys").isJsonArray()
                ? section.getAsJsonArray("oneTimeKeys") : new JsonArray();
        if (listed.size() + count > Protection.MAX_KEYS) {
            throw HttpProblem.badRequest("count: the form has " + listed.size() + " one-time keys; at most "
                    + Protection.MAX_KEYS + " in all");
        }
        List<String> keys = OneTimeKeys.generate(count);
        keys.forEach(k -> listed.add(OneTimeKeys.hash(k)));
        section.add("oneTimeKeys", listed);
        return keys;
    }
}
