package org.formhaus.export;

import java.util.Locale;
import java.util.Optional;

/** The separator of an export: comma (the standard) or semicolon (what Excel expects with German settings). */
public enum CsvSeparator {
    COMMA(','), SEMICOLON(';');

    private final char character;

    CsvSeparator(char character) {
        this.character = character;
    }

    public char character() {
        return character;
    }

    /** {@code comma} or {@code semicolon}, as a URL names it; empty for anything else. */
    public static Optional<CsvSeparator> named(String name) {
        for (CsvSeparator s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Semicolon for German (Excel's list separator there), comma otherwise. */
    public static CsvSeparator forLanguage(String lang) {
        return "de".equals(lang) ? SEMICOLON : COMMA;
    }
}
