package org.formhaus.forms;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of input a form field can be. Layout types (heading, paragraph, break) carry no value; a {@code break}
 * starts the next step of a multi-step form, its label being that step's title.
 */
public enum FieldType {
    TEXT, TEXTAREA, EMAIL, PHONE, NUMBER, CURRENCY, AREA, RANGE, DATE,
    /** A date with a time of day (an appointment's start): {@code 2026-05-04T10:30}, one native input. */
    DATETIME,
    SELECT, RADIO, CHECKBOXES, USERSELECT, CONSENT, HIDDEN, HEADING, PARAGRAPH, FILE, BREAK;

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

    /** Headings, paragraphs and step breaks are shown but never submitted. */
    public boolean carriesValue() {
        return this != HEADING && this != PARAGRAPH && this != BREAK;
    }

    /** Types whose value is one of listed options (user select: the onOffice users). */
    public boolean hasOptions() {
        return this == SELECT || this == RADIO || this == CHECKBOXES;
    }

    /** Types whose value may be several strings: checkboxes (ticked values) and range (from, to). */
    public boolean multiValued() {
        return this == CHECKBOXES || this == RANGE;
    }

    /** The most characters a value of this type may have: a textarea's long text, else one line. */
    public int lengthLimit() {
        return this == TEXTAREA ? FormValidator.MAX_TEXT : FormValidator.MAX_LINE;
    }

    public boolean numeric() {
        return this == NUMBER || this == CURRENCY || this == AREA || this == RANGE;
    }
}
