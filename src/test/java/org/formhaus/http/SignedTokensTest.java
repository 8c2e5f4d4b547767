package org.formhaus.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedTokensTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private static SignedTokens at(Instant now) {
        return new SignedTokens("instance-key", Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aSignatureVerifiesForItsMessageOnly() {
        SignedTokens tokens = at(NOW);
        String signature = tokens.sign("kontakt.1740823200000.ab12");
        assertTrue(tokens.verify("kontakt.1740823200000.ab12", signature));
        assertFalse(tokens.verify("kontakt.1740823200001.ab12", signature));
        assertFalse(tokens.verify("kontakt.1740823200000.ab12", signature + "A"));
        assertFalse(tokens.verify("kontakt.1740823200000.ab12", null));
        assertFalse(new SignedTokens("other-key", Clock.systemUTC()).verify("kontakt.1740823200000.ab12", signature));
    }

    @Test
    void signaturesAreUnpaddedBase64urlOfHmacSha256() {
        // RFC 4231, test case 2
        byte[] mac = SignedTokens.hmacSha256("Jefe".getBytes(StandardCharsets.UTF_8),
                "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HexFormat.of().formatHex(mac));
        String signature = new SignedTokens("Jefe", Clock.systemUTC()).sign("what do ya want for nothing?");
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(mac), signature);
    }

    @Test
    void anIssuedTokenOpensToItsPayloadUntilItExpires() {
        String token = at(NOW).issue("sub-42", Duration.ofDays(7));
        assertEquals(Optional.of("sub-42"), at(NOW).open(token));
        assertEquals(Optional.of("sub-42"), at(NOW.plus(Duration.ofDays(7))).open(token));
        assertEquals(Optional.empty(), at(NOW.plus(Duration.ofDays(7)).plusSeconds(1)).open(token));
    }

    @Test
    void aPayloadMayContainDotsAndJson() {
        String payload = "{\"apiClaim\":\"a.b.c\",\"customerName\":\"Müller & Söhne\"}";
        SignedTokens tokens = at(NOW);
        assertEquals(Optional.of(payload), tokens.open(tokens.issue(payload, Duration.ofMinutes(30))));
    }

    @Test
    void aTamperedTokenIsRefused() {
        SignedTokens tokens = at(NOW);
        String token = tokens.issue("sub-42", Duration.ofDays(7));
        int dot = token.indexOf('.');
        // Same signature, another payload (a longer expiry): refused.
        String longer = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("sub-42." + NOW.plus(Duration.ofDays(999)).getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), tokens.open(longer + token.substring(dot)));
        // Another submission id, same signature: refused.
        String other = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("sub-43." + NOW.plus(Duration.ofDays(7)).getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), tokens.open(other + token.substring(dot)));
        assertEquals(Optional.empty(), tokens.open(token + "x"));
        assertEquals(Optional.empty(), new SignedTokens("other-key", Clock.fixed(NOW, ZoneOffset.UTC)).open(token));
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        SignedTokens tokens = at(NOW);
        for (String garbage : new String[] {null, "", ".", "abc", "abc.def", "!!!.###", "a".repeat(5000),
                tokens.issue("x", Duration.ofDays(1)).replace('.', '!')}) {
            assertEquals(Optional.empty(), tokens.open(garbage), String.valueOf(garbage));
        }
        // Genuinely signed, but no expiry in it (a bare sign(), not issue()): refused, not thrown.
        String unexpiring = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("sub-42".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), tokens.open(unexpiring + "." + tokens.sign("sub-42")));
    }

    @Test
    void twoTokensForTheSamePayloadAtTheSameSecondAreEqualButKeysDiffer() {
        assertEquals(at(NOW).issue("p", Duration.ofHours(1)), at(NOW).issue("p", Duration.ofHours(1)));
        assertNotEquals(at(NOW).issue("p", Duration.ofHours(1)),
                new SignedTokens("other-key", Clock.fixed(NOW, ZoneOffset.UTC)).issue("p", Duration.ofHours(1)));
    }

    @Test
    void anEmptyKeyIsRefusedAtTheDoor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SignedTokens("", Clock.systemUTC()));
        assertTrue(e.getMessage().contains("key"), e.getMessage());
    }

    @Test
    void oneInstanceSignsTheSameOnEveryThread() throws Exception {
        SignedTokens tokens = at(NOW);
        String expected = tokens.sign("message");
        String[] seen = new String[8];
        Thread[] threads = new Thread[seen.length];
        for (int i = 0; i < threads.length; i++) {
            int n = i;
            threads[i] = new Thread(() -> {
                String last = null;
                for (int k = 0; k < 1000; k++) {
                    last = tokens.sign("message");
                }
                seen[n] = last;
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (String s : seen) {
            assertEquals(expected, s);
        }
    }
}
