package org.formhaus.admin;

import java.sql.SQLException;
import java.util.Optional;
import org.formhaus.passwords.PasswordHasher;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.AdminUserStore;

/**
 * Checks a user's password at sign-in (and wherever the password must be proved again). An unknown user costs as
 * much time as a known one, so the answer's timing does not tell which emails exist. A password that matches an
 * outdated hash (PBKDF2 from before Argon2id, or weaker Argon2id costs) is hashed anew and stored. Thread-safe; one
 * per application.
 */
public final class PasswordCheck {

    private final AdminUserStore users;
    private final PasswordHasher hasher;
    /**
     * A hash of a random password: checked against when there is no user, so that case takes as long. Made at the
     * first check, not at start-up: an Argon2id hash in a JVM just started costs about a second (and keeps the JIT
     * busy). Every first check pays for it, whether or not the user exists, so its timing tells nothing either.
     */
    private volatile String dummyHash;

    public PasswordCheck(AdminUserStore users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    /** Whether {@code user} exists, is active and has {@code password}. */
    public boolean verify(Optional<AdminUser> user, String password) throws SQLException {
        String dummy = dummyHash();
        String stored = user.isPresent() ? user.get().passwordHash() : dummy;
        boolean matches = hasher.matches(password == null ? "" : password, stored);
        if (user.isEmpty() || !matches || !user.get().active()) {
            return false;
        }
        if (hasher.needsRehash(stored)) {
            users.upgradeHash(user.get().id(), stored, hasher.hash(password));
        }
        return true;
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            synchronized (this) {
                if (dummyHash == null) {
                    dummyHash = hasher.hash(Secrets.randomToken(16));
                }
                hash = dummyHash;
            }
        }
        return hash;
    }
}
