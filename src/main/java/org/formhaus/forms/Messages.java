package org.formhaus.forms;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Built-in texts in German and English. Thread-safe; bundles are cached by the JDK. */
public final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** "de" or "en"; anything else falls back to German, the product's home market. */
    public static Messages forLanguage(String language) {
        return new Messages("en".equals(language) ? Locale.ENGLISH : Locale.GERMAN);
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public String language() {
        return locale.getLanguage();
    }
}
