package org.formhaus.config;

import java.util.Map;
import java.util.Optional;

/**
 * The admin that the first start creates, from the environment only: {@code FORMHAUS_ADMIN_EMAIL} (default
 * {@value #DEFAULT_EMAIL}), {@code FORMHAUS_ADMIN_PASSWORD} and {@code FORMHAUS_ADMIN_TOKEN} (an API token); what is
 * not given is generated at first start. Immutable; {@link #toString()} hides password and token.
 */
public record FirstAdminConfig(String email, Optional<String> password, Optional<String> token) {

    public static final String DEFAULT_EMAIL = "admin@formhaus.local";
    static final String EMAIL = "FORMHAUS_ADMIN_EMAIL";
    static final String PASSWORD = "FORMHAUS_ADMIN_PASSWORD";
    static final String TOKEN = "FORMHAUS_ADMIN_TOKEN";

    static FirstAdminConfig read(Map<String, String> env) {
        String email = env.getOrDefault(EMAIL, "").strip();
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new ConfigException(EMAIL + " must be an e-mail address");
        }
        return new FirstAdminConfig(email.isEmpty() ? DEFAULT_EMAIL : email, nonBlank(env.get(PASSWORD)),
                nonBlank(env.get(TOKEN)));
    }

    static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public String toString() {
        return "FirstAdminConfig[email=" + email + ", password=" + (password.isPresent() ? "***" : "generated")
                + ", token=" + (token.isPresent() ? "***" : "generated") + "]";
    }
}
