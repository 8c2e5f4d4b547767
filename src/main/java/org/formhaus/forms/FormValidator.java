package org.formhaus.forms;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a submission against its form definition; the server's authority on what is valid. The form's rules
 * ({@link FormLogic}) are evaluated first: fields they hide are not checked and are submitted empty, fields they
 * require are required, options they hide are refused, and locked, set and calculated fields get the server's value
 * (a locked field its default), never the client's. Values come back cleaned: trimmed, numbers as plain decimals
 * ({@code "1.234,5"} → {@code "1234.5"}, see {@link #parseNumber(String, String)}), dates as ISO dates, a ticked consent as {@code "yes"}. A value is a String,
 * or a List of String for checkboxes (the ticked values) and ranges (exactly two: from, to; "" for an open end).
 * A file field's value is the uploaded file's name. Stateless and safe to share across threads.
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
    /** The most values a checkboxes field accepts, whatever it sends. */
    public static final int MAX_VALUES = 100;
    static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()/.\\-]{5,30}");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");
    private static final DateTimeFormatter GERMAN_DATE_TIME = DateTimeFormatter.ofPattern("d.M.uuuu H:mm");
    private static final DateTimeFormatter ISO_MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    /** A hidden field mapped here carries the estate of the embedding page ({@code fh_estate}). */
    private static final String ESTATE_ID = "estate.Id";

    private final Clock clock;

    public FormValidator() {
        this(Clock.systemDefaultZone());
    }

    /** {@code clock} decides what "today" is for date limits. */
    public FormValidator(Clock clock) {
        this.clock = clock;
    }

    public ValidationResult validate(FormDefinition form, Map<String, List<String>> input) {
        return validate(form, input, Map.of());
    }

    /** With the uploaded files by field name. */
    public ValidationResult validate(FormDefinition form, Map<String, List<String>> input, Map<String, FileInput> files) {
        Messages messages = Messages.forLanguage(form.language());
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Field field : form.fields()) {
            if (field.type().carriesValue()) {
                raw.put(field.name(), rawValue(field, input, files));
            }
        }
        LogicState logic = logic(form, raw);
        Map<String, Object> values = new LinkedHashMap<>();
        FieldErrors errors = new FieldErrors();
        for (Field declared : form.fields()) {
            if (!declared.type().carriesValue()) {
                continue;
            }
            if (!logic.shown(declared.name())) {
                values.put(declared.name(), declared.type() == FieldType.RANGE ? List.of("", "")
                        : declared.type() == FieldType.CHECKBOXES ? List.of() : "");
                continue;
            }
            Field field = asRuled(declared, logic);
            if (logic.fixed(field.name())) {
                raw.put(field.name(), fixedValue(field, logic));
            }
            Outcome outcome = switch (field.type()) {
                case CHECKBOXES -> checkboxes(field, Values.list(raw.get(field.name())), messages);
                case RANGE -> range(field, (List<?>) raw.get(field.name()), messages);
                case FILE -> file(field, files.get(field.name()), messages);
                default -> single(field, Values.first(raw.get(field.name())), messages);
            };
            values.put(field.name(), outcome.value);
            if (outcome.error != null) {
                errors.add(field.name(), outcome.error);
            }
        }
        return new ValidationResult(values, errors);
    }

    private record Outcome(Object value, String error) {
    }

    // ---- Rules: the server decides what is hidden, required, locked, set and calculated -----------------------------

    /** The rules' state for the raw values; what the client sent for fixed fields does not count. */
    private static LogicState logic(FormDefinition form, Map<String, Object> raw) {
        if (form.logic().isEmpty()) {
            return LogicState.NONE;
        }
        Map<String, List<String>> entered = new LinkedHashMap<>();
        raw.forEach((name, value) -> entered.put(name, Values.list(value)));
        return form.logic().evaluate(entered, form.language());
    }

    /** The field as the rules make it: required by a rule, without its hidden options. */
    private static Field asRuled(Field field, LogicState logic) {
        boolean required = logic.required().contains(field.name());
        List<String> hidden = logic.hiddenOptionsOf(field.name());
        if (!required && hidden.isEmpty()) {
            return field;
        }
        return field.toBuilder().required(field.required() || required)
                .options(field.options().stream().filter(o -> !hidden.contains(o.value())).toList()).build();
    }

    /** A set or calculated value, else a locked field's default; never the client's. */
    private static Object fixedValue(Field field, LogicState logic) {
        String value = logic.values().containsKey(field.name()) ? logic.values().get(field.name())
                : field.defaultValue() == null ? "" : field.defaultValue();
        return field.type() == FieldType.CHECKBOXES ? Values.list(List.of(value.split(","))) : value;
    }

    private static Object rawValue(Field field, Map<String, List<String>> input, Map<String, FileInput> files) {
        return switch (field.type()) {
            case RANGE -> {
                List<String> both = cleaned(input.getOrDefault(field.name(), List.of()), true);
                String from = both.size() == 2 ? both.get(0) : firstOf(input, field.name() + "_from");
                String to = both.size() == 2 ? both.get(1) : firstOf(input, field.name() + "_to");
                yield List.of(from, to);
            }
            case CHECKBOXES -> cleaned(input.getOrDefault(field.name(), List.of()), false);
            case FILE -> files.containsKey(field.name()) ? files.get(field.name()).fileName() : "";
            case HIDDEN -> hiddenValue(field, input);
            default -> firstOf(input, field.name());
        };
    }

    /**
     * A hidden field is a constant of the definition (its {@code default}), whatever the client posts: a visitor who
     * edits the page must not change what onOffice receives (a posted {@code quelle=HACKED} once reached the agent's
     * log). Two kinds of hidden field carry the page's value instead: one marked {@code "prefill": true} (filled from
     * the URL) and one mapped to {@code estate.Id} (the estate of the embedding page, see {@code web.Prefill}).
     */
    private static String hiddenValue(Field field, Map<String, List<String>> input) {
        String posted = firstOf(input, field.name());
        boolean fromThePage = field.prefill() || ESTATE_ID.equals(field.maps());
        if (fromThePage && !posted.isEmpty()) {
            return posted;
        }
        return field.defaultValue() == null ? "" : field.defaultValue();
    }

    private Outcome single(Field field, String value, Messages messages) {
        if (value.isEmpty()) {
            String error = field.required()
                    ? messages.get(field.type() == FieldType.CONSENT ? "error.consent" : "error.required") : null;
            return new Outcome("", error);
        }
        int limit = field.type().lengthLimit();
        if (value.length() > limit) {
            return new Outcome(value.substring(0, limit), messages.get("error.tooLong"));
        }
        switch (field.type()) {
            case CONSENT -> {
                return new Outcome("yes", null);
            }
            case NUMBER, CURRENCY, AREA -> {
                BigDecimal number = parseNumber(value, messages.language());
                String error = number == null ? messages.get("error.number") : checkNumber(field, number, messages);
                return new Outcome(number == null ? value : number.toPlainString(), error);
            }
            case DATE -> {
                return date(field, value, messages);
            }
            case DATETIME -> {
                return dateTime(field, value, messages);
            }
            case EMAIL -> {
                if (!EmailAddresses.isValid(value)) return new Outcome(value, messages.get("error.email"));
            }
            case PHONE -> {
                if (!PHONE.matcher(value).matches()) return new Outcome(value, messages.get("error.phone"));
            }
            case SELECT, RADIO, USERSELECT -> {
                if (!field.options().isEmpty() && !field.hasOption(value)) {
                    return new Outcome(value, messages.get("error.option"));
                }
            }
            default -> {
            }
        }
        return new Outcome(value, textRules(field, value, messages));
    }

    private static String textRules(Field field, String value, Messages messages) {
        if (field.minLength() != null && value.length() < field.minLength()) {
            return messages.get("error.minLength", field.minLength());
        }
        if (field.maxLength() != null && value.length() > field.maxLength()) {
            return messages.get("error.maxLength", field.maxLength());
        }
        if (field.pattern() != null && !Patterns.get(field.pattern()).matcher(value).matches()) {
            return messages.get("error.pattern");
        }
        return null;
    }

    private Outcome date(Field field, String value, Messages messages) {
        LocalDate date = parseDate(value);
        if (date == null) {
            return new Outcome(value, messages.get("error.date"));
        }
        LocalDate min = limit(field.minDate());
        LocalDate max = limit(field.maxDate());
        if (min != null && date.isBefore(min)) {
            return new Outcome(date.toString(), messages.get("error.minDate", format(min, messages)));
        }
        if (max != null && date.isAfter(max)) {
            return new Outcome(date.toString(), messages.get("error.maxDate", format(max, messages)));
        }
        return new Outcome(date.toString(), null);
    }

    /**
     * A date with a time of day, kept as {@code yyyy-MM-ddTHH:mm}: what a datetime-local input sends, also with
     * seconds, or the German way ({@code 4.5.2026 10:30}) a browser without the input lets the visitor type. The
     * date limits apply to its day.
     */
    private Outcome dateTime(Field field, String value, Messages messages) {
        LocalDateTime at = parseDateTime(value);
        if (at == null) {
            return new Outcome(value, messages.get("error.dateTime"));
        }
        String kept = at.format(ISO_MINUTES);
        LocalDate min = limit(field.minDate());
        LocalDate max = limit(field.maxDate());
        if (min != null && at.toLocalDate().isBefore(min)) {
            return new Outcome(kept, messages.get("error.minDate", format(min, messages)));
        }
        if (max != null && at.toLocalDate().isAfter(max)) {
            return new Outcome(kept, messages.get("error.maxDate", format(max, messages)));
        }
        return new Outcome(kept, null);
    }

    /** {@code 2026-05-04T10:30[:00]}, {@code 2026-05-04 10:30} or {@code 4.5.2026 10:30}; null when none of them. */
    public static LocalDateTime parseDateTime(String value) {
        String s = value.strip();
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).withSecond(0).withNano(0);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s.replaceAll("\\s*,?\\s+", " "), GERMAN_DATE_TIME);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private LocalDate limit(String spec) {
        if (spec == null) {
            return null;
        }
        return spec.equals("today") ? LocalDate.now(clock) : LocalDate.parse(spec);
    }

    private static String format(LocalDate date, Messages messages) {
        return messages.language().equals("de") ? date.format(DateTimeFormatter.ofPattern("dd.MM.uuuu")) : date.toString();
    }

    /** ISO ({@code 2025-03-01}, what date inputs send) or German ({@code 1.3.2025}); null when neither. */
    public static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value, GERMAN_DATE);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Outcome checkboxes(Field field, List<String> ticked, Messages messages) {
        if (ticked.size() > MAX_VALUES) {
            return new Outcome(ticked.subList(0, MAX_VALUES), messages.get("error.option"));
        }
        for (String v : ticked) {
            if (v.length() > MAX_LINE || (!field.options().isEmpty() && !field.hasOption(v))) {
                return new Outcome(ticked, messages.get("error.option"));
            }
        }
        return new Outcome(ticked, field.required() && ticked.isEmpty() ? messages.get("error.required") : null);
    }

    private static Outcome range(Field field, List<?> ends, Messages messages) {
        String fromText = String.valueOf(ends.get(0));
        String toText = String.valueOf(ends.get(1));
        if (fromText.isEmpty() && toText.isEmpty()) {
            return new Outcome(List.of("", ""), field.required() ? messages.get("error.rangeRequired") : null);
        }
        BigDecimal from = fromText.isEmpty() ? null : parseNumber(fromText, messages.language());
        BigDecimal to = toText.isEmpty() ? null : parseNumber(toText, messages.language());
        if ((!fromText.isEmpty() && from == null) || (!toText.isEmpty() && to == null)
                || fromText.length() > 40 || toText.length() > 40) {
            return new Outcome(List.of(fromText, toText), messages.get("error.number"));
        }
        List<String> value = List.of(from == null ? "" : from.toPlainString(), to == null ? "" : to.toPlainString());
        for (BigDecimal end : new BigDecimal[] {from, to}) {
            String error = end == null ? null : checkNumber(field, end, messages);
            if (error != null) {
                return new Outcome(value, error);
            }
        }
        if (from != null && to != null && from.compareTo(to) > 0) {
            return new Outcome(value, messages.get("error.rangeOrder"));
        }
        return new Outcome(value, null);
    }

    private static Outcome file(Field field, FileInput file, Messages messages) {
        if (file == null || file.size() == 0) {
            return new Outcome("", field.required() ? messages.get("error.required") : null);
        }
        if (field.maxBytes() != null && file.size() > field.maxBytes()) {
            return new Outcome(file.fileName(), messages.get("error.fileSize", megabytes(field.maxBytes())));
        }
        if (!FileTypes.accepted(field.accept(), file.contentType())) {
            return new Outcome(file.fileName(), messages.get("error.fileType", String.join(", ", field.accept())));
        }
        return new Outcome(file.fileName(), null);
    }

    /** {@code 10485760} → {@code "10 MB"}, as error messages and hints show sizes. */
    public static String megabytes(long bytes) {
        BigDecimal mb = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1, java.math.RoundingMode.HALF_UP);
        return mb.stripTrailingZeros().toPlainString() + " MB";
    }

    private static String checkNumber(Field field, BigDecimal number, Messages messages) {
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

    /** {@link #parseNumber(String, String)} for a German form. */
    public static BigDecimal parseNumber(String value) {
        return parseNumber(value, "de");
    }

    /**
     * Accepts "1234.5", "1234,5", "1.234,5" and "1,234.5"; a lone separator followed by exactly three digits is read as
     * the form language's thousands separator ("200.000" is 200000 in German, "200,000" in English), any other lone
     * separator as the decimal point. Null when not a number. form.js mirrors this.
     */
    public static BigDecimal parseNumber(String value, String language) {
        String s = value.strip().replace(" ", "").replace("\u00a0", "");
        if (s.length() > 40) {
            return null;
        }
        int dots = s.length() - s.replace(".", "").length();
        int commas = s.length() - s.replace(",", "").length();
        if (dots > 0 && commas > 0) {
            s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (dots > 1 || commas > 1) {
            s = s.replace(".", "").replace(",", "");
        } else if (dots + commas == 1) {
            char group = "en".equals(language) ? ',' : '.';
            int at = Math.max(s.indexOf('.'), s.indexOf(','));
            boolean grouping = s.charAt(at) == group && s.length() - at - 1 == 3 && at > 0;
            s = grouping ? s.substring(0, at) + s.substring(at + 1) : s.replace(',', '.');
        }
        if (!s.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)")) {
            return null;
        }
        return new BigDecimal(s);
    }

    private static String firstOf(Map<String, List<String>> input, String name) {
        List<String> values = input.get(name);
        if (values == null) {
            return "";
        }
        for (String v : values) {
            if (v != null && !v.strip().isEmpty()) {
                return v.strip();
            }
        }
        return "";
    }

    private static List<String> cleaned(List<String> raw, boolean keepEmpty) {
        List<String> out = new ArrayList<>();
        for (String v : raw) {
            String s = v == null ? "" : v.strip();
            if (keepEmpty || !s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
