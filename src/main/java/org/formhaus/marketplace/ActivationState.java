package org.formhaus.marketplace;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The short-lived, signed state the activation page carries from the verified GET to the unlock POST, so that the
 * POST cannot be forged with made-up parameters: {@code base64url(json) "." base64url(hmac-sha256)}, with an expiry
 * time inside. Not encrypted: it holds only what the activation URL showed the browser anyway. Thread-safe.
 */
final class ActivationState {

    private final byte[] key;
    private final Duration lifetime;
    private final Clock clock;

    ActivationState(String key, Duration lifetime, Clock clock) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    String issue(Activation a) {
        JsonObject json = new JsonObject();
        json.addProperty("apiToken", a.apiToken());
        json.addProperty("apiClaim", a.apiClaim());
        json.addProperty("parameterCacheId", a.parameterCacheId());
        json.addProperty("customerWebId", a.customerWebId());
        json.addProperty("customerName", a.customerName());
        json.addProperty("userId", a.userId());
        json.addProperty("expires", clock.millis() + lifetime.toMillis());
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
        return payload + "." + mac(payload);
    }

    /** The activation in a genuine, unexpired state; empty for anything else. */
    Optional<Activation> verify(String state) {
        if (state == null) {
            return Optional.empty();
        }
        int dot = state.indexOf('.');
        if (dot < 0 || !MessageDigest.isEqual(mac(state.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
                state.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            JsonObject json = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(state.substring(0, dot)),
                    StandardCharsets.UTF_8)).getAsJsonObject();
            if (json.get("expires").getAsLong() < clock.millis()) {
                return Optional.empty();
            }
            return Optional.of(new Activation(json.get("apiToken").getAsString(), json.get("apiClaim").getAsString(),
                    json.get("parameterCacheId").getAsString(), json.get("customerWebId").getAsString(),
                    json.get("customerName").getAsString(), json.get("userId").getAsString()));
        } catch (IllegalArgumentException | IllegalStateException | JsonParseException | NullPointerException e) {
            // Correctly signed but unreadable can only mean a format change across versions: treat as expired.
            return Optional.empty();
        }
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
