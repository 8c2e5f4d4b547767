package org.formhaus.forms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Macros in a form's texts: {@code {{field}}} (a submitted value; checkboxes joined by ", "), {@code {{page.url}}}
 * (the embedding page), {@code {{utm.source}}} (any {@code utm_*} value), {@code {{referrer}}}, and
 * {@code {{record.Field}}}, the hook for the loaded onOffice record's fields (empty until a form can load one). A name
 * without a value is replaced by nothing. Each value is escaped for where it lands: percent-encoded in a URL
 * ({@link #url}), so a value can never add a parameter, a path or another host. Stateless.
 *
 * <pre>{@code
 * Macros.url("https://agency.example/danke?name={{vorname}}", Macros.values(values, context))
 * }</pre>
 */
public final class Macros {

    static final Pattern MACRO = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?)\\s*}}");

    private Macros() {
    }

    /**
     * The macro names' values: submitted values by field name, {@code page.url}, {@code referrer} and
     * {@code utm.<name>} from the page context; {@code record.*} is left for the records issue.
     */
    public static Function<String, String> values(Map<String, Object> values, Map<String, String> context) {
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
                return ""; // hook: the loaded record's fields, once a form can load one
            }
            return String.join(", ", Values.list(values.get(name)));
        };
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
