package org.formhaus.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one signing primitive for Formhaus's own tokens (form token, newsletter confirmation link, Marketplace
 * activation state): HMAC-SHA256 with a key of this instance, signatures in unpadded base64url, checked in constant
 * time. Two shapes:
 * <ul>
 * <li>{@link #sign}/{@link #verify}: a signature over a message the caller lays out itself;</li>
 * <li>{@link #issue}/{@link #open}: a self-contained token with an expiry,
 *     {@code base64url(payload "." expiresEpochSeconds) "." base64url(hmac(payload "." expiresEpochSeconds))}.</li>
 * </ul>
 * Tokens are signed, not encrypted: put nothing in a payload the holder may not read. onOffice's schemes (request
 * signing, the Marketplace's URL signature) are theirs, not this one; the Marketplace's uses {@link #hmacSha256}.
 * Immutable and thread-safe: each thread keeps its own {@link Mac}, since creating one costs more than signing.
 *
 * <pre>{@code
 * SignedTokens tokens = new SignedTokens(instanceKey, Clock.systemUTC());
 * String token = tokens.issue(submissionId, Duration.ofDays(7));
 * Optional<String> id = tokens.open(token);   // empty when forged, altered or expired
 * }</pre>
 */
public final class SignedTokens {

    private static final String HMAC = "HmacSHA256";
    /** Longer tokens are refused before any decoding: none of ours comes near this. */
    private static final int MAX_TOKEN = 4096;

    private final SecretKeySpec key;
    private final Clock clock;
    private final ThreadLocal<Mac> macs;

    public SignedTokens(String key, Clock clock) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("The signing key must not be empty");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.macs = ThreadLocal.withInitial(() -> newMac(this.key));
    }

    /** The signature of {@code message}: base64url (unpadded) HMAC-SHA256. */
    public String sign(String message) {
        return encode(macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code signature} is {@link #sign}'s for {@code message}; constant-time, false for null. */
    public boolean verify(String message, String signature) {
        if (message == null || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(message).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** A token carrying {@code payload}, valid for {@code validity} from now (to the second). */
    public String issue(String payload, Duration validity) {
        String signed = payload + "." + clock.instant().plus(validity).getEpochSecond();
        return encode(signed.getBytes(StandardCharsets.UTF_8)) + "." + sign(signed);
    }

    /** The payload of a token {@link #issue} made with this key and that has not expired; empty for anything else. */
    public Optional<String> open(String token) {
        if (token == null || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            String signed = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            if (!verify(signed, token.substring(dot + 1))) {
                return Optional.empty();
            }
            int sep = signed.lastIndexOf('.');
            long expires = Long.parseLong(signed.substring(sep + 1));
            boolean expired = clock.instant().getEpochSecond() > expires;
            return expired ? Optional.empty() : Optional.of(signed.substring(0, sep));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty(); // not base64url, or signed but not ours in shape: as good as forged
        }
    }

    /** Raw HMAC-SHA256 of {@code message} under {@code key}, for a scheme whose encoding is someone else's. */
    public static byte[] hmacSha256(byte[] key, byte[] message) {
        return newMac(new SecretKeySpec(key, HMAC)).doFinal(message);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
