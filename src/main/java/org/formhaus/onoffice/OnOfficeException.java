package org.formhaus.onoffice;

import java.util.Locale;

/**
 * A failure at the onOffice boundary, classified so that callers decide without parsing strings:
 * {@link #retryable()} is true for transport errors, timeouts, HTTP 5xx and rate limits, false for what retrying
 * cannot fix (credentials, timestamp, missing right, rejected field). Messages never contain the token or secret.
 */
public class OnOfficeException extends Exception {

    /** What went wrong, coarse enough to act on. */
    public enum Reason {
        TRANSPORT(true), TIMEOUT(true), SERVER_ERROR(true), RATE_LIMITED(true),
        NOT_AUTHENTICATED(false), HMAC_INVALID(false), TIMESTAMP_INVALID(false), CUSTOMER_UNKNOWN(false),
        MISSING_RIGHT(false), INVALID_REQUEST(false), ACTION_FAILED(false),
        /** A marketplace API user's call without a valid {@code extendedclaim} (error 193). */
        EXTENDED_CLAIM(false),
        /** A temporary id onOffice gave out (an upload's tmpUploadId) expired; the next try makes a new one. */
        EXPIRED(true),
        /** The URL points to a host that is neither onOffice's nor allowed by the operator; nothing was sent. */
        HOST_NOT_ALLOWED(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether a failure of this kind may go away on another try. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;
    private final int errorCode;
    private final String onOfficeMessage;

    public OnOfficeException(Reason reason, int errorCode, String onOfficeMessage, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.errorCode = errorCode;
        this.onOfficeMessage = onOfficeMessage;
    }

    public OnOfficeException(Reason reason, String message, Throwable cause) {
        this(reason, 0, null, message, cause);
    }

    /** Classifies a failed action result. */
    public static OnOfficeException of(ActionResult result) {
        Reason reason = classify(result.errorCode(), result.message());
        return new OnOfficeException(reason, result.errorCode(), result.message(),
                "onOffice " + result.resourceType() + " action failed: error " + result.errorCode() + " \""
                        + result.message() + "\"", null);
    }

    /**
     * Maps an onOffice error code to a reason: by {@link OnOfficeErrors}' table of documented codes first; only for a
     * code the reference does not list is the message read (e.g. a simulator or a newer server's undocumented code).
     */
    public static Reason classify(int errorCode, String message) {
        return OnOfficeErrors.of(errorCode).map(OnOfficeErrors.Entry::reason).orElseGet(() -> byMessage(message));
    }

    private static Reason byMessage(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (text.contains("extendedclaim")) return Reason.EXTENDED_CLAIM;
        if (text.contains("hmac")) return Reason.HMAC_INVALID;
        if (text.contains("timestamp")) return Reason.TIMESTAMP_INVALID;
        if (text.contains("customer unknown")) return Reason.CUSTOMER_UNKNOWN;
        if (text.contains("not authenticated")) return Reason.NOT_AUTHENTICATED;
        if (text.contains("right") || text.contains("permission") || text.contains("not allowed")) return Reason.MISSING_RIGHT;
        if (text.contains("server error")) return Reason.SERVER_ERROR;
        if (text.contains("unknown field") || text.contains("invalid value") || text.contains("invalid parameter")
                || text.contains("missing parameter") || text.contains("malformed")) return Reason.INVALID_REQUEST;
        return Reason.ACTION_FAILED;
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryable() {
        return reason.retryable;
    }

    public int errorCode() {
        return errorCode;
    }

    /** onOffice's own message text, or null for failures that never reached onOffice. */
    public String onOfficeMessage() {
        return onOfficeMessage;
    }
}
