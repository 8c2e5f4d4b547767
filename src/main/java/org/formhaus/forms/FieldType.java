package org.formhaus.forms;

import java.util.Locale;
import java.util.Optional;

/** The kinds of input a form field can be. Layout types carry no value. */
public enum FieldType {
    TEXT, TEXTAREA, EMAIL, PHONE, NUMBER, CURRENCY, AREA, RANGE, DATE,
    SELECT, RADIO, CHECKBOXES, USERSELECT, CONSENT, HIDDEN, HEADING, PARAGRAPH, FILE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldType> fromJson(String name) {
        for (FieldType type : values()) {
            if (type.jsonName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Headings and paragraphs are shown but never submitted. */
    public boolean carriesValue() {
        return this != HEADING && this != PARAGRAPH;
    }

    /** Types whose value is one of listed options. */
    public boolean hasOptions() {
        return this == SELECT || this == RADIO || this == CHECKBOXES;
    }

    public boolean numeric() {
        return this == NUMBER || this == CURRENCY || this == AREA || this == RANGE;
    }
}
