package org.formhaus.secrets;

import org.formhaus.config.ConfigException;

/**
 * A stored secret that the configured master key cannot open: sealed under another key (the usual case: the wrong
 * key, or none, is configured), or altered in the database. A configuration problem as far as the operator is
 * concerned, so it is a {@link ConfigException}; the message names key ids and where the value is stored, never a
 * secret.
 */
public final class UnreadableSecretException extends ConfigException {

    private UnreadableSecretException(String message) {
        super(message);
    }

    static UnreadableSecretException wrongKey(String context, String sealedUnder, String configured) {
        return new UnreadableSecretException("The stored secrets (" + context + ") are sealed under master key "
                + sealedUnder + ", but the configured master key is " + configured + ". Configure the key they were "
                + "sealed with (secrets.key, FORMHAUS_SECRETS_KEY or secrets.key.file); to change keys, use "
                + "bin/formhaus rotate-secrets.");
    }

    static UnreadableSecretException damaged(String context) {
        return new UnreadableSecretException("A stored secret (" + context + ") does not open with the configured "
                + "master key: it was altered in the database. Enter that secret again.");
    }
}
