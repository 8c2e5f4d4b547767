package org.formhaus.forms;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one field of a definition into a {@link Field}, one attribute group at a time, each with the rules of the
 * field's type: only value-carrying types map or are required, a file maps to the address or the estate, choice types
 * need options, text lengths stay within the type's limit, number and date bounds are ordered, upload limits hold,
 * and a required hidden field must be fillable. Every problem is reported at its path; a field with any problem
 * yields null. Stateless and thread-safe.
 */
final class FieldReader {

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
    static final Pattern MAPS = Pattern.compile("(address|estate|searchcriteria|agentslog|task|calendar)\\.[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern ACCEPT = Pattern.compile("\\.?[a-z0-9]{1,10}|[a-z]+/([a-z0-9.+-]+|\\*)");

    /** The field at {@code f}'s path, or null when it has a problem (each reported). */
    Field read(ObjectReader f) {
        int before = f.problemCount();
        String name = f.string("name");
        if (name == null || !NAME.matcher(name).matches()) {
            f.problem("name", "must start with a letter or '_' and hold only letters, digits and '_'");
        }
        FieldType type = type(f);
        if (type == null) {
            return null;
        }
        Field.Builder field = Field.builder(name, type);
        mapping(f, type, field);
        boolean required = required(f, type, field);
        options(f, type, field);
        lengths(f, type, field);
        numbers(f, field);
        pattern(f, field);
        dates(f, field);
        upload(f, field);
        field.showIf(condition(f));
        fill(f, type, required, field);
        field.width(width(f, type));
        String label = f.string("label");
        field.label(label == null ? name : label).placeholder(f.string("placeholder")).help(f.string("help"))
                .unit(f.string("unit")).consentVersion(f.string("version"));
        refuseOtherTypesSettings(f, type);
        f.refuseUnread();
        return f.problemCount() > before ? null : field.build();
    }

    /**
     * A setting the schema gives only other field types ({@code maxBytes} on a text field, {@code help} on a heading)
     * is refused while saving: nothing would act on it. One rule for all, from {@link DefinitionSchema}'s types.
     */
    private static void refuseOtherTypesSettings(ObjectReader f, FieldType type) {
        if (!f.strict()) {
            return;
        }
        for (String key : f.keys()) {
            DefinitionSchema.find("fields[]." + key)
                    .filter(s -> !s.forTypes().isEmpty() && !s.forTypes().contains(type) && !f.hasProblem(key))
                    .ifPresent(s -> f.problem(key, "a " + type.jsonName() + " field does not take '" + key + "'"));
        }
    }

    private static FieldType type(ObjectReader f) {
        String typeName = f.string("type");
        FieldType type = FieldType.fromJson(typeName == null ? "" : typeName).orElse(null);
        if (type == null) {
            f.problem("type", "unknown field type '" + typeName + "'; one of " + String.join(", ",
                    Arrays.stream(FieldType.values()).map(FieldType::jsonName).toList()));
        }
        return type;
    }

    private static void mapping(ObjectReader f, FieldType type, Field.Builder field) {
        String maps = f.string("maps");
        if (maps != null && !MAPS.matcher(maps).matches()) {
            f.problem("maps", "must be <module>.<field> with module one of address, estate, searchcriteria, agentslog, task, calendar");
        }
        if (maps != null && type == FieldType.FILE && !maps.startsWith("address.") && !maps.startsWith("estate.")) {
            f.problem("maps", "a file is attached to the address or the estate: address.file or estate.file");
        }
        if (maps != null && !type.carriesValue()) {
            f.problem("maps", "a " + type.jsonName() + " carries no value to map");
        }
        field.maps(maps);
    }

    private static boolean required(ObjectReader f, FieldType type, Field.Builder field) {
        boolean required = f.bool("required");
        if (required && !type.carriesValue()) {
            f.problem("required", "a " + type.jsonName() + " carries no value and cannot be required");
        }
        field.required(required);
        return required;
    }

    private static void options(ObjectReader f, FieldType type, Field.Builder field) {
        String optionsFrom = f.string("optionsFrom");
        List<FieldOption> options = optionList(f);
        String maps = f.string("maps");
        if (optionsFrom != null) {
            if (!Field.OPTIONS_FROM_ONOFFICE.equals(optionsFrom)) {
                f.problem("optionsFrom", "must be 'onoffice'");
            } else if (!type.hasOptions()) {
                f.problem("optionsFrom", "only select, radio and checkboxes fields take options");
            } else if (maps == null) {
                f.problem("optionsFrom", "needs 'maps': the onOffice field whose permitted values are the options");
            }
            if (!options.isEmpty()) {
                f.problem("options", "give either options or optionsFrom");
            }
        } else if (type.hasOptions() && options.isEmpty()) {
            f.problem("options", "a " + type.jsonName() + " field needs options (or \"optionsFrom\": \"onoffice\")");
        }
        Set<String> seen = new HashSet<>();
        for (FieldOption o : options) {
            if (!seen.add(o.value())) {
                f.problem("options", "duplicate option value '" + o.value() + "'");
            }
        }
        field.optionsFrom(optionsFrom).options(options).hiddenOptions(hiddenOptions(f, type, options));
    }

    /**
     * Option values the visitor is never offered. With static options each must be one of them, and one option at
     * least must stay; onOffice's permitted values are checked against the catalogue when the form is saved.
     */
    private static List<String> hiddenOptions(ObjectReader f, FieldType type, List<FieldOption> options) {
        JsonElement raw = f.raw("hiddenOptions");
        if (raw == null || raw.isJsonNull()) {
            return List.of();
        }
        List<String> hidden = new ArrayList<>();
        if (!type.hasOptions() || !raw.isJsonArray()) {
            f.problem("hiddenOptions", type.hasOptions() ? "must be an array of option values"
                    : "only select, radio and checkboxes fields have options to hide");
            return hidden;
        }
        for (JsonElement e : raw.getAsJsonArray()) {
            String value = e.isJsonPrimitive() ? e.getAsString() : "";
            boolean known = options.isEmpty() || options.stream().anyMatch(o -> o.value().equals(value));
            if (value.isEmpty() || !known) {
                f.problem("hiddenOptions", "'" + value + "' is not an option of '" + f.string("name") + "'");
            } else if (!hidden.contains(value)) {
                hidden.add(value);
            }
        }
        if (!options.isEmpty() && hidden.size() >= options.size()) {
            f.problem("hiddenOptions", "hides every option; at least one must stay");
        }
        return hidden;
    }

    private static Field.Width width(ObjectReader f, FieldType type) {
        String width = f.string("width");
        if (width == null) {
            return Field.Width.FULL;
        }
        for (Field.Width w : Field.Width.values()) {
            if (w.jsonName().equals(width)) {
                if (w == Field.Width.HALF && (!type.carriesValue() || type == FieldType.HIDDEN)) {
                    f.problem("width", "a " + type.jsonName() + " always takes the whole row");
                }
                return w;
            }
        }
        f.problem("width", "must be full or half");
        return Field.Width.FULL;
    }

    private static List<FieldOption> optionList(ObjectReader f) {
        List<FieldOption> options = new ArrayList<>();
        JsonElement raw = f.raw("options");
        if (raw == null) {
            return options;
        }
        if (!raw.isJsonArray()) {
            f.problem("options", "must be an array");
            return options;
        }
        JsonArray array = raw.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            String place = "options[" + i + "]";
            FieldOption option = option(f, array.get(i), place);
            if (option == null) {
                f.problem(place, "must be a non-empty string or {\"value\", \"label\"}");
            } else {
                options.add(option);
            }
        }
        return options;
    }

