package org.formhaus.forms;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shared table of rule cases ({@code /logic/rules-table.json}), read for both evaluators: {@link RulesTableTest}
 * (Java) and {@code web.RulesTableInBrowserIT} (form.js in Chromium). States are compared in one canonical JSON shape.
 */
public final class RulesTable {

    /** One case: its parsed definition, the language, what was entered, and the expected state (canonical). */
    public record Case(String name, FormDefinition definition, String language, Map<String, List<String>> input,
                       JsonObject expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private RulesTable() {
    }

    public static List<Case> cases() throws IOException, DefinitionException {
        JsonObject table;
        try (InputStream in = RulesTable.class.getResourceAsStream("/logic/rules-table.json")) {
            table = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
        List<Case> cases = new ArrayList<>();
        for (JsonElement e : table.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            JsonObject definition = c.has("definition") ? c.getAsJsonObject("definition").deepCopy()
                    : table.getAsJsonObject("forms").getAsJsonObject(c.get("form").getAsString()).deepCopy();
            String language = c.has("language") ? c.get("language").getAsString() : "de";
            definition.addProperty("key", "table");
            definition.addProperty("kind", "custom");
            definition.addProperty("language", language);
            if (c.has("rules")) {
                definition.add("rules", c.get("rules"));
            }
            FormDefinition parsed;
            try {
                parsed = new DefinitionParser().parse(definition);
            } catch (DefinitionException ex) {
                throw new IllegalStateException(c.get("name").getAsString() + ": " + ex.problems(), ex);
            }
            Map<String, List<String>> input = new LinkedHashMap<>();
            c.getAsJsonObject("input").entrySet().forEach(entry -> {
                List<String> values = new ArrayList<>();
                entry.getValue().getAsJsonArray().forEach(v -> values.add(v.getAsString()));
                input.put(entry.getKey(), values);
            });
            cases.add(new Case(c.get("name").getAsString(), parsed, language, input,
                    canonical(c.getAsJsonObject("expect"))));
        }
        return cases;
    }

    /** A state as the table writes it: every key present, lists sorted. */
    public static JsonObject canonical(JsonObject state) {
        JsonObject out = new JsonObject();
        for (String list : List.of("hidden", "required", "locked")) {
            out.add(list, sorted(state.has(list) ? state.getAsJsonArray(list) : new JsonArray()));
        }
        JsonObject options = new JsonObject();
        if (state.has("hiddenOptions")) {
            state.getAsJsonObject("hiddenOptions").entrySet().forEach(
                    entry -> options.add(entry.getKey(), sorted(entry.getValue().getAsJsonArray())));
        }
        out.add("hiddenOptions", options);
        for (String map : List.of("values", "labels", "helps")) {
            out.add(map, state.has(map) ? state.getAsJsonObject(map) : new JsonObject());
        }
        return out;
    }

    /** The Java evaluator's state, canonical. */
    public static JsonObject canonical(LogicState state) {
        JsonObject o = new JsonObject();
        o.add("hidden", array(state.hidden()));
        o.add("required", array(state.required()));
        o.add("locked", array(state.locked()));
        JsonObject options = new JsonObject();
        new TreeMap<>(state.hiddenOptions()).forEach((field, values) -> options.add(field, array(values)));
        o.add("hiddenOptions", options);
        o.add("values", map(state.values()));
        o.add("labels", map(state.labels()));
        o.add("helps", map(state.helps()));
        return canonical(o);
    }

    private static JsonArray array(java.util.Collection<String> values) {
        JsonArray a = new JsonArray();
        values.stream().sorted().forEach(a::add);
        return a;
    }

    private static JsonObject map(Map<String, String> values) {
        JsonObject o = new JsonObject();
        new TreeMap<>(values).forEach(o::addProperty);
        return o;
    }

    private static JsonArray sorted(JsonArray a) {
        List<String> values = new ArrayList<>();
        a.forEach(v -> values.add(v.getAsString()));
        return array(values);
    }
}
