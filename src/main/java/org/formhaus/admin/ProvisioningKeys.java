package org.formhaus.admin;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Optional;
import org.formhaus.storage.InstanceSettings;
import org.formhaus.storage.ProvisioningKeyStore;

/**
 * The keys of the user-provisioning API ({@code x-api-key} of {@code /api/users}), all stored as SHA-256 hashes:
 * the instance's key, which manages every account's users ({@code provisioning.api.key}, else generated at first
 * start and printed that once), and accounts' own keys, each managing its account's users only. Thread-safe; one per
 * application.
 */
public final class ProvisioningKeys {

    /** Instance setting holding the hash of the generated instance key. */
    static final String INSTANCE_HASH = "provisioning.api.key.sha256";
    /** Instance setting where versions before hashing kept the generated key itself. */
    static final String LEGACY_KEY = "provisioning.api.key";

    /** What a key may manage: every account's users, or one account's. */
    public record Scope(long accountId) {
        static final Scope EVERY_ACCOUNT = new Scope(-1);

        public boolean everyAccount() {
            return accountId < 0;
        }

        public boolean covers(long account) {
            return everyAccount() || accountId == account;
        }
    }

    private final String instanceHash;
    private final ProvisioningKeyStore accountKeys;

    private ProvisioningKeys(String instanceHash, ProvisioningKeyStore accountKeys) {
        this.instanceHash = instanceHash;
        this.accountKeys = accountKeys;
    }

    /**
     * The instance key is {@code configured} when given; else the one generated before (a key earlier versions kept
     * in clear is hashed now, and its clear copy deleted); else a new one, printed on {@code console} once.
     */
    public static ProvisioningKeys start(String configured, InstanceSettings instance, ProvisioningKeyStore accountKeys,
                                         PrintStream console) throws SQLException {
        if (!configured.isBlank()) {
            return new ProvisioningKeys(Secrets.tokenHash(configured.strip()), accountKeys);
        }
        Optional<String> legacy = instance.get(LEGACY_KEY);
        if (legacy.isPresent()) {
            if (instance.putIfAbsent(INSTANCE_HASH, Secrets.tokenHash(legacy.get()))) {
                announce(console, legacy.get(), "the key generated earlier, stored hashed from now on");
            }
            instance.remove(LEGACY_KEY);
        }
        String key = Secrets.randomToken(32);
        if (instance.putIfAbsent(INSTANCE_HASH, Secrets.tokenHash(key))) {
            announce(console, key, "generated now");
        }
        return new ProvisioningKeys(instance.get(INSTANCE_HASH).orElseThrow(), accountKeys);
    }

    private static void announce(PrintStream console, String key, String what) {
        console.println("==================================================================");
        console.println(" User-provisioning API key (x-api-key of /api/users; " + what + "):");
        console.println("   " + key);
        console.println(" Shown once only: only its hash is stored. provisioning.api.key sets your own.");
        console.println("==================================================================");
    }

    /** What the presented key may manage; empty for a missing or unknown key. */
    public Optional<Scope> scopeOf(String presented) throws SQLException {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        String hash = Secrets.tokenHash(presented.strip());
        if (Secrets.constantTimeEquals(instanceHash, hash)) {
            return Optional.of(Scope.EVERY_ACCOUNT);
        }
        // Looked up by hash: timing tells nothing about the key itself.
        return accountKeys.accountOf(hash).map(Scope::new);
    }

    /** A new key for the account's users; the key is returned this once (only its hash is stored). */
    public String create(long accountId, String label) throws SQLException {
        String key = Secrets.randomToken(32);
        accountKeys.add(accountId, Secrets.tokenHash(key), label);
        return key;
    }
}
