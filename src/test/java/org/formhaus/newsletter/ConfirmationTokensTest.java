package org.formhaus.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ConfirmationTokensTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private static ConfirmationTokens at(Instant now) {
        return new ConfirmationTokens("newsletter-key", () -> "https://forms.example/", Duration.ofDays(14),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aLinkMailedBeforeTheSharedSignerStillConfirms() throws Exception {
        // The token exactly as Formhaus wrote it into mails before it signed through http.SignedTokens (issue 9):
        // base64url("<id>.<expires s>") "." base64url(HmacSHA256(key, "<id>.<expires s>")).
        String payload = "sub-1234." + NOW.plus(Duration.ofDays(3)).getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("newsletter-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String mailed = b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of("sub-1234"), at(NOW).verify(mailed));
        assertEquals(Optional.empty(), at(NOW.plus(Duration.ofDays(4))).verify(mailed));
    }

    @Test
    void aLinkConfirmsItsSubmissionUntilItExpires() {
        String url = at(NOW).confirmUrl("sub-1234");
        assertTrue(url.startsWith("https://forms.example/n/confirm?t="), url);
        String token = url.substring(url.indexOf("?t=") + 3);
        assertEquals(Optional.of("sub-1234"), at(NOW.plus(Duration.ofDays(14))).verify(token));
        assertEquals(Optional.empty(), at(NOW.plus(Duration.ofDays(14)).plusSeconds(1)).verify(token));
        assertEquals(Optional.empty(), at(NOW).verify(token.substring(0, token.length() - 2)));
        assertEquals(Optional.empty(), at(NOW).verify("x".repeat(301)));
    }
}
