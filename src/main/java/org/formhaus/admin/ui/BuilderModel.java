package org.formhaus.admin.ui;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.formhaus.forms.DefinitionSchema;
import org.formhaus.forms.FieldType;
import org.formhaus.http.Json;

/**
 * What the builder page hands builder.js: the draft, the definition schema, and the texts the script shows (every
 * {@code builder.*}, {@code schema.*}, {@code kind.*}, {@code type.*} and {@code problem.*} text of the admin's language). Stateless.
 */
final class BuilderModel {

    private static final String[] SCRIPT_TEXTS = {"builder.", "schema.", "kind.", "type.", "versions.change.",
        "problem."};

    Map<String, Object> of(UiText text, String key, JsonObject definition, int liveVersion, boolean pending) {
        Map<String, Object> model = new HashMap<>();
        model.put("key", key);
        model.put("title", definition.has("title") && definition.get("title").isJsonPrimitive()
                ? definition.get("title").getAsString() : key);
        model.put("json", BuilderServlet.pretty(definition));
        model.put("liveVersion", liveVersion);
        model.put("pending", pending);
        model.put("schemaJson", Json.GSON.toJson(DefinitionSchema.toJson()));
        model.put("textsJson", Json.GSON.toJson(texts(text)));
        model.put("types", java.util.Arrays.stream(FieldType.values()).map(FieldType::jsonName).toList());
        return model;
    }

    static Map<String, String> texts(UiText text) {
        Map<String, String> texts = new TreeMap<>();
        text.messages().forEach((k, v) -> {
            for (String prefix : SCRIPT_TEXTS) {
                if (k.startsWith(prefix)) {
                    texts.put(k, v);
                }
            }
        });
        return texts;
    }
}