    /** {@code "a"} or {@code {"value": "a", "label": "A"}}; null when neither (or the value is empty). */
    private static FieldOption option(ObjectReader f, JsonElement o, String place) {
        if (o.isJsonPrimitive() && !o.getAsString().isEmpty()) {
            return new FieldOption(o.getAsString(), o.getAsString());
        }
        if (!o.isJsonObject()) {
            return null;
        }
        ObjectReader option = f.child(o.getAsJsonObject(), f.at(place));
        String value = option.string("value");
        String label = option.string("label");
        option.refuseUnread();
        return value == null || value.isEmpty() ? null : new FieldOption(value, label == null ? value : label);
    }

    private static void lengths(ObjectReader f, FieldType type, Field.Builder field) {
        Integer minLength = f.integer("minLength");
        Integer maxLength = f.integer("maxLength");
        if (minLength != null && maxLength != null && minLength > maxLength) {
            f.problem("minLength", "is greater than maxLength");
        }
        int limit = type.lengthLimit();
        if (maxLength != null && maxLength > limit) {
            f.problem("maxLength", "exceeds the limit " + limit + " of a " + type.jsonName() + " field");
        }
        if (minLength != null && minLength > limit) {
            f.problem("minLength", "exceeds the limit " + limit + " of a " + type.jsonName() + " field");
        }
        field.minLength(minLength).maxLength(maxLength);
    }

