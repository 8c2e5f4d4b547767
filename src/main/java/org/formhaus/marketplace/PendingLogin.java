package org.formhaus.marketplace;

import java.io.Serializable;

/**
 * What a verified service call left in the browser's session for the login page that follows it: the account, the
 * onOffice user onOffice vouched for, whether the page creates the account's first login or links an existing one,
 * until when, and how many wrong passwords were tried. Held server-side in the session only, so it cannot be forged
 * or carried to another browser. Immutable.
 */
record PendingLogin(long accountId, String customerWebId, String userId, Mode mode, long expiresMs, int failures)
        implements Serializable {

    static final String ATTRIBUTE = "formhaus.marketplace.pendingLogin";
    /** Wrong passwords allowed per signed link; then the user opens Formhaus from onOffice again. */
    static final int MAX_FAILURES = 5;

    enum Mode {
        /** The account has no admin user yet: the page creates the first one. */
        CREATE,
        /** The account has admin users: the onOffice user proves one of them once, then is signed in directly. */
        LINK
    }

    PendingLogin failed() {
        return new PendingLogin(accountId, customerWebId, userId, mode, expiresMs, failures + 1);
    }

    PendingLogin as(Mode newMode) {
        return new PendingLogin(accountId, customerWebId, userId, newMode, expiresMs, failures);
    }
}
