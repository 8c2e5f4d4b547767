package org.formhaus.protection;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether one visitor may open or send a protected form, in the order a visitor would want to learn it: the
 * network ({@code allowedIps}), the opening hours, whether places are left ({@code maxSubmissions}), then the password
 * and the one-time key. Whether a place or a key is still free is only a forecast here; the submission's own
 * transaction takes it for good ({@code storage.ProtectionStore#claim}). Thread-safe; one per application.
 */
public final class ProtectionGate {

    /** Why a visitor is turned away; {@link #jsonName} is what a JSON refusal's {@code protection} says. */
    public enum Refusal {
        ADDRESS("address"), NOT_YET_OPEN("notYetOpen"), CLOSED("closed"), FULL("full"), PASSWORD("password"),
        KEY_MISSING("keyMissing"), KEY_USED("keyUsed");

        private final String jsonName;

        Refusal(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    /** What the database says about places taken and keys used, over every instance. */
    public interface Usage {
        int used(String formKey) throws SQLException;

        boolean keyUsed(String formKey, String keyHash) throws SQLException;
    }

    /**
     * One visitor: the client address as the app determines it (behind a trusted proxy: the forwarded one), whether
     * a valid unlock token came along, and the one-time key they brought (null: none).
     */
    public record Visitor(String address, boolean unlocked, String oneTimeKey) {
    }

    private final Usage usage;

    public ProtectionGate(Usage usage) {
        this.usage = usage;
    }

    /** Why {@code visitor} may not open or send the form now; empty when they may. */
    public Optional<Refusal> check(String formKey, Protection p, Visitor visitor, Instant now) throws SQLException {
        if (!p.allowedIps().isEmpty() && p.allowedIps().stream().noneMatch(r -> r.contains(visitor.address()))) {
            return Optional.of(Refusal.ADDRESS);
        }
        if (p.opensAt() != null && now.isBefore(p.opensAt().toInstant())) {
            return Optional.of(Refusal.NOT_YET_OPEN);
        }
        if (p.closesAt() != null && !now.isBefore(p.closesAt().toInstant())) {
            return Optional.of(Refusal.CLOSED);
        }
        if (p.maxSubmissions() > 0 && usage.used(formKey) >= p.maxSubmissions()) {
            return Optional.of(Refusal.FULL);
        }
        if (p.passwordHash() != null && !visitor.unlocked()) {
            return Optional.of(Refusal.PASSWORD);
        }
        if (!p.oneTimeKeyHashes().isEmpty()) {
            String hash = keyHash(p, visitor.oneTimeKey());
            if (hash == null) {
                return Optional.of(Refusal.KEY_MISSING);
            }
            if (usage.keyUsed(formKey, hash)) {
                return Optional.of(Refusal.KEY_USED);
            }
        }
        return Optional.empty();
    }

    /** The hash of {@code key} when it is one of the form's keys; null otherwise. */
    public static String keyHash(Protection p, String key) {
        if (!OneTimeKeys.isKey(key)) {
            return null;
        }
        String hash = OneTimeKeys.hash(key);
        return p.oneTimeKeyHashes().contains(hash) ? hash : null;
    }
}
