package org.formhaus.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a submission against its form definition; the server's authority on what is valid. Stateless and safe to
 * share across threads.
 *
 * <pre>{@code
 * ValidationResult r = new FormValidator().validate(form, Map.of("email", List.of("max@example.org")));
 * if (!r.valid()) reply422(r.errors());
 * }</pre>
 */
public final class FormValidator {

    /** Longest value any single-line field accepts; textareas accept {@link #MAX_TEXT}. */
    public static final int MAX_LINE = 500;
    public static final int MAX_TEXT = 20_000;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()/.\\-]{5,30}");

    public ValidationResult validate(FormDefinition form, Map<String, List<String>> input) {
        Messages messages = Messages.forLanguage(form.language());
        Map<String, Object> values = new LinkedHashMap<>();
        FieldErrors errors = new FieldErrors();
        for (Field field : form.fields()) {
            if (!field.type().carriesValue() || field.type() == FieldType.FILE) {
                continue;
            }
            List<String> raw = cleaned(input.getOrDefault(field.name(), List.of()));
            if (field.type() == FieldType.CHECKBOXES) {
                values.put(field.name(), raw);
                checkOptions(field, raw, errors, messages);
                if (field.required() && raw.isEmpty()) {
                    errors.add(field.name(), messages.get("error.required"));
                }
                continue;
            }
            String value = raw.isEmpty() ? "" : raw.get(0);
            values.put(field.name(), value);
            if (value.isEmpty()) {
                if (field.required()) {
                    errors.add(field.name(), messages.get(field.type() == FieldType.CONSENT ? "error.consent" : "error.required"));
                }
                continue;
            }
            String problem = check(field, value, messages);
            if (problem != null) {
                errors.add(field.name(), problem);
            }
        }
        return new ValidationResult(values, errors);
    }

    private String check(Field field, String value, Messages messages) {
        int limit = field.type() == FieldType.TEXTAREA ? MAX_TEXT : MAX_LINE;
        if (value.length() > limit) {
            return messages.get("error.tooLong");
        }
        switch (field.type()) {
            case EMAIL -> {
                if (!EmailAddresses.isValid(value)) return messages.get("error.email");
            }
            case PHONE -> {
                if (!PHONE.matcher(value).matches()) return messages.get("error.phone");
            }
            case NUMBER, CURRENCY, AREA, RANGE -> {
                return checkNumber(field, value, messages);
            }
            case DATE -> {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    return messages.get("error.date");
                }
            }
            case SELECT, RADIO -> {
                if (!field.options().isEmpty() && !field.hasOption(value)) return messages.get("error.option");
            }
            default -> {
            }
        }
        if (field.minLength() != null && value.length() < field.minLength()) {
            return messages.get("error.minLength", field.minLength());
        }
        if (field.maxLength() != null && value.length() > field.maxLength()) {
            return messages.get("error.maxLength", field.maxLength());
        }
        if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(value).matches()) {
            return messages.get("error.pattern");
        }
        return null;
    }

    private static String checkNumber(Field field, String value, Messages messages) {
        BigDecimal number = parseNumber(value);
        if (number == null) {
            return messages.get("error.number");
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            return messages.get("error.min", field.min().toPlainString());
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            return messages.get("error.max", field.max().toPlainString());
        }
        if (field.step() != null) {
            BigDecimal base = field.min() == null ? BigDecimal.ZERO : field.min();
            if (number.subtract(base).remainder(field.step()).signum() != 0) {
                return messages.get("error.step", field.step().toPlainString());
            }
        }
        return null;
    }

    /** Accepts "1234.5", "1234,5" and "1.234,5" (German thousands separators); null when not a number. */
    public static BigDecimal parseNumber(String value) {
        String s = value.strip().replace(" ", "");
        if (s.contains(",")) {
            s = s.replace(".", "").replace(',', '.');
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void checkOptions(Field field, List<String> values, FieldErrors errors, Messages messages) {
        if (field.options().isEmpty()) {
            return;
        }
        for (String v : values) {
            if (!field.hasOption(v)) {
                errors.add(field.name(), messages.get("error.option"));
                return;
            }
        }
    }

    private static List<String> cleaned(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String v : raw) {
            String s = v == null ? "" : v.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
