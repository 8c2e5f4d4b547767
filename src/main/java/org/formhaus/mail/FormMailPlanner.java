package org.formhaus.mail;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formhaus.delivery.MailPlanner;
import org.formhaus.delivery.PermanentDeliveryException;
import org.formhaus.forms.EmailAddresses;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.Actions;
import org.formhaus.storage.Account;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;

/**
 * Plans a submission's emails from its form's {@code emails} section: the visitor's confirmation (to the address in
 * the form's first e-mail field; skipped when the visitor left it empty) and the internal notice (to the listed
 * addresses, reply-to the visitor). The notice recipient {@code "responsible"} is the responsible agent's onOffice
 * email ({@link ResponsibleAgent}); when no agent or address can be found, the notice goes to the sender mailbox
 * instead, so the agency still hears of the lead. Sent from the form's {@code from} mailbox, else the account's first sender. Each
 * action's identifier ({@code mail.confirmation}, {@code mail.notice}) is its key in the submission's records.
 * Problems that retrying cannot fix (no sender, a template that fails) are {@link PermanentDeliveryException}s.
 * Thread-safe; one per application.
 */
public final class FormMailPlanner implements MailPlanner {

    private static final System.Logger LOG = System.getLogger(FormMailPlanner.class.getName());

    /**
     * Whether a submission's confirmation to an address may go out; the same answer each time for one submission.
     * {@code storage.ConfirmationQuota} counts per address and day across instances.
     */
    @FunctionalInterface
    public interface Quota {
        boolean admits(String submissionId, String address, long nowMs) throws java.sql.SQLException;

        Quota NONE = (submissionId, address, nowMs) -> true;
    }

    /** Looks up an onOffice user's email address by user name; null when unknown. */
    @FunctionalInterface
    public interface UserEmails {
        String emailOf(Account account, String username) throws Exception;
    }

    private final MailTemplates templates = new MailTemplates();
    private final UserEmails userEmails;
    private final Quota quota;

    /**
     * @param userEmails finds an onOffice user's email address, for the recipient "responsible"
     * @param quota      limits the confirmations each address gets
     */
    public FormMailPlanner(UserEmails userEmails, Quota quota) {
        this.userEmails = userEmails;
        this.quota = quota;
    }

    /** Without a user directory: "responsible" falls back to the sender mailbox; no confirmation quota. */
    public FormMailPlanner() {
        this((account, username) -> null, Quota.NONE);
    }

    @Override
    public List<Action> mails(Submission submission, StoredForm form, Account account, JsonObject records)
            throws PermanentDeliveryException, java.sql.SQLException {
        FormDefinition definition = form.definition();
        List<org.formhaus.forms.DefinitionException.Problem> problems = new ArrayList<>();
        FormEmails emails = FormEmails.read(definition, problems);
        if (!problems.isEmpty()) {
            throw new PermanentDeliveryException("The e-mail settings of form '" + definition.key() + "' are invalid ("
                    + problems.get(0) + "): correct the form, then retry");
        }
        if (!emails.confirmation().enabled() && !emails.notice().enabled()) {
            return List.of();
        }
        Map<String, Object> values = submission.data().values();
        Map<String, Object> model = MailModel.of(definition, values, submission.id(), submission.createdMs());
        String sender = sender(emails, account);
        String visitor = visitorEmail(definition, values);
        List<Action> mails = new ArrayList<>();
        if (emails.confirmation().enabled() && visitor != null && admitted(submission, form, visitor)) {
            mails.add(mail(emails.confirmation(), definition, MailModel.forConfirmation(definition, values,
                    emails.confirmation().repeatFields(), submission.id(), submission.createdMs()), sender,
                    List.of(visitor), null));
        }
        if (emails.notice().enabled()) {
            mails.add(mail(emails.notice(), definition, model, sender,
                    noticeRecipients(emails.notice(), definition, account, records, sender), visitor));
        }
        return mails;
    }

    private boolean admitted(Submission submission, StoredForm form, String visitor) throws java.sql.SQLException {
        if (quota.admits(submission.id(), visitor, System.currentTimeMillis())) {
            return true;
        }
        // No address in the log: personal data.
        LOG.log(System.Logger.Level.INFO, "Confirmation of submission " + submission.id() + " (form " + form.key()
                + ") not sent: its address had today's confirmations already");
        return false;
    }

    private Action mail(MailSpec spec, FormDefinition form, Map<String, Object> model, String sender,
                        List<String> to, String replyTo) throws PermanentDeliveryException {
        String place = "emails." + spec.name();
        try {
            String subject = templates.render(place + ".subject", MailTemplates.Part.SUBJECT,
                    source(spec.subject(), spec.name(), form, MailTemplates.Part.SUBJECT), model);
            String body = templates.render(place + ".body", MailTemplates.Part.BODY,
                    source(spec.body(), spec.name(), form, MailTemplates.Part.BODY), model);
            return Actions.sendMail(sender, to, subject, body, true, replyTo).withIdentifier(spec.identifier());
        } catch (MailTemplates.MailTemplateException e) {
            throw new PermanentDeliveryException("The " + spec.name() + " e-mail of form '" + form.key()
                    + "' could not be written: " + e.getMessage() + "; fix the template, then retry", e);
        }
    }

    private List<String> noticeRecipients(MailSpec notice, FormDefinition form, Account account, JsonObject records,
                                          String sender) {
        List<String> to = new ArrayList<>();
        for (String recipient : notice.to()) {
            if (!recipient.equals(ResponsibleAgent.KEYWORD)) {
                to.add(recipient);
                continue;
            }
            String agent = agentEmail(form, account, records);
            if (agent != null && !to.contains(agent)) {
                to.add(agent);
            }
        }
        return to.isEmpty() ? List.of(sender) : to;
    }

    private String agentEmail(FormDefinition form, Account account, JsonObject records) {
        String username = ResponsibleAgent.username(form, records);
        if (username == null) {
            return null;
        }
        try {
            String email = userEmails.emailOf(account, username);
            return email != null && EmailAddresses.isValid(email) ? email : null;
        } catch (Exception e) {
            // The user list could not be read (e.g. the right "Read user data via API" is missing): the notice still
            // goes out, to the sender mailbox, rather than holding up the lead.
            LOG.log(System.Logger.Level.WARNING, "Responsible agent's email unknown for form " + form.key() + ": "
                    + e.getMessage());
            return null;
        }
    }

    static String source(String own, String mail, FormDefinition form, MailTemplates.Part part) {
        return own != null ? own : MailTemplates.builtIn(mail, form.language(), part);
    }

    private static String sender(FormEmails emails, Account account) throws PermanentDeliveryException {
        if (emails.from() != null) {
            return emails.from();
        }
        if (account.senders().isEmpty()) {
            throw new PermanentDeliveryException("No sender mailbox is configured: enter the address of an onOffice "
                    + "mailbox the API user is assigned to under Settings → onOffice → senders, then retry");
        }
        return account.senders().get(0);
    }

    /** The visitor's address: the first e-mail field that holds a valid one. */
    static String visitorEmail(FormDefinition form, Map<String, Object> values) {
        for (Field field : form.fields()) {
            if (field.type() == FieldType.EMAIL && values.get(field.name()) instanceof String value
                    && EmailAddresses.isValid(value.strip())) {
                return value.strip();
            }
        }
        return null;
    }
}