    private static void numbers(ObjectReader f, Field.Builder field) {
        BigDecimal min = f.decimal("min");
        BigDecimal max = f.decimal("max");
        BigDecimal step = f.decimal("step");
        if (min != null && max != null && min.compareTo(max) > 0) {
            f.problem("min", "is greater than max");
        }
        if (step != null && step.signum() <= 0) {
            f.problem("step", "must be greater than 0");
        }
        field.min(min).max(max).step(step);
    }

    private static void pattern(ObjectReader f, Field.Builder field) {
        String pattern = f.string("pattern");
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                f.problem("pattern", "is not a valid regular expression");
            }
        }
        field.pattern(pattern);
    }

    private static void dates(ObjectReader f, Field.Builder field) {
        String minDate = f.date("minDate");
        String maxDate = f.date("maxDate");
        if (minDate != null && maxDate != null && !minDate.equals("today") && !maxDate.equals("today")
                && minDate.compareTo(maxDate) > 0) {
            f.problem("minDate", "is after maxDate");
        }
        field.minDate(minDate).maxDate(maxDate);
    }

    private static void upload(ObjectReader f, Field.Builder field) {
        if (f.has("maxBytes")) {
            BigDecimal raw = f.decimal("maxBytes");
            if (raw != null && (raw.signum() <= 0 || raw.compareTo(BigDecimal.valueOf(DefinitionParser.MAX_FILE_BYTES)) > 0
                    || raw.stripTrailingZeros().scale() > 0)) {
                f.problem("maxBytes", "must be a whole number from 1 to " + DefinitionParser.MAX_FILE_BYTES);
            } else if (raw != null) {
                field.maxBytes(raw.longValue());
            }
        }
        field.accept(accept(f));
    }

    private static List<String> accept(ObjectReader f) {
        List<String> accept = new ArrayList<>();
        JsonElement raw = f.raw("accept");
        if (raw == null || raw.isJsonNull()) {
            return accept;
        }
        if (!raw.isJsonArray()) {
            f.problem("accept", "must be an array like [\"pdf\", \"image/*\"]");
            return accept;
        }
        for (JsonElement e : raw.getAsJsonArray()) {
            String s = e.isJsonPrimitive() ? e.getAsString().toLowerCase(Locale.ROOT).strip() : "";
            if (!ACCEPT.matcher(s).matches()) {
                f.problem("accept", "'" + s + "' is neither a file extension (pdf, .jpg) nor a media type (image/*, "
                        + "application/pdf)");
            } else {
                accept.add(s.startsWith(".") ? s.substring(1) : s);
            }
        }
        return accept;
    }

    private static Condition condition(ObjectReader f) {
        JsonElement raw = f.raw("showIf");
        if (raw == null || raw.isJsonNull()) {
            return null;
        }
        ObjectReader c = raw.isJsonObject() ? f.object("showIf") : null;
        if (c == null || c.string("field") == null) {
            f.problem("showIf", "must be {\"field\": NAME, \"equals\": VALUE}, "
                    + "{\"field\": NAME, \"in\": [VALUES]} or {\"field\": NAME, \"filled\": true}");
            return null;
        }
        List<String> values = new ArrayList<>();
        if ((c.has("equals") ? 1 : 0) + (c.has("in") ? 1 : 0) + (c.has("filled") ? 1 : 0) > 1 && c.strict()) {
            f.problem("showIf", "give only one of 'equals', 'in' and 'filled'");
        }
        c.refuseUnread();
        if (c.has("equals")) {
            String v = c.string("equals");
            if (v == null || v.isEmpty()) {
                c.problem("equals", "must be a non-empty value");
            } else {
                values.add(v);
            }
        } else if (c.has("in")) {
            JsonElement in = c.raw("in");
            if (!in.isJsonArray() || in.getAsJsonArray().isEmpty()) {
                c.problem("in", "must be a non-empty array of values");
            } else {
                in.getAsJsonArray().forEach(v -> values.add(v.isJsonPrimitive() ? v.getAsString() : ""));
            }
        } else if (!filled(c.raw("filled"))) {
            f.problem("showIf", "needs 'equals', 'in' or \"filled\": true");
        }
        return new Condition(c.string("field"), values);
    }

    private static boolean filled(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsBoolean();
    }

    /** Prefill and default; a required hidden field needs one of them, since the visitor cannot fill it. */
    private static void fill(ObjectReader f, FieldType type, boolean required, Field.Builder field) {
        boolean prefill = f.bool("prefill");
        String defaultValue = f.string("default");
        if (type == FieldType.HIDDEN && required && !prefill && defaultValue == null) {
            f.problem("required", "a required hidden field needs a default or prefill, the visitor cannot fill it");
        }
        field.prefill(prefill).defaultValue(defaultValue);
    }
}
