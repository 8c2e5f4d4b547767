package org.formhaus.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.formhaus.config.ConfigException;

/**
 * The 256-bit AES key that seals the secrets Formhaus stores, and its public {@link #id()} (a fingerprint written
 * beside every sealed value, so that a wrong key is named at start instead of failing later). Written as 32 random
 * bytes in Base64 (what {@code openssl rand -base64 32} prints). Immutable and thread-safe; {@link #toString()} never
 * shows the key.
 */
public final class MasterKey {

    /** Bytes of key material: AES-256. */
    public static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] material;
    private final String id;

    private MasterKey(byte[] material) {
        this.material = material.clone();
        this.id = fingerprint(material);
    }

    /** A fresh random key. */
    public static MasterKey generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /**
     * Parses a key written in Base64 (standard or URL-safe alphabet, padding optional).
     *
     * @param where names the setting or file in the error message, e.g. "secrets.key"
     * @throws ConfigException naming {@code where} when the text is not 32 bytes of Base64; never quotes the text
     */
    public static MasterKey parse(String text, String where) {
        String compact = text == null ? "" : text.strip().replace('-', '+').replace('_', '/');
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + " is not Base64; it must hold " + BYTES
                    + " random bytes in Base64 (create one with: openssl rand -base64 32)");
        }
        if (bytes.length != BYTES) {
            throw new ConfigException(where + " holds " + bytes.length + " bytes; it must hold " + BYTES
                    + " random bytes in Base64 (create one with: openssl rand -base64 32)");
        }
        return new MasterKey(bytes);
    }

    /** The key in standard Base64, as a key file holds it. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(material);
    }

    /** Eight hex digits naming this key: safe to show and log, useless for decrypting. */
    public String id() {
        return id;
    }

    SecretKey aesKey() {
        return new SecretKeySpec(material, "AES");
    }

    private static String fingerprint(byte[] material) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("formhaus master key id\0".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(Arrays.copyOf(sha.digest(material), 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MasterKey k && MessageDigest.isEqual(material, k.material);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }
}
