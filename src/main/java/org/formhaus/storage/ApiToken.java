package org.formhaus.storage;

/**
 * An API token as the admin sees it after creation: never the token, only an id (the first characters of its
 * SHA-256 hash, enough to tell tokens apart and revoke one), its label, the email of the user it belongs to (and
 * acts as; empty for a credential of the account, such as a provisioning key) and when it was made.
 */
public record ApiToken(String id, String label, String userEmail, long createdMs) {

    /** Characters of the token hash that make up the id. */
    public static final int ID_LENGTH = 16;

    /** A credential that belongs to no user, such as an account's provisioning key. */
    public ApiToken(String id, String label, long createdMs) {
        this(id, label, "", createdMs);
    }

    /** The id of the token with this hash. */
    public static String idOf(String tokenHash) {
        return tokenHash.substring(0, ID_LENGTH);
    }
}
