package org.formhaus.connection;

/** The verdict on one checked item. */
public enum CheckStatus {
    /** present and working */
    OK,
    /** the right is missing (or the mailbox is not assigned) and the account's forms need it */
    MISSING,
    /** a restriction that should be off appears to be on */
    WRONG_SETTING,
    /** the account's forms do not use it (its actual state is in the detail) */
    NOT_NEEDED,
    /** could not be determined through the API; check it by hand on the Rights tab */
    UNVERIFIED
}
