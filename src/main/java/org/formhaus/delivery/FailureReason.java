package org.formhaus.delivery;

import java.util.Locale;
import org.formhaus.onoffice.OnOfficeException;

/**
 * The reason an admin reads on a failed or retrying submission: what onOffice said, in its own words, and what to fix
 * before retrying. Never contains the token or secret (onOffice's messages and the client's never do).
 */
final class FailureReason {

    private FailureReason() {
    }

    static String of(OnOfficeException e) {
        String said = e.onOfficeMessage() == null ? e.getMessage()
                : "onOffice error " + e.errorCode() + " \"" + e.onOfficeMessage() + "\"";
        if (mailboxProblem(e)) { // onOffice's 51 "Invalid email identity"; other servers' codes vary
            return mailboxHint(e, said);
        }
        return switch (e.reason()) {
            case NOT_AUTHENTICATED, CUSTOMER_UNKNOWN -> "onOffice rejected the credentials (" + said
                    + "): check the API user's token and secret under Settings → onOffice, then retry";
            case HMAC_INVALID -> "onOffice rejected the signature (" + said + "): the secret does not belong to the "
                    + "token; check the API user's token and secret under Settings → onOffice, then retry";
            case TIMESTAMP_INVALID -> "onOffice rejected the request time (" + said + "): this server's clock is off; "
                    + "synchronise it (NTP), then retry";
            case MISSING_RIGHT -> "The onOffice API user lacks a right (" + said + "): grant it in onOffice under "
                    + "Tools → Settings → Users → the API user → Rights, then retry";
            case INVALID_REQUEST -> "onOffice rejected a field or value (" + said + "): correct the form's fields or "
                    + "their mapping, then retry";
            case EXTENDED_CLAIM -> "onOffice wants a current Marketplace claim (" + said + "): a user of the customer "
                    + "must open Formhaus once from inside onOffice (Marketplace), which renews the claim, then retry";
            case ACTION_FAILED -> mailboxHint(e, said);
            case HOST_NOT_ALLOWED -> said + ": set onOffice's API URL under Settings → onOffice, then retry";
            default -> said;
        };
    }

    private static boolean mailboxProblem(OnOfficeException e) {
        String text = e.onOfficeMessage() == null ? "" : e.onOfficeMessage().toLowerCase(Locale.ROOT);
        return e.errorCode() == 51 || text.contains("identity") || text.contains("mailbox");
    }

    private static String mailboxHint(OnOfficeException e, String said) {
        String text = e.onOfficeMessage() == null ? "" : e.onOfficeMessage().toLowerCase(Locale.ROOT);
        if (text.contains("identity") || text.contains("mailbox")) {
            return "onOffice refused the sender mailbox (" + said + "): assign the API user to that mailbox in onOffice "
                    + "(Tools → Settings → Basic settings → Email) or change the senders under Settings → onOffice, "
                    + "then retry";
        }
        return "onOffice refused the request (" + said + "); fix the cause, then retry";
    }
}
