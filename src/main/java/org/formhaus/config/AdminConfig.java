package org.formhaus.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The admin side: browser session idle timeout ({@code admin.session.timeout.minutes}) and absolute lifetime
 * ({@code admin.session.max.lifetime.seconds}), sign-in throttling ({@code admin.login.*}, 0 = that limit off) and
 * the provisioning API's instance key ({@code provisioning.api.key}; empty: generated at first start, printed once,
 * only its hash kept in the database). Immutable; {@link #toString()} hides the key.
 */
public record AdminConfig(Duration sessionTimeout, Duration sessionMaxLifetime, int maxFailuresPerEmail,
                          int maxFailuresPerAddress, Duration loginWindow, Optional<String> provisioningKey) {

    static AdminConfig read(Keys keys) {
        String key = keys.string("provisioning.api.key");
        return new AdminConfig(keys.minutes("admin.session.timeout.minutes", 5, 7 * 24 * 60),
                keys.seconds("admin.session.max.lifetime.seconds", 1, 30 * 24 * 3600),
                keys.number("admin.login.max.failures.per.email", 0, 1_000_000),
                keys.number("admin.login.max.failures.per.address", 0, 1_000_000),
                keys.minutes("admin.login.window.minutes", 1, 24 * 60),
                key.isEmpty() ? Optional.empty() : Optional.of(key));
    }

    @Override
    public String toString() {
        return "AdminConfig[sessionTimeout=" + sessionTimeout + ", sessionMaxLifetime=" + sessionMaxLifetime
                + ", maxFailuresPerEmail=" + maxFailuresPerEmail
                + ", maxFailuresPerAddress=" + maxFailuresPerAddress + ", loginWindow=" + loginWindow
                + ", provisioningKey=" + (provisioningKey.isPresent() ? "***" : "generated") + "]";
    }
}
