package org.formhaus.forms;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Built-in texts in German and English. Immutable and thread-safe; one instance per language. */
public final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final Messages GERMAN = new Messages(Locale.GERMAN);
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    /** "de" or "en"; anything else falls back to German, the product's home market. */
    public static Messages forLanguage(String language) {
        return "en".equals(language) ? ENGLISH : GERMAN;
    }

    /** Every key starting with {@code prefix}, unformatted ({@code {0}} left in place), for the browser's use. */
    public java.util.Map<String, String> withPrefix(String prefix) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith(prefix)) {
                out.put(key, bundle.getString(key));
            }
        }
        return out;
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public String language() {
        return locale.getLanguage();
    }
}
