package org.formhaus.onoffice;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * onOffice HMAC version 2: Base64(HmacSHA256(secret, timestamp + token + resourcetype + actionid)).
 * Parameters, resource id and identifier are not signed. Stateless and safe to share across threads.
 *
 * <pre>{@code
 * String hmac = RequestSigner.sign("s3cr3t", 1700000000L, "abc123", "estate", ActionKind.READ.urn());
 * }</pre>
 */
public final class RequestSigner {

    private RequestSigner() {
    }

    public static String sign(String secret, long timestamp, String token, String resourceType, String actionId) {
        String message = timestamp + token + resourceType + actionId;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // HmacSHA256 is mandatory in every JRE; an empty secret is the only way to get here
            throw new IllegalStateException("Cannot compute the onOffice HMAC (empty secret?)", e);
        }
    }
}
