package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The form builder's fence (issue 10): "anything a definition can hold but the builder cannot edit is a defect". The
 * builder draws its panels from {@link DefinitionSchema}; these tests fail when the parser reads a key the schema does
 * not describe (add a {@code DefinitionSchema} entry and its {@code schema.<path>} texts in admin_de/admin_en), when
 * the schema describes a key nobody reads, and when a setting lacks its German or English label.
 */
class DefinitionSchemaFenceTest {

    /** Every field type, every option shape, a condition, and the sections; grown below until no new key is asked. */
    private static final String SAMPLE = """
            {"key": "k", "kind": "contact", "title": "T", "language": "de", "thankYouUrl": "https://example.com",
             "context": ["page"], "theme": {"accent": "#123456"},
             "emails": {"confirmation": {"attach": {}}, "notice": {"attach": {}}, "more": [{"attach": {}}]},
             "onoffice": {"writeValues": [{}], "liveRules": [{}], "routing": {"postcodes": [{}]}}, "protection": {},
             "contextMaps": [{"values": [{}]}],
             "fields": [%s]}""";

    @Test
    void theSchemaDescribesEveryKeyTheParserReads() {
        Set<String> asked = keysAsked();
        Set<String> described = DefinitionSchema.settings().stream().map(DefinitionSchema.Setting::path)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(asked);
        missing.removeAll(described);
        assertEquals(Set.of(), missing, "keys the parser reads but the builder's schema (forms.DefinitionSchema) "
                + "does not describe, so the builder cannot edit them");
    }

    @Test
    void theSchemaDescribesNoKeyThatNobodyReads() {
        Set<String> asked = keysAsked();
        Set<String> stale = DefinitionSchema.settings().stream().map(DefinitionSchema.Setting::path)
                .filter(p -> !asked.contains(p) && !p.startsWith("theme."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), stale);
        Set<String> theme = DefinitionSchema.settings().stream().map(DefinitionSchema.Setting::path)
                .filter(p -> p.startsWith("theme.")).map(p -> p.substring(6)).collect(Collectors.toSet());
        assertEquals(ThemeRules.KEYS.keySet(), theme, "theme keys");
    }

    @Test
    void everySettingHasAGermanAndAnEnglishLabel() throws Exception {
        for (String language : new String[] {"de", "en"}) {
            Properties texts = new Properties();
            try (var in = getClass().getResourceAsStream("/i18n/admin_" + language + ".properties")) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (DefinitionSchema.Setting s : DefinitionSchema.settings()) {
                String label = texts.getProperty("schema." + s.path());
                assertTrue(label != null && !label.isBlank(), "admin_" + language + ".properties lacks schema."
                        + s.path());
            }
        }
    }

    @Test
    void everyFieldSettingNamesTypesThatExist() {
        for (DefinitionSchema.Setting s : DefinitionSchema.settings()) {
            assertTrue(s.fieldSetting() || s.forTypes().isEmpty(), s.path());
        }
        assertTrue(DefinitionSchema.find("fields[].type").orElseThrow().choices()
                .containsAll(Arrays.stream(FieldType.values()).map(FieldType::jsonName).toList()));
    }

    /** The keys the parser asks for in {@link #SAMPLE}, which gains an empty object at every asked section path. */
    private static Set<String> keysAsked() {
        StringBuilder fields = new StringBuilder();
        for (FieldType type : FieldType.values()) {
            if (fields.length() > 0) {
                fields.append(',');
            }
            fields.append("{\"name\": \"f_").append(type.jsonName()).append("\", \"type\": \"").append(type.jsonName())
                    .append("\", \"options\": [\"a\", {\"value\": \"b\", \"label\": \"B\"}], "
                            + "\"showIf\": {\"field\": \"f_text\", \"equals\": \"x\"}}");
        }
        JsonObject sample = JsonParser.parseString(SAMPLE.formatted(fields)).getAsJsonObject();
        DefinitionParser parser = new DefinitionParser();
        Set<String> asked = parser.keysAsked(sample);
        for (int round = 0; round < 6; round++) {
            boolean grown = false;
            for (String path : asked) {
                grown |= addSection(sample, path);
            }
            if (!grown) {
                break;
            }
            asked = parser.keysAsked(sample);
        }
        return asked;
    }

    /**
     * Puts {} at {@code path} (no list in it) when its parent is an object and nothing is there yet, so that the
     * reader of a section (a new one too) asks for its keys; a scalar setting given as {} only adds a problem.
     */
    private static boolean addSection(JsonObject root, String path) {
        if (path.contains("[")) {
            return false;
        }
        String[] parts = path.split("\\.");
        JsonObject at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonElement next = at.get(parts[i]);
            if (next == null || !next.isJsonObject()) {
                return false;
            }
            at = next.getAsJsonObject();
        }
        if (at.has(parts[parts.length - 1])) {
            return false;
        }
        at.add(parts[parts.length - 1], new JsonObject());
        return true;
    }
}
