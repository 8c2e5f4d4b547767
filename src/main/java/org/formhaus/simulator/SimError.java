package org.formhaus.simulator;

/**
 * A per-action failure of the simulator: onOffice-style error code and message. The codes other than 137 (HMAC
 * invalid, as seen in a third-party adapter) and 193 (extendedclaim) are the simulator's own choice because onOffice
 * does not document them; see {@link Simulator} for the list.
 */
final class SimError extends Exception {

    static final int HMAC_INVALID = 137;
    static final int TIMESTAMP_INVALID = 138;
    static final int MISSING_RIGHT = 140;
    static final int UNKNOWN_FIELD = 141;
    static final int INVALID_VALUE = 142;
    static final int MISSING_PARAMETER = 143;
    static final int NOT_FOUND = 144;
    static final int IDENTITY_NOT_ASSIGNED = 145;
    static final int UNKNOWN_ACTION = 146;
    static final int EXTENDED_CLAIM = 193;

    final int code;

    SimError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static SimError missingParameter(String name) {
        return new SimError(MISSING_PARAMETER, "Missing parameter: " + name);
    }

    static SimError notFound(String type, Object id) {
        return new SimError(NOT_FOUND, "Record not found: " + type + " " + id);
    }

    /** onOffice's documented answer to a marketplace API user's call without a valid claim. */
    static SimError extendedClaim() {
        return new SimError(EXTENDED_CLAIM, "parameter extendedclaim is required, but missing, empty or invalid");
    }

    static SimError invalid(String field, String why) {
        return new SimError(INVALID_VALUE, "Invalid value for field '" + field + "': " + why);
    }
}
