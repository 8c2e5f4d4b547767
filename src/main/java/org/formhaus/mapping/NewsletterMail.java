package org.formhaus.mapping;

import java.util.List;
import java.util.Map;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.Actions;

/**
 * Newsletter double opt-in, Formhaus's own: the visitor receives a confirmation link by e-mail, sent through onOffice
 * from the account's first sender mailbox (records key {@link #KEY}); nothing else reaches onOffice before they
 * confirm (the button on the page the link opens); then the address is written with {@code newsletter_aktiv} =
 * {@link #CONFIRMED} ({@link SubmissionMapper#confirmation}). Under onOffice's double opt-in the address is written at
 * once and DO {@code registerNewsletter} is recorded as {@link #REGISTERED}.
 */
final class NewsletterMail {

    /** onOffice's newsletter_aktiv value 1 = yes (3 = double opt-in pending is onOffice's to set). */
    static final String CONFIRMED = "1";
    /** The records key of Formhaus's confirmation mail. */
    static final String KEY = "mail.newsletterConfirmation";
    /** The records key of DO registerNewsletter (onOffice's double opt-in). */
    static final String REGISTERED = "newsletter.registered";

    private NewsletterMail() {
    }

    static Action confirmation(FormDefinition form, MappedValues mapped, List<String> senders, String url) {
        Map<String, Object> address = mapped.module("address");
        Object email = address.containsKey("Email") ? address.get("Email") : address.get("email");
        if (email == null) {
            throw new MappingException("A newsletter form needs a field mapped to address.Email");
        }
        if (senders.isEmpty()) {
            throw new MappingException("No sender mailbox is set for the account: add one in the onOffice settings");
        }
        boolean en = "en".equals(form.language());
        String subject = en ? "Please confirm your newsletter subscription" : "Bitte bestätigen Sie Ihre Newsletter-Anmeldung";
        String body = en
                ? "Hello,\n\nplease confirm that you want to receive our newsletter: open this link and press the button "
                + "there:\n" + url
                + "\n\nIf you did not subscribe, ignore this e-mail; you will receive nothing further.\n"
                : "Guten Tag,\n\nbitte bestätigen Sie, dass Sie unseren Newsletter erhalten möchten: Öffnen Sie diesen Link und "
                + "klicken Sie dort auf die Schaltfläche:\n"
                + url + "\n\nFalls Sie sich nicht angemeldet haben, ignorieren Sie diese E-Mail; Sie erhalten dann nichts weiter.\n";
        return Actions.sendMail(senders.get(0), List.of(email.toString()), subject, body, false, null);
    }
}
