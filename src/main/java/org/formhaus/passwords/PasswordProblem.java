package org.formhaus.passwords;

/**
 * Why a new password is refused. {@link #message()} is the English text for APIs (the caller puts the field's name
 * before it); pages show their own translation of {@link #name()}.
 */
public enum PasswordProblem {
    TOO_SHORT("must have at least " + PasswordRules.MIN_LENGTH + " characters"),
    TOO_LONG("must have at most " + PasswordRules.MAX_LENGTH + " characters"),
    COMMON("is one of the 10,000 most common passwords; please choose another"),
    CONTEXT_WORD("must not be the email address or its name part, nor contain the service's name ("
            + String.join(", ", PasswordRules.CONTEXT_WORDS) + ")");

    private final String message;

    PasswordProblem(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
