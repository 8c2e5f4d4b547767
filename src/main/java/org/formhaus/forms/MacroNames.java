package org.formhaus.forms;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks, when a definition is saved, that every {@link Macros macro} in a text that takes macros names something:
 * a field of the form that carries a value, {@code page.url}, {@code referrer}, {@code utm.NAME} or
 * {@code record.FIELD}. A {@code default} takes no field's value (it is filled before the visitor types). A problem
 * names the text's place, e.g. {@code fields[2].label: {{prise}}: no field named 'prise'}. Stateless.
 */
final class MacroNames {

    /** The texts macros are filled into, by their place in the definition. */
    private static final Pattern TEXTS = Pattern.compile("title|thankYouUrl|thankYouMessage"
            + "|fields\\[\\d+]\\.(label|help|placeholder|default)"
            + "|rules\\[\\d+]\\.then\\[\\d+]\\.text(\\.(de|en))?"
            + "|emails\\.(confirmation|notice|more\\[\\d+])\\.(subject|body)"
            + "|translations\\.[a-z]{2}\\.(title|thankYouMessage|fields\\.[^.]+\\.(label|help|placeholder)|texts\\..+)");
    private static final Pattern DEFAULT = Pattern.compile("fields\\[\\d+]\\.default");
    private static final Pattern FIXED = Pattern.compile("page\\.url|referrer|utm\\.[a-z_]{1,36}|record\\.[A-Za-z_][A-Za-z0-9_]*");

    private MacroNames() {
    }

    static void check(JsonObject definition, List<Field> fields, ObjectReader d) {
        walk(definition, "", fields, d);
    }

    private static void walk(JsonElement e, String place, List<Field> fields, ObjectReader d) {
        if (e == null || e.isJsonNull()) {
            return;
        }
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                if (place.isEmpty() && m.getKey().equals("protection")) {
                    continue; // passwords and keys are no texts
                }
                walk(m.getValue(), place.isEmpty() ? m.getKey() : place + "." + m.getKey(), fields, d);
            }
        } else if (e.isJsonArray()) {
            for (int i = 0; i < e.getAsJsonArray().size(); i++) {
                walk(e.getAsJsonArray().get(i), place + "[" + i + "]", fields, d);
            }
        } else if (e.getAsJsonPrimitive().isString() && TEXTS.matcher(place).matches()) {
            boolean isDefault = DEFAULT.matcher(place).matches();
            boolean hidden = isDefault && fields.get(Integer.parseInt(place.replaceAll("\\D", ""))).type()
                    == FieldType.HIDDEN;
            for (String name : Macros.names(e.getAsString())) {
                String problem = hidden && name.startsWith("record.") ? "a hidden field's value is set again when the"
                        + " form is sent, and the record is read only to show the page: use a visible field"
                        : problem(name, fields, isDefault);
                if (problem != null) {
                    d.problem(place, "{{" + name + "}}: " + problem);
                }
            }
        }
    }

    private static String problem(String name, List<Field> fields, boolean isDefault) {
        if (FIXED.matcher(name).matches()) {
            return null;
        }
        if (name.contains(".")) {
            return "unknown macro; a macro names a field, page.url, referrer, utm.NAME or record.FIELD";
        }
        boolean field = fields.stream().anyMatch(f -> f.name().equals(name) && f.type().carriesValue());
        if (!field) {
            return "no field named '" + name + "' (a macro names a field, page.url, referrer, utm.NAME or record.FIELD)";
        }
        return isDefault ? "a default is filled before the visitor types: it takes page.url, referrer, utm.NAME or "
                + "record.FIELD, not a field" : null;
    }
}
