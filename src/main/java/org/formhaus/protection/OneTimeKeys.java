package org.formhaus.protection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One-time keys of {@code protection.oneTimeKeys}: each opens the form for one submission ({@code /f/KEY?fh_key=…}).
 * The definition keeps only {@code "sha256:<hex>"} of each key: generated keys carry 120 random bits, so a plain
 * digest cannot be reversed, and whoever reads the definition cannot use a key. Stateless and thread-safe.
 */
public final class OneTimeKeys {

    static final String PREFIX = "sha256:";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read aloud safely
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Keys one generation makes at most. */
    public static final int MAX_BATCH = 500;

    private OneTimeKeys() {
    }

    /** {@code count} new random keys of 24 characters (about 119 bits). */
    public static List<String> generate(int count) {
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder key = new StringBuilder(24);
            for (int j = 0; j < 24; j++) {
                key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            keys.add(key.toString());
        }
        return keys;
    }

    /** What the definition keeps of {@code key}. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Whether {@code s} has the shape of a key a visitor may bring. */
    public static boolean isKey(String s) {
        return s != null && KEY.matcher(s).matches();
    }

    static boolean isHash(String s) {
        return HASH.matcher(s).matches();
    }
}
