package org.formhaus.connection;

import java.util.List;

/**
 * The result of {@link ConnectionCheck#run}: a plain, immutable record tree that Gson serialises as is.
 * {@code ok} is true when the credentials work, no needed right is missing, no restriction trap is on and every
 * sender mailbox is assigned.
 */
public record ConnectionReport(boolean ok, String checkedAt, Credentials credentials, List<RightCheck> rights,
                               List<MailboxCheck> mailboxes, List<String> warnings) {

    public ConnectionReport {
        rights = List.copyOf(rights);
        mailboxes = List.copyOf(mailboxes);
        warnings = List.copyOf(warnings);
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
