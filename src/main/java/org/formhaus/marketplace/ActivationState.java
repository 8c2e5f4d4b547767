package org.formhaus.marketplace;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.formhaus.http.SignedTokens;

/**
 * The short-lived, signed state the activation page carries from the verified GET to the unlock POST, so that the
 * POST cannot be forged with made-up parameters: the activation as JSON in a {@link SignedTokens#issue} token that
 * expires after the lifetime. Not encrypted: it holds only what the activation URL showed the browser anyway.
 * Immutable and thread-safe.
 */
final class ActivationState {

    private final SignedTokens tokens;
    private final Duration lifetime;

    ActivationState(String key, Duration lifetime, Clock clock) {
        this.tokens = new SignedTokens(key, clock);
        this.lifetime = lifetime;
    }

    String issue(Activation a) {
        JsonObject json = new JsonObject();
        json.addProperty("apiToken", a.apiToken());
        json.addProperty("apiClaim", a.apiClaim());
        json.addProperty("parameterCacheId", a.parameterCacheId());
        json.addProperty("customerWebId", a.customerWebId());
        json.addProperty("customerName", a.customerName());
        json.addProperty("userId", a.userId());
        return tokens.issue(json.toString(), lifetime);
    }

    /** The activation in a genuine, unexpired state; empty for anything else. */
    Optional<Activation> verify(String state) {
        return tokens.open(state).flatMap(ActivationState::activation);
    }

    private static Optional<Activation> activation(String payload) {
        try {
            JsonObject json = JsonParser.parseString(payload).getAsJsonObject();
            return Optional.of(new Activation(json.get("apiToken").getAsString(), json.get("apiClaim").getAsString(),
                    json.get("parameterCacheId").getAsString(), json.get("customerWebId").getAsString(),
                    json.get("customerName").getAsString(), json.get("userId").getAsString()));
        } catch (IllegalStateException | JsonParseException | NullPointerException | UnsupportedOperationException e) {
            // Correctly signed but unreadable can only mean a format change across versions: treat as expired.
            return Optional.empty();
        }
    }
}
