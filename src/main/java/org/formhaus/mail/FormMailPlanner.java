package org.formhaus.mail;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * the form's first e-mail field; skipped when the visitor left it empty), the internal notice (to the listed
 * addresses, reply-to the visitor) and up to one further mail ({@code more}; three in all), each with its copies, an
 * optional onOffice e-mail template and its attachments ({@link MailAttachments}); and, when the form asks for it,
 * onOffice's address-completion mail to the visitor's new address ({@code mail.addressCompletion}, at most once like
 * the others). The notice recipient {@code "responsible"} is the responsible agent's onOffice
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

    /** A submission's uploaded files with their bytes (files retention has deleted are left out). */
    @FunctionalInterface
    public interface UploadedFiles {
        /** One file as the visitor uploaded it. */
        record File(String name, byte[] content) {
        }

        List<File> of(String submissionId) throws Exception;
    }

    /** Looks up an onOffice user's email address by user name; null when unknown. */
    @FunctionalInterface
    public interface UserEmails {
        String emailOf(Account account, String username) throws Exception;
    }

    private final MailTemplates templates = new MailTemplates();
    private final UserEmails userEmails;
    private final Quota quota;
    private final UploadedFiles uploadedFiles;
    private final EditLinkIssuer editLinks;

    /**
     * @param userEmails    finds an onOffice user's email address, for the recipient "responsible"
     * @param quota         limits the confirmations each address gets
     * @param uploadedFiles the visitor's uploaded files, for mails that attach them
     */
    public FormMailPlanner(UserEmails userEmails, Quota quota, UploadedFiles uploadedFiles) {
        this(userEmails, quota, uploadedFiles, (accountId, editForm, submissionId, records) -> java.util.Optional.empty());
    }

    /** @param editLinks makes the edit links templates ask for ({@code ${editLinks["form"]}}, #12) */
    public FormMailPlanner(UserEmails userEmails, Quota quota, UploadedFiles uploadedFiles,
                           EditLinkIssuer editLinks) {
        this.userEmails = userEmails;
        this.quota = quota;
        this.uploadedFiles = uploadedFiles;
        this.editLinks = editLinks;
    }

    /** Makes an edit link to a form for the record the submission created or edited; empty when it cannot. */
    @FunctionalInterface
    public interface EditLinkIssuer {
        java.util.Optional<String> issue(long accountId, String editForm, String submissionId, JsonObject records)
                throws java.sql.SQLException;
    }

    /**
     * Without a user directory, confirmation quota and uploaded files: "responsible" falls back to the sender mailbox.
     */
    public FormMailPlanner() {
        this((account, username) -> null, Quota.NONE, submissionId -> List.of());
    }

    @Override
    public List<Action> mails(Submission submission, StoredForm form, Account account, JsonObject records)
            throws PermanentDeliveryException, java.sql.SQLException {
        return mails(submission, form, account, records, List.of());
    }

    /** The differences from an existing contact go into the agency's mails ({@code differences}), never the visitor's. */
    @Override
    public List<Action> mails(Submission submission, StoredForm form, Account account, JsonObject records,
                              List<org.formhaus.mapping.ContactDifference> differences)
            throws PermanentDeliveryException, java.sql.SQLException {
        // In the visitor's language: built-in templates, labels and options as the visitor saw them.
        FormDefinition definition = form.definition().inLanguage(submission.data().language());
        List<org.formhaus.forms.DefinitionException.Problem> problems = new ArrayList<>();
        FormEmails emails = FormEmails.read(definition, problems);
        if (!problems.isEmpty()) {
            throw new PermanentDeliveryException("The e-mail settings of form '" + definition.key() + "' are invalid ("
                    + problems.get(0) + "): correct the form, then retry");
        }
        List<MailSpec> enabled = emails.all().stream().filter(MailSpec::enabled).toList();
        if (enabled.isEmpty() && emails.addressCompletion() == null) {
            return List.of();
        }
        Map<String, Object> values = submission.data().values();
        EditLinkValues links = new EditLinkValues(editLinks, submission.accountId(), submission.id(), records);
        // Hook (#12): the record an edit link loaded could fill {{record.X}}; a delivered submission keeps none.
        Map<String, String> record = org.formhaus.forms.Macros.NO_RECORD;
        Map<String, Object> model = MailModel.withDifferences(MailModel.withEditLinks(MailModel.of(definition, values,
                submission.id(), submission.createdMs(), submission.data().context().asMap(), record), links),
                differences, definition.language());
        String sender = sender(emails, account);
        String visitor = visitorEmail(definition, values);
        String estate = estateOf(definition, values, records);
        List<Action> mails = new ArrayList<>();
        Map<String, Object> visitorModel = MailModel.withEditLinks(MailModel.forConfirmation(definition, values,
                emails.confirmation().repeatFields(), submission.id(), submission.createdMs(), record), links);
        Boolean admitted = null;
        for (MailSpec spec : enabled) {
            if (records.has(spec.identifier())) {
                continue; // sent (or tried) already: not written again, so it makes no new edit link
            }
            List<String> to = spec.name().equals("confirmation") ? (visitor == null ? List.of() : List.of(visitor))
                    : recipients(spec, definition, account, records, sender, visitor);
            if (to.isEmpty()) {
                continue; // the confirmation of a visitor who left the e-mail field empty
            }
            // A mail to the address the visitor typed is no spam relay: it repeats no free text (unless opted in) and
            // counts against that address's daily confirmations.
            boolean toVisitor = visitor != null && to.contains(visitor);
            if (toVisitor && admitted == null) {
                admitted = admitted(submission, form, visitor);
            }
            if (toVisitor && !admitted) {
                to = to.stream().filter(r -> !r.equals(visitor)).toList(); // the agency's copy still goes
                toVisitor = false;
                if (to.isEmpty()) {
                    continue;
                }
            }
            mails.add(mail(spec, definition, toVisitor ? visitorModel : model, sender, to,
                    spec.replyToVisitor() ? visitor : null, submission.id(), estate, !toVisitor));
        }
        String address = records.has("address") ? records.get("address").getAsString() : null;
        if (emails.addressCompletion() != null && address != null) {
            mails.add(Actions.sendAddressCompletion(address, emails.addressCompletion(), sender)
                    .withIdentifier("mail.addressCompletion"));
        }
        return mails;
    }

    private Action mail(MailSpec spec, FormDefinition form, Map<String, Object> model, String sender,
                        List<String> to, String replyTo, String submissionId, String estate, boolean uploadsAllowed)
            throws PermanentDeliveryException, java.sql.SQLException {
        String place = spec.place();
        try {
            // The visitor's language: translations.<lang>.texts may give this mail's own subject and body.
            String subject = templates.render(place + ".subject", MailTemplates.Part.SUBJECT,
                    source(own(form, place + ".subject", spec.subject()), spec.name(), form,
                            MailTemplates.Part.SUBJECT), model);
            String body = templates.render(place + ".body", MailTemplates.Part.BODY,
                    source(own(form, place + ".body", spec.body()), spec.name(), form, MailTemplates.Part.BODY), model);
            Actions.MailExtras extras = new Actions.MailExtras(spec.templateId(), spec.cc(), spec.bcc(),
                    estate == null ? List.of() : List.of(estate),
                    spec.attach().expose() == null || estate == null ? List.of()
                            : List.of(MailAttachments.exposeUrn(spec.attach().expose())),
                    estate == null ? List.of() : spec.attach().documents(),
                    spec.attach().uploads() && uploadsAllowed ? uploads(submissionId) : Map.of());
            if (spec.attach().needsEstate() && estate == null) {
                LOG.log(System.Logger.Level.WARNING, "The " + spec.name() + " e-mail of form " + form.key()
                        + " goes without its exposé or estate files: the submission names no estate");
            }
            return Actions.sendMail(sender, to, subject, body, true, replyTo, extras)
                    .withIdentifier(spec.identifier());
        } catch (MailTemplates.MailTemplateException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof EditLinkValues.Unavailable u) { // a database blip: tried again later, not failed
                    throw new java.sql.SQLException("An edit link for the " + spec.name() + " e-mail could not be "
                            + "stored: " + u.getMessage(), u.getCause());
                }
            }
            throw new PermanentDeliveryException("The " + spec.name() + " e-mail of form '" + form.key()
                    + "' could not be written: " + e.getMessage() + "; fix the template, then retry", e);
        }
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

    /** The visitor's uploaded files by file name (a name used twice gets a number); missing ones are left out. */
    private Map<String, byte[]> uploads(String submissionId) throws PermanentDeliveryException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (UploadedFiles.File file : uploadedFiles.of(submissionId)) {
                String name = file.name();
                for (int n = 2; files.containsKey(name); n++) {
                    name = n + "-" + file.name();
                }
                files.put(name, file.content());
            }
        } catch (Exception e) {
            throw new PermanentDeliveryException("The uploaded files could not be read for the e-mail: "
                    + e.getMessage() + "; retry", e);
        }
        return files;
    }

    /** The submission's estate: the one it created, else the one it asks about (the field mapped to estate.Id). */
    static String estateOf(FormDefinition form, Map<String, Object> values, JsonObject records) {
        if (records.has("estate") && records.get("estate").isJsonPrimitive()) {
            return records.get("estate").getAsString();
        }
        for (Field field : form.fields()) {
            if ("estate.Id".equals(field.maps()) && values.get(field.name()) instanceof String id
                    && id.strip().matches("\\d{1,18}")) {
                return id.strip();
            }
        }
        return null;
    }

    private List<String> recipients(MailSpec spec, FormDefinition form, Account account, JsonObject records,
                                    String sender, String visitor) {
        List<String> to = new ArrayList<>();
        for (String recipient : spec.to()) {
            if (recipient.equals(FormEmails.VISITOR)) {
                if (visitor != null && !to.contains(visitor)) {
                    to.add(visitor);
                }
                continue;
            }
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

    /** A mail's own text in the form's language (its translation, when given), else the definition's. */
    private static String own(FormDefinition form, String place, String text) {
        String translated = text == null ? null : form.text(place);
        return translated == null || translated.isBlank() ? text : translated;
    }

    static String source(String own, String mail, FormDefinition form, MailTemplates.Part part) {
        // A further mail without its own text reads like the notice.
        return own != null ? own : MailTemplates.builtIn(mail.startsWith("more") ? "notice" : mail, form.language(),
                part);
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
