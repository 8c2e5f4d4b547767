package org.formhaus.forms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Macros in a form's texts: {@code {{field}}} (a submitted or entered value; checkboxes joined by ", "),
 * {@code {{page.url}}} (the embedding page), {@code {{utm.source}}} (any {@code utm_*} value), {@code {{referrer}}},
 * and {@code {{record.Field}}} (a field of the onOffice record the form loaded, by its onOffice name). A name without a
 * value is replaced by nothing. Each value is escaped for where it lands, by the caller of the matching method:
 * percent-encoded in a URL ({@link #url}); as plain text ({@link #text}) for a template that escapes it as HTML text
 * or attribute (FreeMarker's auto-escaping: the form page, the thank-you page); e-mail templates turn macros into
 * FreeMarker expressions of their model ({@code mail.MailMacros}), so the same escaping applies there. Stateless.
 *
 * <pre>{@code
 * Macros.url("https://agency.example/danke?name={{vorname}}", Macros.values(values, context, record))
 * }</pre>
 */
public final class Macros {

    static final Pattern MACRO = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?)\\s*}}");

    /** The loaded record's values, by onOffice field name: none (a form that loaded no record). */
    public static final Map<String, String> NO_RECORD = Map.of();

    private Macros() {
    }

    /** As {@link #values(Map, Map, Map)} for a form that loaded no record. */
    public static Function<String, String> values(Map<String, Object> values, Map<String, String> context) {
        return values(values, context, NO_RECORD);
    }

    /**
     * The macro names' values: submitted values by field name, {@code page.url}, {@code referrer} and
     * {@code utm.<name>} from the page context (its flat form: {@code page}, {@code referrer}, {@code utm_*}), and
     * {@code record.<Field>} from {@code record}.
     *
     * @param record the one input for a loaded record's values: the onOffice record a form loads (an edit link,
     *               #12) by field name as onOffice names it ({@code Vorname}, {@code kaufpreis}); {@link #NO_RECORD}
     *               when the form loaded none
     */
    public static Function<String, String> values(Map<String, Object> values, Map<String, String> context,
                                                  Map<String, String> record) {
        return name -> {
            if (name.equals("page.url")) {
                return context.getOrDefault("page", "");
            }
            if (name.equals("referrer")) {
                return context.getOrDefault("referrer", "");
            }
            if (name.startsWith("utm.")) {
                return context.getOrDefault("utm_" + name.substring(4), "");
            }
            if (name.startsWith("record.")) {
                return record.getOrDefault(name.substring(7), "");
            }
            return String.join(", ", Values.list(values.get(name)));
        };
    }

    /** A loaded record's values (onOffice field name → a value or a list of values) as {@code record} takes them. */
    public static Map<String, String> record(Map<String, ?> values) {
        Map<String, String> record = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> record.put(name, String.join(", ", Values.list(value))));
        return record;
    }

    /** Whether {@code text} holds a macro. */
    public static boolean present(String text) {
        return text != null && text.contains("{{") && MACRO.matcher(text).find();
    }

    /** The macro names in {@code text}, in order (repeats kept). */
    public static java.util.List<String> names(String text) {
        java.util.List<String> names = new java.util.ArrayList<>();
        if (text != null) {
            Matcher m = MACRO.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Whether {@code name} is one of the page context's or a record's, not a field's. */
    public static boolean fixed(String name) {
        return name.equals("page.url") || name.equals("referrer") || name.startsWith("utm.")
                || name.startsWith("record.");
    }

    /** {@code text} with each macro replaced by its value, percent-encoded (UTF-8; a space is %20). */
    public static String url(String text, Function<String, String> valueOf) {
        return replace(text, name -> URLEncoder.encode(valueOf.apply(name), StandardCharsets.UTF_8)
                .replace("+", "%20"));
    }

    /** {@code text} with each macro replaced by its value as it is: for text the caller escapes where it lands. */
    public static String text(String text, Function<String, String> valueOf) {
        return replace(text, valueOf);
    }

    /** {@code text} with every macro replaced by a harmless letter: what save-time URL checks look at. */
    static String withoutMacros(String text) {
        return text == null ? null : MACRO.matcher(text).replaceAll("x");
    }

    private static String replace(String text, Function<String, String> valueOf) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        Matcher m = MACRO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = valueOf.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
