package org.formhaus.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTheStandardWebhooksReferenceVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}"));
    }

    @Test
    void newSecretsAreUsableAndDifferent() {
        String secret = WebhookSignature.newSecret();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertNull(WebhookSignature.problem(secret));
        assertNotEquals(secret, WebhookSignature.newSecret());
    }

    @Test
    void unusableSecretsAreNamed() {
        assertEquals("must start with whsec_", WebhookSignature.problem("c2VjcmV0"));
        assertEquals("must be Base64 after whsec_", WebhookSignature.problem("whsec_not base64!"));
        assertEquals("must hold 24 to 64 bytes in Base64 after whsec_", WebhookSignature.problem("whsec_c2VjcmV0"));
    }
}
