package org.formhaus.mail;

import java.util.List;

/**
 * One email of a form as its definition's {@code emails} section sets it: whether it is sent, to whom (the notice and
 * the further mails; the confirmation goes to the visitor's address), copies ({@code cc}, {@code bcc}), whether
 * replies go to the visitor, its subject and body templates (null: the built-in default of the form's language) or
 * an onOffice e-mail template ({@code templateid}, which then writes the body), and its attachments.
 * {@code repeatFields}: the confirmation's opt-in of fields with free text the visitor typed, which it otherwise never
 * repeats. Immutable.
 */
record MailSpec(String name, boolean enabled, List<String> to, String subject, String body, Integer templateId,
                List<String> cc, List<String> bcc, boolean replyToVisitor, MailAttachments attach,
                List<String> repeatFields) {

    MailSpec {
        to = List.copyOf(to);
        repeatFields = List.copyOf(repeatFields);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
    }

    static MailSpec off(String name) {
        return new MailSpec(name, false, List.of(), null, null, null, List.of(), List.of(), false,
                MailAttachments.NONE, List.of());
    }

    /** The record key of this mail in a submission's records, e.g. {@code mail.confirmation}. */
    String identifier() {
        return "mail." + name;
    }

    /** The place of this mail in the definition, e.g. {@code emails.notice} or {@code emails.more[0]}. */
    String place() {
        return name.startsWith("more") ? FormEmails.SECTION + ".more[" + (Integer.parseInt(name.substring(4)) - 1) + "]"
                : FormEmails.SECTION + "." + name;
    }
}
