package org.formhaus.simulator;

/**
 * A per-action failure of the simulator: onOffice's error code and exact message where the reference lists one
 * (onoffice-api.md §4.1, mirrored by {@code OnOfficeErrors}); the simulator's own codes remain only where the reference
 * is silent (140 missing right, 142 invalid value), see {@link Simulator} for the list.
 */
final class SimError extends Exception {

    static final int HMAC_INVALID = 137;
    static final int TIMESTAMP_INVALID = 136;
    static final int MISSING_RIGHT = 140;
    static final int UNKNOWN_FIELD = 141;
    static final int INVALID_VALUE = 142;
    /** 255 'Invalid value for parameter "%s"': the reference lists no code for a missing parameter. */
    static final int MISSING_PARAMETER = 255;
    static final int UNKNOWN_USER = 251;
    static final int UNKNOWN_USER_ID = 184;
    static final int USERS_NOT_IDS = 301;
    static final int NOT_FOUND = 80;
    /** "Missing write right for address(es) with id(s) %s" (onoffice-api.md §4.1). */
    static final int ADDRESS_WRITE_RIGHT = 261;
    static final int INVALID_EMAIL_IDENTITY = 51;
    static final int UNKNOWN_ACTION_ID = 23;
    static final int UNKNOWN_RESOURCE_TYPE = 25;
    static final int TMP_UPLOAD_MISSING = 129;
    static final String HMAC_MESSAGE = "The HMAC is invalid.";
    static final String TIMESTAMP_MESSAGE = "Your timestamp is too old or your server time is wrong.";
    static final String NOT_FOUND_MESSAGE = "Unknown record. Record may not exist or the permission rights are not set "
            + "accordingly for this action.";
    static final int EXTENDED_CLAIM = 193;

    final int code;

    SimError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static SimError missingParameter(String name) {
        return new SimError(MISSING_PARAMETER, "Invalid value for parameter \"" + name + "\"");
    }

    /** onOffice's 80, which does not say whether the record is missing or hidden from the API user. */
    static SimError notFound() {
        return new SimError(NOT_FOUND, NOT_FOUND_MESSAGE);
    }

    /** onOffice's documented answer to a marketplace API user's call without a valid claim. */
    static SimError extendedClaim() {
        return new SimError(EXTENDED_CLAIM, "parameter extendedclaim is required, but missing, empty or invalid");
    }

    /**
     * A refusal with a documented rights code and its exact message (onoffice-api.md §4.1): 170 "No read permission
     * for this user", 191 "No read access to email template", 245 "... pdf form", 246 "... pdf letter". Like onOffice's,
     * the message does not name the right.
     */
    static SimError refused(int code) {
        return new SimError(code, switch (code) {
            case 170 -> "No read permission for this user";
            case 191 -> "No read access to email template";
            case 245 -> "No read access to pdf form";
            case 246 -> "No read access to pdf letter";
            default -> throw new IllegalArgumentException("No documented refusal " + code);
        });
    }

    static SimError invalid(String field, String why) {
        return new SimError(INVALID_VALUE, "Invalid value for field '" + field + "': " + why);
    }
}
