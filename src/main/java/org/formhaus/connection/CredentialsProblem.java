package org.formhaus.connection;

/** Why onOffice did not accept the connection; {@link #NONE} when it did. */
public enum CredentialsProblem {
    NONE, MISSING_CREDENTIALS, WRONG_TOKEN, WRONG_SECRET, CLOCK_SKEW, CUSTOMER_UNKNOWN, MARKETPLACE_CLAIM, UNREACHABLE,
    /** The URL's host is neither onOffice's API host nor one the operator allowed ({@code onoffice.hosts}). */
    HOST_NOT_ALLOWED, OTHER
}
