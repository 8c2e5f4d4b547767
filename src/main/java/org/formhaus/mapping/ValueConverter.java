package org.formhaus.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormValidator;
import org.formhaus.onoffice.FieldInfo;

/**
 * The one place that turns a submitted value into what an onOffice field of a given type accepts on create/modify:
 * numbers as plain strings with a '.' decimal point, dates as {@code Y-m-d} (date-times {@code Y-m-d H:i:s}),
 * booleans as "1"/"0", multiselects as a list of internal keys (without pipes), single selects as one internal key
 * (a label or, for the salutation, a common synonym is translated to its key). The onOffice type comes from the
 * account's field catalogue when known; otherwise it is inferred from the form field's type. Stateless.
 */
final class ValueConverter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, String> SALUTATIONS = Map.ofEntries(
            Map.entry("mr", "Herr"), Map.entry("mr.", "Herr"), Map.entry("m", "Herr"), Map.entry("male", "Herr"),
            Map.entry("herr", "Herr"), Map.entry("mrs", "Frau"), Map.entry("mrs.", "Frau"), Map.entry("ms", "Frau"),
            Map.entry("ms.", "Frau"), Map.entry("f", "Frau"), Map.entry("w", "Frau"), Map.entry("female", "Frau"),
            Map.entry("frau", "Frau"), Map.entry("company", "Firma"), Map.entry("firma", "Firma"));

    private ValueConverter() {
    }

    /**
     * The value to send; null when there is nothing to send (empty input).
     *
     * @param info  the onOffice field as the catalogue describes it, or null when unknown
     * @param field the onOffice field name (e.g. {@code Anrede}), for field-specific rules
     * @param type  the form field's type, used when {@code info} is null
     * @throws IllegalArgumentException naming the field when the value cannot be converted
     */
    private static BigDecimal canonical(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return FormValidator.parseNumber(value);
        }
    }

    static Object convert(FieldInfo info, String field, FieldType type, Object value) {
        List<String> values = values(value);
        if (values.isEmpty()) {
            return null;
        }
        String onOfficeType = info != null && info.type() != null ? info.type() : inferred(type, field);
        return switch (onOfficeType) {
            case "integer", "int" -> number(field, type, values.get(0)).setScale(0, RoundingMode.HALF_UP).toPlainString();
            case "float", "decimal" -> number(field, type, values.get(0)).stripTrailingZeros().toPlainString();
            case "date" -> date(field, values.get(0));
            case "datetime" -> dateTime(field, values.get(0));
            case "boolean" -> bool(values.get(0)) ? "1" : "0";
            case "multiselect" -> values.stream().map(v -> selectKey(info, field, v)).toList();
            case "singleselect" -> selectKey(info, field, values.get(0));
            default -> values.size() == 1 ? values.get(0) : String.join(", ", values);
        };
    }

    /** The onOffice type a form field's values fit when the catalogue is not at hand. */
    static String inferred(FieldType type, String field) {
        if ("Anrede".equals(field)) {
            return "singleselect";
        }
        if ("HerkunftKontakt".equals(field) || "ArtDaten".equals(field)) {
            return "multiselect"; // the address's multiselects (onOffice API reference): an array of keys
        }
        if (type == null) {
            return "varchar";
        }
        return switch (type) {
            case NUMBER, CURRENCY, AREA, RANGE -> "float";
            case DATE -> "date";
            case DATETIME -> "datetime";
            case CONSENT -> "boolean";
            case CHECKBOXES -> "multiselect";
            default -> "varchar";
        };
    }

    static List<String> values(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> {
                if (v != null && !v.toString().isBlank()) out.add(v.toString().strip());
            });
        } else if (value != null && !value.toString().isBlank()) {
            out.add(value.toString().strip());
        }
        return out;
    }

    /**
     * Numeric form fields arrive canonical from the validator ("1234.567", a '.' decimal point, no grouping); only a
     * number typed into a text field needs reading the German way ("450.000" is 450000).
     */
    static BigDecimal number(String field, FieldType type, String value) {
        BigDecimal n = type != null && type.numeric() ? canonical(value) : FormValidator.parseNumber(value);
        if (n == null) {
            throw new IllegalArgumentException("'" + value + "' is not a number for onOffice field " + field);
        }
        return n;
    }

    /** A date; a value with a time of day keeps it ({@code Y-m-d H:i:s}): onOffice's date fields hold both. */
    static String date(String field, String value) {
        if (value.strip().length() > 10) {
            return dateTime(field, value);
        }
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date (yyyy-mm-dd) for onOffice field " + field);
        }
    }

    /** Accepts {@code 2026-05-04}, {@code 2026-05-04T10:30}, {@code 2026-05-04 10:30[:00]}. */
    static String dateTime(String field, String value) {
        String s = value.strip().replace(' ', 'T');
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay().format(DATE_TIME);
            }
            return LocalDateTime.parse(s).format(DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date and time for onOffice field " + field);
        }
    }

    static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "0", "false", "no", "nein", "off", "" -> false;
            default -> true; // a ticked checkbox or consent sends its value ("on", "yes", "1", ...)
        };
    }

    /** The permitted key for a value that is a key or a label of one; the value itself when nothing matches. */
    static String selectKey(FieldInfo info, String field, String value) {
        if (info != null && !info.permittedValues().isEmpty()) {
            if (info.permittedValues().containsKey(value)) {
                return value;
            }
            for (FieldInfo.PermittedValue p : info.permittedValues().values()) {
                if (value.equalsIgnoreCase(p.key()) || value.equalsIgnoreCase(p.labelDe())
                        || value.equalsIgnoreCase(p.labelEn())) {
                    return p.key();
                }
            }
        }
        if ("Anrede".equals(field)) {
            String key = SALUTATIONS.get(value.toLowerCase(Locale.ROOT));
            if (key != null && (info == null || info.permittedValues().containsKey(key))) {
                return key;
            }
        }
        return value;
    }
}
