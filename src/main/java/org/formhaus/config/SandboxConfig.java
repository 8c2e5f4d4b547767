package org.formhaus.config;

import java.util.Map;
import java.util.Optional;

/**
 * Sandbox mode ({@code sandbox}, or {@code bin/formhaus serve --sandbox}): the onOffice simulator runs in-process.
 * Its API user's token and secret come from the environment only ({@code FORMHAUS_SIM_TOKEN},
 * {@code FORMHAUS_SIM_SECRET}); when absent, fresh random ones are used. Immutable; {@link #toString()} hides both.
 */
public record SandboxConfig(boolean enabled, Optional<String> simulatorToken, Optional<String> simulatorSecret) {

    static final String TOKEN = "FORMHAUS_SIM_TOKEN";
    static final String SECRET = "FORMHAUS_SIM_SECRET";

    static SandboxConfig read(Keys keys, Map<String, String> env) {
        return new SandboxConfig(keys.bool("sandbox"), FirstAdminConfig.nonBlank(env.get(TOKEN)),
                FirstAdminConfig.nonBlank(env.get(SECRET)));
    }

    @Override
    public String toString() {
        return "SandboxConfig[enabled=" + enabled + ", simulatorToken=" + (simulatorToken.isPresent() ? "***" : "random")
                + ", simulatorSecret=" + (simulatorSecret.isPresent() ? "***" : "random") + "]";
    }
}
