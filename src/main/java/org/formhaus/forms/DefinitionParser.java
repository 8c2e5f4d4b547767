package org.formhaus.forms;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a form definition's JSON into a {@link FormDefinition}, refusing anything that could not work: unknown kind or
 * type, duplicate names, bad mapping syntax, rules that cannot hold, conditions on unknown fields or in a cycle,
 * unsafe theme values. Every problem is collected and named by place. Stateless and thread-safe.
 */
public final class DefinitionParser {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
    static final Pattern MAPS = Pattern.compile("(address|estate|searchcriteria|agentslog|task|calendar)\\.[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern ACCEPT = Pattern.compile("\\.?[a-z0-9]{1,10}|[a-z]+/([a-z0-9.+-]+|\\*)");
    static final Set<String> LANGUAGES = Set.of("de", "en");
    static final Set<String> CONTEXTS = Set.of("page", "utm", "referrer");
    public static final int MAX_FIELDS = 200;
    /** Largest upload a definition may allow; the server's {@code upload.max.file.bytes} may cap it lower. */
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    public FormDefinition parse(JsonObject json) throws DefinitionException {
        List<DefinitionException.Problem> problems = new ArrayList<>();
        String key = string(json, "key");
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add(new DefinitionException.Problem("key", "must be 1-100 characters of a-z, 0-9, '-' or '_'"));
        }
        String kindName = string(json, "kind");
        FormKind kind = FormKind.fromJson(kindName == null ? "" : kindName).orElse(null);
        if (kind == null) {
            problems.add(new DefinitionException.Problem("kind", "unknown kind '" + kindName
                    + "'; one of contact, inquiry, owner, valuation, searchprofile, appointment, newsletter, custom"));
        }
        String language = string(json, "language");
        if (language == null) {
            language = "de";
        } else if (!LANGUAGES.contains(language)) {
            problems.add(new DefinitionException.Problem("language", "must be 'de' or 'en'"));
        }
        String title = string(json, "title");
        List<Field> fields = fields(json.get("fields"), problems);
        Map<String, String> theme = ThemeRules.parse(json.get("theme"), problems);
        List<String> context = context(json, problems);
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        return new FormDefinition(key, kind, language, title == null ? key : title, fields,
                string(json, "thankYouUrl"), json.deepCopy(), theme, context);
    }

