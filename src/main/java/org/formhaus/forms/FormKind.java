package org.formhaus.forms;

import java.util.Locale;
import java.util.Optional;

/** What a form is for; decides what a submission becomes in onOffice. */
public enum FormKind {
    CONTACT, INQUIRY, OWNER, VALUATION, SEARCHPROFILE, APPOINTMENT, NEWSLETTER, CUSTOM;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FormKind> fromJson(String name) {
        for (FormKind kind : values()) {
            if (kind.jsonName().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
