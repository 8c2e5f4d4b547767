package org.formhaus.forms;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a form definition's JSON into a {@link FormDefinition}, refusing anything that could not work: unknown kind or
 * type, duplicate names, bad mapping syntax, rules that cannot hold, conditions on unknown fields or in a cycle,
 * unsafe theme values. Every problem is collected and named by its path ({@code fields[3].options[0]},
 * {@code theme.accent}); the form-level keys are read here, each field by {@link FieldReader}, the checks across
 * fields by {@link FieldRelations}. A key nobody reads is refused where it stands
 * ({@code fields[0].password: unknown key 'password'}): {@link #parse} is for a definition being saved; the keys of
 * the {@code onoffice} and {@code emails} sections, whose values other packages judge, are listed in
 * {@link SectionKeys}. {@link #parseStored} loads what was saved before a key was refused, ignoring such keys.
 * Stateless and thread-safe.
 */
public final class DefinitionParser {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
    static final Set<String> LANGUAGES = Set.of("de", "en");
    static final Set<String> CONTEXTS = Set.of("page", "utm", "referrer");
    public static final int MAX_FIELDS = 200;
    /** The longest thank-you message ({@code thankYouMessage}). */
    static final int MAX_MESSAGE = 2000;
    /** Largest upload a definition may allow; the server's {@code upload.max.file.bytes} may cap it lower. */
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    private final FieldReader fieldReader = new FieldReader();

    /** A definition being saved: every problem, unknown keys included, is refused. */
    public FormDefinition parse(JsonObject json) throws DefinitionException {
        return parse(json, true);
    }

    /**
     * A definition loaded from the database: as {@link #parse}, but keys Formhaus does not know are ignored, so that a
     * form saved before they were refused keeps working (its next save refuses them).
     */
    public FormDefinition parseStored(JsonObject json) throws DefinitionException {
        return parse(json, false);
    }

    /**
     * Every key the parser asks for while reading {@code json} as a definition being saved, by path with list indexes
     * left out ({@code fields[].label}): the form builder's schema fence test compares them with
     * {@link DefinitionSchema}.
     */
    Set<String> keysAsked(JsonObject json) {
        Set<String> asked = new java.util.TreeSet<>();
        try {
            parse(json, true, asked);
        } catch (DefinitionException expected) {
            // the keys asked are the point, not the verdict
        }
        return asked;
    }

    private FormDefinition parse(JsonObject json, boolean strict) throws DefinitionException {
        return parse(json, strict, null);
    }

    private FormDefinition parse(JsonObject json, boolean strict, Set<String> asked) throws DefinitionException {
        List<DefinitionException.Problem> problems = new ArrayList<>();
        ObjectReader d = new ObjectReader(json, "", problems, strict, asked);
        String key = d.string("key");
        if (key == null || !KEY.matcher(key).matches()) {
            d.problem("key", "must be 1-100 characters of a-z, 0-9, '-' or '_'");
        }
        String kindName = d.string("kind");
        FormKind kind = FormKind.fromJson(kindName == null ? "" : kindName).orElse(null);
        if (kind == null) {
            d.problem("kind", "unknown kind '" + kindName
                    + "'; one of contact, inquiry, owner, valuation, searchprofile, appointment, newsletter, custom");
        }
        String language = d.string("language");
        if (language == null) {
            language = "de";
        } else if (!LANGUAGES.contains(language)) {
            d.problem("language", "must be 'de' or 'en'");
        }
        String title = d.string("title");
        List<Field> fields = fields(d);
        FormLogic logic = logic(d, fields);
        Translations translations = translations(d, language, fields, json);
        Map<String, String> theme = ThemeRules.read(d);
        List<String> context = context(d);
        ContextMapReader.read(d, context); // the page's values written to onOffice (mapping.ContextValues)
        String thankYouUrl = d.string("thankYouUrl");
        String thankYouMessage = d.string("thankYouMessage");
        if (thankYouMessage != null && (thankYouMessage.isBlank() || thankYouMessage.length() > MAX_MESSAGE)) {
            d.problem("thankYouMessage", "must be 1-" + MAX_MESSAGE + " characters");
        }
        if (d.problemCount() == 0) {
            MacroNames.check(json, fields, d);
        }
        SectionKeys.read(d);
        PrivacyRules.read(d, kind); // workspace (#13): privacy mode and the form's own retention
        // #12: a form that edits an existing record through an edit link; fields judged only when they parsed cleanly
        EditSettings.read(d, d.problemCount() == 0 ? fields : null);
        d.refuseUnread();
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        return new FormDefinition(key, kind, language, title == null ? key : title, fields, thankYouUrl,
                json.deepCopy(), theme, context, logic, translations);
    }

    /** The texts in further languages, read only when the fields parsed cleanly (they name fields). */
    private static Translations translations(ObjectReader d, String language, List<Field> fields, JsonObject json) {
        if (d.problemCount() > 0) {
            d.has("translations");
            return Translations.NONE;
        }
        return TranslationReader.read(d, language, fields, json);
    }

    /** The rules, read only when the fields parsed cleanly (they name fields); an unread {@code rules} is refused. */
    private static FormLogic logic(ObjectReader d, List<Field> fields) {
        if (d.problemCount() > 0) {
            d.has("rules");
            return FormLogic.NONE;
        }
        return FormLogic.of(new RuleReader(fields).read(d), fields);
    }

    private List<Field> fields(ObjectReader d) {
        List<Field> fields = new ArrayList<>();
        JsonElement raw = d.raw("fields");
        if (raw == null || !raw.isJsonArray() || raw.getAsJsonArray().isEmpty()) {
            d.problem("fields", "must be a non-empty array");
            return fields;
        }
        JsonArray array = raw.getAsJsonArray();
        if (array.size() > MAX_FIELDS) {
            d.problem("fields", "at most " + MAX_FIELDS + " fields");
            return fields;
        }
        Set<String> names = new HashSet<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String place = "fields[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                d.problem(place, "must be an object");
                continue;
            }
            ObjectReader f = d.child(array.get(i).getAsJsonObject(), place);
            String name = f.string("name");
            if (name != null && !names.add(name)) {
                f.problem("name", "duplicate field name '" + name + "'");
            }
            Field field = fieldReader.read(f);
            if (field != null) {
                fields.add(field);
                index.put(field.name(), i);
            }
        }
        if (d.problemCount() == 0) { // relations are judged only between fields that parsed cleanly
            new FieldRelations(fields, index, d).check();
        }
        return fields;
    }

    private static List<String> context(ObjectReader d) {
        JsonElement raw = d.raw("context");
        if (raw == null || raw.isJsonNull()) {
            return FormDefinition.DEFAULT_CONTEXT;
        }
        List<String> context = new ArrayList<>();
        if (!raw.isJsonArray()) {
            d.problem("context", "must be an array of page, utm, referrer");
            return context;
        }
        for (JsonElement e : raw.getAsJsonArray()) {
            String s = e.isJsonPrimitive() ? e.getAsString() : "";
            if (!CONTEXTS.contains(s)) {
                d.problem("context", "'" + s + "' is not one of page, utm, referrer");
            } else {
                context.add(s);
            }
        }
        return context;
    }
}
