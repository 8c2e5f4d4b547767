package org.formhaus.mail;

import java.util.List;

/**
 * One email of a form as its definition's {@code emails} section sets it: whether it is sent, to whom (the notice;
 * the confirmation goes to the visitor's address), and its subject and body templates (null: the built-in default
 * of the form's language). Immutable.
 */
record MailSpec(String name, boolean enabled, List<String> to, String subject, String body) {

    MailSpec {
        to = List.copyOf(to);
    }

    static MailSpec off(String name) {
        return new MailSpec(name, false, List.of(), null, null);
    }

    /** The record key of this mail in a submission's records, e.g. {@code mail.confirmation}. */
    String identifier() {
        return "mail." + name;
    }
}
