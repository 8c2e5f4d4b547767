package org.formhaus.forms;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a form definition's JSON into a {@link FormDefinition}, refusing anything that could not work: unknown kind or
 * type, duplicate names, bad mapping syntax, rules that cannot hold. Every problem is collected and named by place.
 * Stateless and thread-safe.
 */
public final class DefinitionParser {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
    static final Pattern MAPS = Pattern.compile("(address|estate|searchcriteria|agentslog|task|calendar)\\.[A-Za-z_][A-Za-z0-9_]*");
    static final Set<String> LANGUAGES = Set.of("de", "en");

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
        List<Field> fields = new ArrayList<>();
        JsonElement fieldsJson = json.get("fields");
        if (fieldsJson == null || !fieldsJson.isJsonArray() || fieldsJson.getAsJsonArray().isEmpty()) {
            problems.add(new DefinitionException.Problem("fields", "must be a non-empty array"));
        } else {
            Set<String> names = new HashSet<>();
            JsonArray array = fieldsJson.getAsJsonArray();
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
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        return new FormDefinition(key, kind, language, title == null ? key : title, fields,
                string(json, "thankYouUrl"), json.deepCopy());
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
            problems.add(new DefinitionException.Problem(place + ".type", "unknown field type '" + typeName + "'"));
        }
        String maps = string(f, "maps");
        if (maps != null && !MAPS.matcher(maps).matches()) {
            problems.add(new DefinitionException.Problem(place + ".maps",
                    "must be <module>.<field> with module one of address, estate, searchcriteria, agentslog, task, calendar"));
        }
        List<FieldOption> options = parseOptions(f, place, problems);
        if (type != null && type.hasOptions() && options.isEmpty() && !f.has("optionsFrom")) {
            problems.add(new DefinitionException.Problem(place + ".options", "a " + type.jsonName()
                    + " field needs options"));
        }
        Integer minLength = integer(f, "minLength", place, problems);
        Integer maxLength = integer(f, "maxLength", place, problems);
        if (minLength != null && maxLength != null && minLength > maxLength) {
            problems.add(new DefinitionException.Problem(place + ".minLength", "is greater than maxLength"));
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
        if (problems.size() > before) {
            return null;
        }
        boolean required = f.has("required") && f.get("required").getAsBoolean();
        boolean prefill = f.has("prefill") && f.get("prefill").getAsBoolean();
        return new Field(name, type, string(f, "label") == null ? name : string(f, "label"), required, maps, options,
                string(f, "placeholder"), string(f, "help"), minLength, maxLength, pattern, min, max, step, prefill,
                string(f, "default"));
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
            if (o.isJsonPrimitive()) {
                options.add(new FieldOption(o.getAsString(), o.getAsString()));
            } else if (o.isJsonObject() && string(o.getAsJsonObject(), "value") != null) {
                String value = string(o.getAsJsonObject(), "value");
                String label = string(o.getAsJsonObject(), "label");
                options.add(new FieldOption(value, label == null ? value : label));
            } else {
                problems.add(new DefinitionException.Problem(place + ".options[" + i + "]",
                        "must be a string or {\"value\", \"label\"}"));
            }
        }
        return options;
    }

    static String string(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
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
