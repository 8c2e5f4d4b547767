package org.formhaus.mail;

import java.util.List;

/**
 * One email of a form as its definition's {@code emails} section sets it: whether it is sent, to whom (the notice;
 * the confirmation goes to the visitor's address), and its subject and body templates (null: the built-in default
 * of the form's language). {@code repeatFields}: the confirmation's opt-in of fields with free text the visitor typed,
 * which it otherwise never repeats. Immutable.
 */
record MailSpec(String name, boolean enabled, List<String> to, String subject, String body, List<String> repeatFields) {

    MailSpec {
        to = List.copyOf(to);
        repeatFields = List.copyOf(repeatFields);
    }

    static MailSpec off(String name) {
        return new MailSpec(name, false, List.of(), null, null, List.of());
    }

    /** The record key of this mail in a submission's records, e.g. {@code mail.confirmation}. */
    String identifier() {
        return "mail." + name;
    }
}
