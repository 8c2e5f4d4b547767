package org.formhaus.mapping;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.Messages;

/**
 * A rule checked against the current value of a field of the estate a form is about (the field mapped to
 * {@code estate.Id}, or the estate an edit form's link loaded), as onOffice holds it: the submitted number must compare
 * with the estate's value plus {@code plus}, e.g. a bid must be at least the stored price + 1000:
 * <pre>{@code
 * {"field": "gebot", "compare": "greaterOrEqual", "record": "estate.kaufpreis", "plus": 1000, "message": "..."}
 * }</pre>
 * Judged twice: when the visitor sends (a short read; the visitor sees {@code message}, or a built-in one naming the
 * limit) and at delivery, which decides (the submission fails with a reason naming both values). An empty submitted
 * value or an estate without a value in that field is not judged. Immutable.
 */
record LiveRule(String field, Compare compare, String recordField, BigDecimal plus, String message) {

    /** How the submitted number must compare with the limit. */
    enum Compare {
        GREATER("greater", ">"), GREATER_OR_EQUAL("greaterOrEqual", "≥"), LESS("less", "<"),
        LESS_OR_EQUAL("lessOrEqual", "≤"), EQUALS("equals", "="), NOT_EQUALS("notEquals", "≠");

        final String jsonName;
        final String sign;

        Compare(String jsonName, String sign) {
            this.jsonName = jsonName;
            this.sign = sign;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case GREATER -> comparison > 0;
                case GREATER_OR_EQUAL -> comparison >= 0;
                case LESS -> comparison < 0;
                case LESS_OR_EQUAL -> comparison <= 0;
                case EQUALS -> comparison == 0;
                case NOT_EQUALS -> comparison != 0;
            };
        }

        static Optional<Compare> of(String name) {
            return Arrays.stream(values()).filter(c -> c.jsonName.equals(name)).findFirst();
        }

        static List<String> names() {
            return Arrays.stream(values()).map(c -> c.jsonName).toList();
        }
    }

    /** A rule that did not hold: the limit, the values, the admin's reason and the visitor's message. */
    record Failure(LiveRule rule, BigDecimal submitted, BigDecimal stored, BigDecimal limit) {

        /** For the submission's detail: names the field, both values and the estate. */
        String reason(String estateId) {
            return "Live rule not met: " + rule.field + " = " + plain(submitted) + " must be " + rule.compare.sign
                    + " estate." + rule.recordField + " + " + plain(rule.plus) + " = " + plain(limit)
                    + " (onOffice holds " + plain(stored) + " for estate " + estateId + ")";
        }

        /** For the visitor, in the form's language: the rule's own message, else a built-in one naming the limit. */
        String message(String language) {
            if (rule.message != null) {
                return rule.message;
            }
            NumberFormat format = NumberFormat.getNumberInstance("en".equals(language) ? Locale.ENGLISH
                    : Locale.GERMANY);
            format.setMaximumFractionDigits(2);
            return Messages.forLanguage(language).get("error.live." + rule.compare.jsonName, format.format(limit));
        }
    }

    private static String plain(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }

    /**
     * Judges the rule: the failure, or null when it holds or cannot be judged (no submitted number, no stored one).
     *
     * @param values the submission's values
     * @param record the estate's fields as onOffice returned them
     */
    Failure judge(Map<String, Object> values, JsonObject record) {
        List<String> submitted = ValueConverter.values(values.get(field));
        JsonElement stored = record == null ? null : record.get(recordField);
        if (submitted.isEmpty() || stored == null || stored.isJsonNull() || stored.getAsString().isBlank()) {
            return null;
        }
        BigDecimal value = number(submitted.get(0));
        BigDecimal current = number(stored.getAsString());
        if (value == null || current == null) {
            return null;
        }
        BigDecimal limit = current.add(plus);
        return compare.holds(value.compareTo(limit)) ? null : new Failure(this, value, current, limit);
    }

    private static BigDecimal number(String s) {
        try {
            return ValueConverter.number("value", FieldType.NUMBER, s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The estate fields the rules read. */
    static List<String> recordFields(List<LiveRule> rules) {
        return rules.stream().map(LiveRule::recordField).distinct().toList();
    }

    static List<LiveRule> parse(JsonElement raw, FormDefinition form, boolean inquiredEstate, List<Problem> problems) {
        if (raw == null || raw.isJsonNull()) {
            return List.of();
        }
        if (!raw.isJsonArray()) {
            problems.add(new Problem("onoffice.liveRules", "must be a list of rules"));
            return List.of();
        }
        List<LiveRule> out = new ArrayList<>();
        JsonArray a = raw.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            String place = "onoffice.liveRules[" + i + "]";
            if (!a.get(i).isJsonObject()) {
                problems.add(new Problem(place, "must be an object {\"field\", \"compare\", \"record\", ...}"));
                continue;
            }
            LiveRule rule = parseOne(a.get(i).getAsJsonObject(), form, place, problems);
            if (rule != null) {
                out.add(rule);
            }
        }
        if (!out.isEmpty() && !inquiredEstate) {
            problems.add(new Problem("onoffice.liveRules", "are checked against the estate the form is about: map a "
                    + "field to estate.Id, or edit an estate (\"edit\": {\"module\": \"estate\"})"));
        }
        return out;
    }

    private static LiveRule parseOne(JsonObject row, FormDefinition form, String place, List<Problem> problems) {
        int before = problems.size();
        String field = text(row, "field");
        Optional<Field> source = field == null ? Optional.empty() : form.field(field);
        if (source.isEmpty() || !source.get().type().carriesValue()) {
            problems.add(new Problem(place + ".field", "must name a field of this form that holds a value"));
        }
        Optional<Compare> compare = Compare.of(text(row, "compare"));
        if (compare.isEmpty()) {
            problems.add(new Problem(place + ".compare", "must be one of " + String.join(", ", Compare.names())));
        }
        String record = text(row, "record");
        if (record == null || !record.startsWith("estate.") || record.length() <= "estate.".length()
                || record.equals("estate.Id")) {
            problems.add(new Problem(place + ".record",
                    "must be estate.<field>: the field of the estate to compare with"));
        }
        BigDecimal plus = BigDecimal.ZERO;
        if (row.has("plus")) {
            plus = RecordLinks.number(row.get("plus"));
            if (plus == null) {
                problems.add(new Problem(place + ".plus", "must be a number"));
            }
        }
        String message = row.has("message") ? text(row, "message") : null;
        if (row.has("message") && (message == null || message.length() > 500)) {
            problems.add(new Problem(place + ".message", "must be a text of 1 to 500 characters"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new LiveRule(field, compare.get(), record.substring("estate.".length()), plus, message);
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonPrimitive() || e.getAsString().isBlank() ? null : e.getAsString().strip();
    }
}
