package org.formhaus.passwords;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a new password must be (NIST SP 800-63B, OWASP ASVS 5.0 chapter 6): at least {@value #MIN_LENGTH} and at most
 * {@value #MAX_LENGTH} characters, not one of the 10,000 most common passwords, not the user's email address or its
 * name part, and without the service's names ({@link #CONTEXT_WORDS}), the context-specific words a guesser tries
 * first. Nothing else: no rules about character classes, which only make passwords harder to remember.
 * Checked wherever a password is set (provisioning, the admin's own password change, the first login made from
 * onOffice, the first start), never at sign-in. Immutable and thread-safe; use {@link #STANDARD}.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    /** Long enough for any passphrase (ASVS asks for at least 64), short enough to bound the work per attempt. */
    public static final int MAX_LENGTH = 256;
    /** Words a new password must not contain, whatever their case: the names of the service around it. */
    public static final List<String> CONTEXT_WORDS = List.of("formhaus", "onoffice");
    public static final PasswordRules STANDARD = new PasswordRules(CommonPasswords.load());

    private final CommonPasswords common;

    private PasswordRules(CommonPasswords common) {
        this.common = common;
    }

    /**
     * What is wrong with {@code password} as the new password of the user with {@code email} (may be empty when not
     * known yet); empty when it may be used. Length counts Unicode code points, as a person counts characters.
     */
    public Optional<PasswordProblem> problem(String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(PasswordProblem.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(PasswordProblem.TOO_LONG);
        }
        if (common.contains(password)) {
            return Optional.of(PasswordProblem.COMMON);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String mail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        boolean isEmail = !mail.isEmpty()
                && (lower.equals(mail) || lower.equals(mail.substring(0, Math.max(0, mail.indexOf('@')))));
        if (isEmail || CONTEXT_WORDS.stream().anyMatch(lower::contains)) {
            return Optional.of(PasswordProblem.CONTEXT_WORD);
        }
        return Optional.empty();
    }
}
