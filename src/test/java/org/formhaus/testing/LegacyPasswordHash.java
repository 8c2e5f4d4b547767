package org.formhaus.testing;

import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password hash as Formhaus stored it before Argon2id ({@code pbkdf2$210000$<salt>$<hash>}, PBKDF2-HMAC-SHA256),
 * computed with the JDK as the old code did, with the salt bytes 0..15. For tests of the upgrade at sign-in.
 */
public final class LegacyPasswordHash {

    private LegacyPasswordHash() {
    }

    public static String of(String password) {
        try {
            byte[] salt = new byte[16];
            for (int i = 0; i < salt.length; i++) {
                salt[i] = (byte) i;
            }
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, 210_000, 256);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return "pbkdf2$210000$" + Base64.getEncoder().encodeToString(salt) + "$"
                    + Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
