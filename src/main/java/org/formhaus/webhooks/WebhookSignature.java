package org.formhaus.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): {@code v1,} and the Base64 HMAC-SHA256 of
 * {@code <webhook-id>.<webhook-timestamp>.<body>} under the secret's key, the secret being {@code whsec_} and the
 * key in Base64. Also makes and checks such secrets. Stateless; thread-safe.
 */
public final class WebhookSignature {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} header's value for one message. */
    public static String sign(String secret, String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** A new secret: {@code whsec_} and 32 random bytes in Base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Why {@code secret} is no usable secret, or null: {@code whsec_} and 24 to 64 bytes in Base64. */
    public static String problem(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return "must start with " + PREFIX;
        }
        try {
            int length = key(secret).length;
            return length < 24 || length > 64 ? "must hold 24 to 64 bytes in Base64 after " + PREFIX : null;
        } catch (IllegalArgumentException e) {
            return "must be Base64 after " + PREFIX;
        }
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring(secret.startsWith(PREFIX) ? PREFIX.length() : 0));
    }
}