    private List<Field> fields(JsonElement fieldsJson, List<DefinitionException.Problem> problems) {
        List<Field> fields = new ArrayList<>();
        if (fieldsJson == null || !fieldsJson.isJsonArray() || fieldsJson.getAsJsonArray().isEmpty()) {
            problems.add(new DefinitionException.Problem("fields", "must be a non-empty array"));
            return fields;
        }
        JsonArray array = fieldsJson.getAsJsonArray();
        if (array.size() > MAX_FIELDS) {
            problems.add(new DefinitionException.Problem("fields", "at most " + MAX_FIELDS + " fields"));
            return fields;
        }
        Set<String> names = new HashSet<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String place = "fields[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                problems.add(new DefinitionException.Problem(place, "must be an object"));
                continue;
            }
            JsonObject fieldJson = array.get(i).getAsJsonObject();
            String name = string(fieldJson, "name");
            if (name != null && !names.add(name)) {
                problems.add(new DefinitionException.Problem(place + ".name", "duplicate field name '" + name + "'"));
            }
            Field field = parseField(fieldJson, place, problems);
            if (field != null) {
                fields.add(field);
                index.put(field.name(), i);
            }
        }
        if (problems.isEmpty()) {
            new FieldRelations(fields, index, problems).check();
        }
        return fields;
    }

    private Field parseField(JsonObject f, String place, List<DefinitionException.Problem> problems) {
        int before = problems.size();
        String name = string(f, "name");
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(new DefinitionException.Problem(place + ".name",
                    "must start with a letter or '_' and hold only letters, digits and '_'"));
        }
        String typeName = string(f, "type");
        FieldType type = FieldType.fromJson(typeName == null ? "" : typeName).orElse(null);
        if (type == null) {
            problems.add(new DefinitionException.Problem(place + ".type", "unknown field type '" + typeName
                    + "'; one of " + String.join(", ", java.util.Arrays.stream(FieldType.values())
                    .map(FieldType::jsonName).toList())));
            return null;
        }
        String maps = string(f, "maps");
        if (maps != null && !MAPS.matcher(maps).matches()) {
            problems.add(new DefinitionException.Problem(place + ".maps",
                    "must be <module>.<field> with module one of address, estate, searchcriteria, agentslog, task, calendar"));
        }
        if (maps != null && type == FieldType.FILE && !maps.startsWith("address.") && !maps.startsWith("estate.")) {
            problems.add(new DefinitionException.Problem(place + ".maps",
                    "a file is attached to the address or the estate: address.file or estate.file"));
        }
        if (maps != null && !type.carriesValue()) {
            problems.add(new DefinitionException.Problem(place + ".maps", "a " + type.jsonName() + " carries no value to map"));
        }
        boolean required = bool(f, "required", place, problems);
        if (required && !type.carriesValue()) {
            problems.add(new DefinitionException.Problem(place + ".required", "a " + type.jsonName()
                    + " carries no value and cannot be required"));
        }
        String optionsFrom = string(f, "optionsFrom");
        List<FieldOption> options = parseOptions(f, place, problems);
        checkOptions(type, options, optionsFrom, maps, place, problems);
        Integer minLength = integer(f, "minLength", place, problems);
        Integer maxLength = integer(f, "maxLength", place, problems);
        if (minLength != null && maxLength != null && minLength > maxLength) {
            problems.add(new DefinitionException.Problem(place + ".minLength", "is greater than maxLength"));
        }
        int limit = type == FieldType.TEXTAREA ? FormValidator.MAX_TEXT : FormValidator.MAX_LINE;
        if (maxLength != null && maxLength > limit) {
            problems.add(new DefinitionException.Problem(place + ".maxLength", "exceeds the limit " + limit
                    + " of a " + type.jsonName() + " field"));
        }
        if (minLength != null && minLength > limit) {
            problems.add(new DefinitionException.Problem(place + ".minLength", "exceeds the limit " + limit
                    + " of a " + type.jsonName() + " field"));
        }
        BigDecimal min = decimal(f, "min", place, problems);
        BigDecimal max = decimal(f, "max", place, problems);
        BigDecimal step = decimal(f, "step", place, problems);
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.add(new DefinitionException.Problem(place + ".min", "is greater than max"));
        }
        if (step != null && step.signum() <= 0) {
            problems.add(new DefinitionException.Problem(place + ".step", "must be greater than 0"));
        }
        String pattern = string(f, "pattern");
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                problems.add(new DefinitionException.Problem(place + ".pattern", "is not a valid regular expression"));
            }
        }
        String minDate = date(f, "minDate", place, problems);
        String maxDate = date(f, "maxDate", place, problems);
        if (minDate != null && maxDate != null && !minDate.equals("today") && !maxDate.equals("today")
                && minDate.compareTo(maxDate) > 0) {
            problems.add(new DefinitionException.Problem(place + ".minDate", "is after maxDate"));
        }
        Long maxBytes = null;
        if (f.has("maxBytes")) {
            BigDecimal raw = decimal(f, "maxBytes", place, problems);
            if (raw != null && (raw.signum() <= 0 || raw.compareTo(BigDecimal.valueOf(MAX_FILE_BYTES)) > 0
                    || raw.stripTrailingZeros().scale() > 0)) {
                problems.add(new DefinitionException.Problem(place + ".maxBytes", "must be a whole number from 1 to "
                        + MAX_FILE_BYTES));
            } else if (raw != null) {
                maxBytes = raw.longValue();
            }
        }
        List<String> accept = accept(f, place, problems);
        Condition showIf = condition(f, place, problems);
        boolean prefill = bool(f, "prefill", place, problems);
        String defaultValue = string(f, "default");
        if (type == FieldType.HIDDEN && required && !prefill && defaultValue == null) {
            problems.add(new DefinitionException.Problem(place + ".required",
                    "a required hidden field needs a default or prefill, the visitor cannot fill it"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Field(name, type, string(f, "label") == null ? name : string(f, "label"), required, maps, options,
                string(f, "placeholder"), string(f, "help"), minLength, maxLength, pattern, min, max, step, prefill,
                defaultValue, optionsFrom, showIf, minDate, maxDate, maxBytes, accept, string(f, "unit"),
                string(f, "version"));
    }

    private static void checkOptions(FieldType type, List<FieldOption> options, String optionsFrom, String maps,
                                     String place, List<DefinitionException.Problem> problems) {
        if (optionsFrom != null) {
            if (!Field.OPTIONS_FROM_ONOFFICE.equals(optionsFrom)) {
                problems.add(new DefinitionException.Problem(place + ".optionsFrom", "must be 'onoffice'"));
            } else if (!type.hasOptions()) {
                problems.add(new DefinitionException.Problem(place + ".optionsFrom",
                        "only select, radio and checkboxes fields take options"));
            } else if (maps == null) {
                problems.add(new DefinitionException.Problem(place + ".optionsFrom",
                        "needs 'maps': the onOffice field whose permitted values are the options"));
            }
            if (!options.isEmpty()) {
                problems.add(new DefinitionException.Problem(place + ".options", "give either options or optionsFrom"));
            }
        } else if (type.hasOptions() && options.isEmpty()) {
            problems.add(new DefinitionException.Problem(place + ".options", "a " + type.jsonName()
                    + " field needs options (or \"optionsFrom\": \"onoffice\")"));
        }
        Set<String> seen = new HashSet<>();
        for (FieldOption o : options) {
            if (!seen.add(o.value())) {
                problems.add(new DefinitionException.Problem(place + ".options", "duplicate option value '"
                        + o.value() + "'"));
            }
        }
    }

    private static Condition condition(JsonObject f, String place, List<DefinitionException.Problem> problems) {
        JsonElement raw = f.get("showIf");
        if (raw == null || raw.isJsonNull()) {
            return null;
        }
        String at = place + ".showIf";
        if (!raw.isJsonObject() || string(raw.getAsJsonObject(), "field") == null) {
            problems.add(new DefinitionException.Problem(at, "must be {\"field\": NAME, \"equals\": VALUE}, "
                    + "{\"field\": NAME, \"in\": [VALUES]} or {\"field\": NAME, \"filled\": true}"));
            return null;
        }
        JsonObject c = raw.getAsJsonObject();
        List<String> values = new ArrayList<>();
        if (c.has("equals")) {
            String v = string(c, "equals");
            if (v == null || v.isEmpty()) {
                problems.add(new DefinitionException.Problem(at + ".equals", "must be a non-empty value"));
            } else {
                values.add(v);
            }
        } else if (c.has("in")) {
            if (!c.get("in").isJsonArray() || c.getAsJsonArray("in").isEmpty()) {
                problems.add(new DefinitionException.Problem(at + ".in", "must be a non-empty array of values"));
            } else {
                c.getAsJsonArray("in").forEach(v -> values.add(v.isJsonPrimitive() ? v.getAsString() : ""));
            }
        } else if (!(c.has("filled") && c.get("filled").isJsonPrimitive() && c.get("filled").getAsBoolean())) {
            problems.add(new DefinitionException.Problem(at, "needs 'equals', 'in' or \"filled\": true"));
        }
        return new Condition(string(c, "field"), values);
    }

    private static List<String> accept(JsonObject f, String place, List<DefinitionException.Problem> problems) {
        List<String> accept = new ArrayList<>();
        JsonElement raw = f.get("accept");
        if (raw == null || raw.isJsonNull()) {
            return accept;
        }
        if (!raw.isJsonArray()) {
            problems.add(new DefinitionException.Problem(place + ".accept", "must be an array like [\"pdf\", \"image/*\"]"));
            return accept;
        }
        for (JsonElement e : raw.getAsJsonArray()) {
            String s = e.isJsonPrimitive() ? e.getAsString().toLowerCase(Locale.ROOT).strip() : "";
            if (!ACCEPT.matcher(s).matches()) {
                problems.add(new DefinitionException.Problem(place + ".accept", "'" + s
                        + "' is neither a file extension (pdf, .jpg) nor a media type (image/*, application/pdf)"));
            } else {
                accept.add(s.startsWith(".") ? s.substring(1) : s);
            }
        }
        return accept;
    }

    private static List<String> context(JsonObject json, List<DefinitionException.Problem> problems) {
        JsonElement raw = json.get("context");
        if (raw == null || raw.isJsonNull()) {
            return FormDefinition.DEFAULT_CONTEXT;
        }
        List<String> context = new ArrayList<>();
        if (!raw.isJsonArray()) {
            problems.add(new DefinitionException.Problem("context", "must be an array of page, utm, referrer"));
            return context;
        }
        for (JsonElement e : raw.getAsJsonArray()) {
            String s = e.isJsonPrimitive() ? e.getAsString() : "";
            if (!CONTEXTS.contains(s)) {
                problems.add(new DefinitionException.Problem("context", "'" + s + "' is not one of page, utm, referrer"));
            } else {
                context.add(s);
            }
        }
        return context;
    }

    private static List<FieldOption> parseOptions(JsonObject f, String place, List<DefinitionException.Problem> problems) {
        List<FieldOption> options = new ArrayList<>();
        JsonElement raw = f.get("options");
        if (raw == null) {
            return options;
        }
        if (!raw.isJsonArray()) {
            problems.add(new DefinitionException.Problem(place + ".options", "must be an array"));
            return options;
        }
        JsonArray array = raw.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            JsonElement o = array.get(i);
            if (o.isJsonPrimitive() && !o.getAsString().isEmpty()) {
                options.add(new FieldOption(o.getAsString(), o.getAsString()));
            } else if (o.isJsonObject() && string(o.getAsJsonObject(), "value") != null
                    && !string(o.getAsJsonObject(), "value").isEmpty()) {
                String value = string(o.getAsJsonObject(), "value");
                String label = string(o.getAsJsonObject(), "label");
                options.add(new FieldOption(value, label == null ? value : label));
            } else {
                problems.add(new DefinitionException.Problem(place + ".options[" + i + "]",
                        "must be a non-empty string or {\"value\", \"label\"}"));
            }
        }
        return options;
    }

    static String string(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    private static boolean bool(JsonObject o, String member, String place, List<DefinitionException.Problem> problems) {
        JsonElement e = o.get(member);
        if (e == null || e.isJsonNull()) {
            return false;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            problems.add(new DefinitionException.Problem(place + "." + member, "must be true or false"));
            return false;
        }
        return e.getAsBoolean();
    }

    private static String date(JsonObject o, String member, String place, List<DefinitionException.Problem> problems) {
        String s = string(o, member);
        if (s == null || s.equals("today")) {
            return s;
        }
        try {
            return LocalDate.parse(s).toString();
        } catch (DateTimeParseException e) {
            problems.add(new DefinitionException.Problem(place + "." + member, "must be a date YYYY-MM-DD or 'today'"));
            return null;
        }
    }

    private static Integer integer(JsonObject o, String member, String place, List<DefinitionException.Problem> problems) {
        BigDecimal value = decimal(o, member, place, problems);
        if (value == null) {
            return null;
        }
        try {
            int i = value.intValueExact();
            if (i < 0) {
                problems.add(new DefinitionException.Problem(place + "." + member, "must not be negative"));
            }
            return i;
        } catch (ArithmeticException e) {
            problems.add(new DefinitionException.Problem(place + "." + member, "must be a whole number"));
            return null;
        }
    }

    private static BigDecimal decimal(JsonObject o, String member, String place, List<DefinitionException.Problem> problems) {
        JsonElement e = o.get(member);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        try {
            return e.getAsBigDecimal();
        } catch (RuntimeException ex) {
            problems.add(new DefinitionException.Problem(place + "." + member, "must be a number"));
            return null;
        }
    }
}
