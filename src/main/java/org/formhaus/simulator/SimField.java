package org.formhaus.simulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.formhaus.onoffice.ApiRight;

/**
 * One field of the simulator's catalogue: onOffice type, length, labels, permitted values (internal key → German and
 * English label), the table (tab) it sits on, and the extra rights needed to write it (empty when none).
 */
record SimField(String module, String name, String type, Integer length, String labelDe, String labelEn,
                String table, java.util.List<ApiRight> writeRights, boolean rangeField, Map<String, String[]> values) {

    SimField {
        writeRights = writeRights == null ? java.util.List.of() : java.util.List.copyOf(writeRights);
    }

    SimField withValues(String... keyDeEn) {
        Map<String, String[]> v = new LinkedHashMap<>(values);
        for (String triple : keyDeEn) {
            String[] parts = triple.split(":", 3);
            v.put(parts[0], new String[]{parts[1], parts.length > 2 ? parts[2] : parts[1]});
        }
        return new SimField(module, name, type, length, labelDe, labelEn, table, writeRights, rangeField, v);
    }

    /** Writing (or reading) this field needs every one of {@code rights}, each a checkbox of its own in onOffice. */
    SimField gatedBy(ApiRight... rights) {
        return new SimField(module, name, type, length, labelDe, labelEn, table, java.util.List.of(rights), rangeField,
                values);
    }

    SimField range() {
        return new SimField(module, name, type, length, labelDe, labelEn, table, writeRights, true, values);
    }

    boolean select() {
        return "singleselect".equals(type) || "multiselect".equals(type);
    }

    String label(String language) {
        return "ENG".equalsIgnoreCase(language) ? labelEn : labelDe;
    }

    /** Checks a written value against the field's type; returns what is stored (multiselect as "|a||b|"). */
    JsonElement check(JsonElement v) throws SimError {
        if (v == null || v.isJsonNull() || (v.isJsonPrimitive() && v.getAsString().isEmpty())) return new JsonPrimitive("");
        switch (type) {
            case "multiselect" -> {
                List<String> keys = v.isJsonArray() ? SimJson.strings(v) : List.of(v.getAsString().replace("|", " ").trim().split("\\s+"));
                StringBuilder sb = new StringBuilder();
                for (String k : keys) {
                    if (!values.containsKey(k)) throw SimError.invalid(name, "'" + k + "' is not a permitted value");
                    sb.append('|').append(k).append('|');
                }
                return new JsonPrimitive(sb.toString());
            }
            case "singleselect" -> {
                String k = scalar(v);
                if (values.containsKey(k)) return new JsonPrimitive(k);
                for (Map.Entry<String, String[]> e : values.entrySet()) {
                    if (e.getValue()[0].equalsIgnoreCase(k)) return new JsonPrimitive(e.getKey()); // e.g. Land "Deutschland"
                }
                throw SimError.invalid(name, "'" + k + "' is not a permitted value");
            }
            case "integer" -> {
                String x = scalar(v);
                if (!x.matches("-?\\d+")) throw SimError.invalid(name, "'" + x + "' is not an integer");
                return new JsonPrimitive(Long.parseLong(x));
            }
            case "float" -> {
                String x = scalar(v).replace(',', '.');
                try {
                    return new JsonPrimitive(new BigDecimal(x).toPlainString());
                } catch (NumberFormatException e) {
                    throw SimError.invalid(name, "'" + x + "' is not a number");
                }
            }
            case "boolean" -> {
                String x = scalar(v).toLowerCase(Locale.ROOT);
                if (x.equals("true") || x.equals("1")) return new JsonPrimitive("1");
                if (x.equals("false") || x.equals("0")) return new JsonPrimitive("0");
                throw SimError.invalid(name, "'" + x + "' is not a boolean");
            }
            case "date" -> {
                String x = scalar(v);
                if (!x.matches("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}(:\\d{2})?)?")) {
                    throw SimError.invalid(name, "'" + x + "' is not a date (Y-m-d or Y-m-d H:i:s)");
                }
                return new JsonPrimitive(x);
            }
            default -> {
                String x = scalar(v);
                if (length != null && x.length() > length) {
                    throw SimError.invalid(name, "longer than " + length + " characters");
                }
                return new JsonPrimitive(x);
            }
        }
    }

    private String scalar(JsonElement v) throws SimError {
        if (!v.isJsonPrimitive()) throw SimError.invalid(name, "expected a single value");
        return v.getAsString().strip();
    }
}
