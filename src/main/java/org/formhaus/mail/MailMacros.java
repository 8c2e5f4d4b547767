package org.formhaus.mail;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the form's macros ({@code {{vorname}}}, {@code {{page.url}}}, {@code {{referrer}}}, {@code {{utm.source}}},
 * {@code {{record.Name}}}; see {@code forms.Macros}) in an e-mail template into FreeMarker expressions of the mail's
 * model ({@link MailModel}), so that a value is never template code and is escaped for where it lands:
 * <ul>
 *   <li>the subject: plain text (line breaks are removed after rendering, so no header can be added);</li>
 *   <li>body text and attributes: HTML-escaped by FreeMarker's auto-escaping;</li>
 *   <li>a whole URL attribute ({@code href="{{page.url}}"}): the value only when it is an {@code http(s)://} or
 *       {@code mailto:} address, else nothing (no {@code javascript:} link);</li>
 *   <li>inside a URL attribute ({@code href="https://x.example/?q={{vorname}}"}): percent-encoded.</li>
 * </ul>
 * A macro inside an event handler ({@code onclick}) or {@code style} attribute is refused. {@code ${values.x}} and
 * the rest of FreeMarker stay as they are: macros are the short way to the same model. Stateless.
 */
final class MailMacros {

    private static final Pattern MACRO = Pattern.compile(
            "\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?)\\s*}}");
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z_:][-A-Za-z0-9_:.]*)\\s*=\\s*([\"']?)([^\"'>]*)$");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "background",
            "cite", "poster", "xlink:href");
    /** What a whole URL may be: an absolute web address or a mail address link. */
    private static final String SAFE_URL = "(?i)(https?://|mailto:)[^\\s\\x00-\\x1f]*";

    private MailMacros() {
    }

    /** {@code source} with each macro as the FreeMarker expression fit for its place. */
    static String toFreeMarker(String source, MailTemplates.Part part, String name)
            throws MailTemplates.MailTemplateException {
        if (source == null || !source.contains("{{")) {
            return source;
        }
        Matcher m = MACRO.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = "((" + expression(m.group(1)) + ")!\"\")";
            String replacement = part == MailTemplates.Part.SUBJECT ? "${" + value + "}"
                    : forBody(source.substring(0, m.start()), value, m.group(1), name);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String forBody(String before, String value, String macro, String name)
            throws MailTemplates.MailTemplateException {
        if (before.lastIndexOf('<') <= before.lastIndexOf('>')) {
            return "${" + value + "}"; // text: auto-escaped as HTML
        }
        Matcher a = ATTRIBUTE.matcher(before.substring(before.lastIndexOf('<')));
        if (!a.find()) {
            throw new MailTemplates.MailTemplateException(name + " does not parse: {{" + macro + "}} stands inside a"
                    + " tag but not in an attribute's value", null);
        }
        String attribute = a.group(1).toLowerCase(Locale.ROOT);
        if (attribute.startsWith("on") || attribute.equals("style") || a.group(2).isEmpty()) {
            throw new MailTemplates.MailTemplateException(name + " does not parse: {{" + macro + "}} may not stand in"
                    + (a.group(2).isEmpty() ? " an unquoted attribute" : " the attribute " + attribute), null);
        }
        if (!URL_ATTRIBUTES.contains(attribute)) {
            return "${" + value + "}"; // an ordinary attribute: auto-escaped, quotes included
        }
        if (a.group(3).isBlank()) {
            return "${" + value + "?matches(r\"" + SAFE_URL + "\")?then(" + value + ", \"\")}";
        }
        return "${" + value + "?url(\"UTF-8\")}";
    }

    /** The model expression of a macro name. */
    private static String expression(String name) {
        if (name.equals("page.url")) {
            return "page.url";
        }
        if (name.equals("referrer")) {
            return "referrer";
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            String map = name.substring(0, dot);
            return (map.equals("utm") || map.equals("record") ? map : "unknown") + "[\"" + name.substring(dot + 1) + "\"]";
        }
        return "values[\"" + name + "\"]";
    }
}
