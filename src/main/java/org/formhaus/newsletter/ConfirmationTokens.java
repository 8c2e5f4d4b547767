package org.formhaus.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.formhaus.mapping.ConfirmationLinks;
import org.formhaus.mapping.MappingException;

/**
 * Signs and checks newsletter confirmation links: {@code <base>/n/confirm?t=<token>}, the token naming the
 * submission and an expiry, signed (HMAC-SHA256) with an instance key, so a link cannot be forged or altered.
 * Immutable and thread-safe; one per application.
 */
public final class ConfirmationTokens implements ConfirmationLinks {

    public static final String PATH = "/n/confirm";

    private final byte[] key;
    private final Supplier<String> baseUrl;
    private final Duration validity;
    private final Clock clock;

    /** @param baseUrl where visitors reach Formhaus (no trailing slash); empty while unknown */
    public ConfirmationTokens(String key, Supplier<String> baseUrl, Duration validity, Clock clock) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.baseUrl = baseUrl;
        this.validity = validity;
        this.clock = clock;
    }

    @Override
    public String confirmUrl(String submissionId) {
        String base = baseUrl.get();
        if (base == null || base.isBlank()) {
            throw new MappingException("public.url is not set, so no newsletter confirmation link can be made");
        }
        return base.replaceAll("/+$", "") + PATH + "?t=" + token(submissionId);
    }

    String token(String submissionId) {
        long expires = clock.instant().plus(validity).getEpochSecond();
        String payload = submissionId + "." + expires;
        return encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + encode(sign(payload));
    }

    /** The submission id of a valid, unexpired token. */
    Optional<String> verify(String token) {
        if (token == null || token.length() > 300) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            int sep = payload.lastIndexOf('.');
            long expires = Long.parseLong(payload.substring(sep + 1));
            return clock.instant().getEpochSecond() > expires ? Optional.empty() : Optional.of(payload.substring(0, sep));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
