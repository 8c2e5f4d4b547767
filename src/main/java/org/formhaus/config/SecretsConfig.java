package org.formhaus.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The master key that seals the secrets Formhaus stores: {@code secrets.key} (32 random bytes in Base64) or
 * {@code secrets.key.file} (a file holding it), at most one of them; neither means "beside the embedded database, or
 * refuse for production" (see {@code org.formhaus.secrets.MasterKeySource}). Immutable; {@link #toString()} hides the
 * key.
 */
public record SecretsConfig(Optional<String> key, Optional<Path> keyFile) {

    static SecretsConfig read(Keys keys) {
        String key = keys.string("secrets.key");
        String file = keys.string("secrets.key.file");
        if (!key.isEmpty() && !file.isEmpty()) {
            throw new ConfigException("Set either secrets.key or secrets.key.file, not both");
        }
        return new SecretsConfig(key.isEmpty() ? Optional.empty() : Optional.of(key),
                file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file)));
    }

    @Override
    public String toString() {
        return "SecretsConfig[key=" + (key.isPresent() ? "***" : "none") + ", keyFile=" + keyFile + "]";
    }
}
