package org.formhaus.connection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.formhaus.onoffice.ApiRight;

/**
 * The result of {@link ConnectionCheck#run}: a plain, immutable record tree that Gson serialises as is.
 * {@code ok} is true when the credentials work, no needed right is missing, no restriction trap is on and every
 * sender mailbox is assigned.
 */
public record ConnectionReport(boolean ok, String checkedAt, Credentials credentials, List<RightCheck> rights,
                               List<MailboxCheck> mailboxes, List<String> warnings, List<FormRights> forms) {

    public ConnectionReport {
        rights = List.copyOf(rights);
        mailboxes = List.copyOf(mailboxes);
        warnings = List.copyOf(warnings);
        forms = List.copyOf(forms);
    }

    public ConnectionReport(boolean ok, String checkedAt, Credentials credentials, List<RightCheck> rights,
                            List<MailboxCheck> mailboxes, List<String> warnings) {
        this(ok, checkedAt, credentials, rights, mailboxes, warnings, List.of());
    }

    /** The detail of a right found off that no form needed when the check ran. */
    public static final String OFF_NOT_NEEDED = "currently off; your forms do not need it";

    /**
     * One form: the rights it needs (labels as on onOffice's Rights tab, derived from its kind and what it maps and
     * does) and those of them the check found missing, with one sentence per missing right for the admin.
     */
    public record FormRights(String form, String title, List<String> needs, List<String> missing,
                             List<String> messages) {
        public FormRights {
            needs = List.copyOf(needs);
            missing = List.copyOf(missing);
            messages = List.copyOf(messages);
        }

        /** "Form 'x' needs "Right", which is missing." */
        public static String sentence(String form, String right) {
            return "Form '" + form + "' needs \"" + right + "\", which is missing.";
        }
    }

    /**
     * This report with each form's needs judged against its rights: {@code formNeeds} maps a form's key to its title
     * and the rights it needs. A form needing a right found missing adds a warning naming form and right.
     */
    public ConnectionReport withForms(Map<String, Map.Entry<String, Set<ApiRight>>> formNeeds) {
        Set<String> missingLabels = new HashSet<>();
        // Off counts as missing for a form that needs it, also when no form needed it at the time of the check.
        rights.stream().filter(r -> r.status() == CheckStatus.MISSING
                || r.status() == CheckStatus.NOT_NEEDED && OFF_NOT_NEEDED.equals(r.detail()))
                .forEach(r -> missingLabels.add(r.right()));
        List<FormRights> out = new ArrayList<>();
        List<String> allWarnings = new ArrayList<>(warnings);
        formNeeds.forEach((key, titled) -> {
            List<String> needs = titled.getValue().stream().map(ApiRight::label).toList();
            List<String> missing = needs.stream().filter(missingLabels::contains).toList();
            List<String> messages = missing.stream().map(m -> FormRights.sentence(key, m)).toList();
            allWarnings.addAll(messages);
            out.add(new FormRights(key, titled.getKey(), needs, missing, messages));
        });
        return new ConnectionReport(ok && out.stream().allMatch(f -> f.missing().isEmpty()), checkedAt, credentials,
                rights, mailboxes, allWarnings, out);
    }

    /** Whether onOffice accepted token, secret and time, and if not, why, in words for the admin. */
    public record Credentials(boolean ok, CredentialsProblem problem, String message) {
    }

    /**
     * One right: its area and exact label on onOffice's Rights tab, the recommended setting, the verdict, what
     * Formhaus needs it for, what breaks without it, and details of the evidence.
     */
    public record RightCheck(String area, String right, String setting, CheckStatus status, String neededFor,
                             String withoutIt, String detail) {
    }

    /** One configured sender mailbox. */
    public record MailboxCheck(String mailbox, CheckStatus status, String message) {
    }

    /** The rights reported as {@link CheckStatus#MISSING} or {@link CheckStatus#WRONG_SETTING}. */
    public List<RightCheck> problems() {
        return rights.stream()
                .filter(r -> r.status() == CheckStatus.MISSING || r.status() == CheckStatus.WRONG_SETTING).toList();
    }
}
