package org.formhaus.storage;

/**
 * An API token as the admin sees it after creation: never the token, only an id (the first characters of its
 * SHA-256 hash, enough to tell tokens apart and revoke one), its label and when it was made.
 */
public record ApiToken(String id, String label, long createdMs) {

    /** Characters of the token hash that make up the id. */
    public static final int ID_LENGTH = 16;
}
