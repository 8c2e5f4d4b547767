package org.formhaus.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hidden token a served form carries: when it was served, signed with the instance key, so a submission can
 * prove it came from a served form and how long the visitor took. Thread-safe: each thread keeps its own Mac, since
 * creating one costs more than signing.
 */
final class FormToken {

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    FormToken(String instanceKey) {
        this.key = new SecretKeySpec(instanceKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** {@code <served ms>.<nonce>.<signature>}: the nonce gives every served page its own token, even in one ms. */
    String issue(String formKey, long nowMs) {
        String stamp = nowMs + "." + Long.toHexString(ThreadLocalRandom.current().nextLong());
        return stamp + "." + sign(formKey + "." + stamp);
    }

    /** When the form was served, or -1 when the token was not issued by this instance for this form. */
    long servedAt(String formKey, String token) {
        if (token == null || token.length() > 200) {
            return -1;
        }
        int dot = token.indexOf('.');
        int last = token.lastIndexOf('.');
        if (dot <= 0 || last == dot) {
            return -1;
        }
        try {
            long issued = Long.parseLong(token.substring(0, dot));
            byte[] expected = sign(formKey + "." + token.substring(0, last)).getBytes(StandardCharsets.US_ASCII);
            byte[] given = token.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, given) ? issued : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String sign(String message) {
        Mac mac = macs.get();
        byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
