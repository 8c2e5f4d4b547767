package org.formhaus.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a secret for storage with AES-256-GCM under a {@link MasterKey}, and opens it again. A sealed value reads
 * {@code sealed:v1:<key id>:<Base64url of IV, ciphertext and tag>}; each seal has a fresh random 96-bit IV. The
 * {@code context} (where the value is stored, e.g. {@code "account.onoffice_secret"}) is authenticated with it, so
 * that a value copied into another column does not open.
 *
 * <pre>{@code
 * SecretBox box = new SecretBox(MasterKey.generate());
 * String stored = box.seal("the onOffice secret", "account.onoffice_secret");
 * String secret = box.open(stored, "account.onoffice_secret");
 * }</pre>
 *
 * <p>The empty string stays empty (nothing to hide; "not set" must stay visible). {@link #open} passes a value that
 * is not sealed through unchanged: values stored in clear by earlier versions are read until the start-up sweep seals
 * them. Immutable and thread-safe.
 */
public final class SecretBox {

    static final String PREFIX = "sealed:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey key;

    public SecretBox(MasterKey key) {
        if (key == null) throw new IllegalArgumentException("The parameter 'key' must not be null.");
        this.key = key;
    }

    public MasterKey key() {
        return key;
    }

    /** Whether {@code stored} is a sealed value (of any key). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The id of the key a sealed value was sealed under; "" for a value that is not sealed. */
    public static String keyIdOf(String stored) {
        if (!isSealed(stored)) {
            return "";
        }
        int end = stored.indexOf(':', PREFIX.length());
        return end < 0 ? "" : stored.substring(PREFIX.length(), end);
    }

    public String seal(String plain, String context) {
        if (plain == null || plain.isEmpty()) {
            return "";
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, context);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + key.id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
        }
    }

    /**
     * The secret inside {@code stored}; a value that is not sealed is returned unchanged.
     *
     * @throws UnreadableSecretException when it was sealed under another key, or altered, or sealed for another
     *                                   context; the message names the keys' ids, never a secret
     */
    public String open(String stored, String context) {
        if (!isSealed(stored)) {
            return stored == null ? "" : stored;
        }
        String keyId = keyIdOf(stored);
        if (!keyId.equals(key.id())) {
            throw UnreadableSecretException.wrongKey(context, keyId, key.id());
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length() + keyId.length() + 1));
        } catch (IllegalArgumentException e) {
            throw UnreadableSecretException.damaged(context);
        }
        if (raw.length < IV_BYTES + TAG_BITS / 8) {
            throw UnreadableSecretException.damaged(context);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(raw, IV_BYTES), context);
            byte[] plain = cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw UnreadableSecretException.damaged(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.aesKey(), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(("formhaus:v1:" + context).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
