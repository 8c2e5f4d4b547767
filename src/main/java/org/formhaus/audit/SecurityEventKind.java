package org.formhaus.audit;

import java.util.Arrays;
import java.util.Optional;

/** What a security event records; {@link #key()} is how it is stored, logged and looked up in the UI's texts. */
public enum SecurityEventKind {
    SIGN_IN("sign-in"),
    SIGN_IN_FAILED("sign-in-failed"),
    /** A sign-in limit was reached: further attempts are refused for a while (recorded once, when it starts). */
    SIGN_IN_THROTTLED("sign-in-throttled"),
    SIGN_OUT("sign-out"),
    TOKEN_CREATED("token-created"),
    TOKEN_REVOKED("token-revoked"),
    USER_CREATED("user-created"),
    USER_ACTIVATED("user-activated"),
    USER_DEACTIVATED("user-deactivated"),
    PASSWORD_CHANGED("password-changed"),
    ONOFFICE_SETTINGS_CHANGED("onoffice-settings-changed"),
    FORM_PUBLISHED("form-published"),
    FORM_DELETED("form-deleted"),
    // Teams and consultants (issue 13)
    MEMBER_INVITED("member-invited"),
    INVITATION_WITHDRAWN("invitation-withdrawn"),
    MEMBER_JOINED("member-joined"),
    MEMBER_ROLE_CHANGED("member-role-changed"),
    MEMBER_REMOVED("member-removed"),
    /** A consultant's session moved to this account (recorded in both: left and entered). */
    ACCOUNT_SWITCHED("account-switched"),
    FORMS_COPIED("forms-copied");

    private final String key;

    SecurityEventKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<SecurityEventKind> ofKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
