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
    FORM_DELETED("form-deleted");

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
