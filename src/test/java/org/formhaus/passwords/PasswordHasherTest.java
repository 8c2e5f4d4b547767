package org.formhaus.passwords;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.formhaus.testing.LegacyPasswordHash;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void newHashesAreArgon2idWithOwaspsParametersAndASaltOfTheirOwn() {
        String hash = PasswordHasher.OWASP.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertNotEquals(hash, PasswordHasher.OWASP.hash("correct horse battery staple"), "salted");
        assertTrue(PasswordHasher.OWASP.matches("correct horse battery staple", hash));
        assertFalse(PasswordHasher.OWASP.matches("correct horse battery stapler", hash));
        assertFalse(PasswordHasher.OWASP.needsRehash(hash));
    }

    @Test
    void readsTheReferenceImplementationsPhcStrings() {
        // From the Argon2 reference implementation's test suite (phc-winner-argon2, src/test.c).
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertTrue(PasswordHasher.OWASP.matches("password", reference));
        assertFalse(PasswordHasher.OWASP.matches("Password", reference));
        assertFalse(PasswordHasher.OWASP.needsRehash(reference), "stronger costs than OWASP's need no new hash");
    }

    @Test
    void earlierPbkdf2HashesStillMatchButAskToBeReplaced() {
        // Made by Formhaus before Argon2id: PBKDF2-HMAC-SHA256, 210,000 iterations, of "legacy-password-1".
        String legacy = LegacyPasswordHash.of("legacy-password-1");
        assertTrue(legacy.startsWith("pbkdf2$210000$AAECAwQFBgcICQoLDA0ODw==$"), legacy);
        assertTrue(PasswordHasher.OWASP.matches("legacy-password-1", legacy));
        assertFalse(PasswordHasher.OWASP.matches("legacy-password-2", legacy));
        assertTrue(PasswordHasher.OWASP.needsRehash(legacy));
        assertTrue(PasswordHasher.OWASP.needsRehash(new PasswordHasher(8 * 1024, 1, 1).hash("x")), "weaker Argon2id");
    }

    @Test
    void unreadableHashesNeverMatch() {
        assertFalse(PasswordHasher.OWASP.matches("x", ""));
        assertFalse(PasswordHasher.OWASP.matches("x", "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$AAAA"));
        assertFalse(PasswordHasher.OWASP.matches("x", "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$AAAA"),
                "absurd memory is refused, not attempted");
        assertFalse(PasswordHasher.OWASP.matches(null, PasswordHasher.OWASP.hash("x")));
    }
}
