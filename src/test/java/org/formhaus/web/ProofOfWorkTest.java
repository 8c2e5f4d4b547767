package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ProofOfWorkTest {

    private final Instant start = Instant.parse("2026-11-30T12:00:00Z");
    private final MutableClock clock = new MutableClock(start);
    private final ProofOfWork pow = new ProofOfWork("instance-key", clock);

    /** Finds the number as a browser does, by trying them in turn. */
    static String solve(JsonObject c) {
        for (int n = 0; n <= c.get("maxnumber").getAsInt(); n++) {
            if (ProofOfWork.sha256(c.get("salt").getAsString() + n).equals(c.get("challenge").getAsString())) {
                return solution(c, n);
            }
        }
        throw new AssertionError("no solution for " + c);
    }

    static String solution(JsonObject c, long number) {
        JsonObject s = new JsonObject();
        s.addProperty("algorithm", "SHA-256");
        s.addProperty("challenge", c.get("challenge").getAsString());
        s.addProperty("number", number);
        s.addProperty("salt", c.get("salt").getAsString());
        s.addProperty("signature", c.get("signature").getAsString());
        return Base64.getEncoder().encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSolvedChallengeCountsOnceForItsFormOnly() {
        JsonObject c = pow.challenge("kontakt");
        String solved = solve(c);
        assertEquals(ProofOfWork.Verdict.FORGED, pow.check("other", solved));
        assertEquals(ProofOfWork.Verdict.SOLVED, pow.check("kontakt", solved));
        assertEquals(ProofOfWork.Verdict.REPLAYED, pow.check("kontakt", solved));
    }

    @Test
    void aWrongNumberAForeignSignatureOrGarbageIsForged() {
        JsonObject c = pow.challenge("kontakt");
        String solved = solve(c);
        long number = Long.parseLong(new String(Base64.getDecoder().decode(solved), StandardCharsets.UTF_8)
                .replaceAll(".*\"number\":(\\d+).*", "$1"));
        assertEquals(ProofOfWork.Verdict.FORGED, pow.check("kontakt", solution(c, (number + 1) % (ProofOfWork.MAX_NUMBER + 1))));
        JsonObject foreign = new ProofOfWork("another-instance", clock).challenge("kontakt");
        assertEquals(ProofOfWork.Verdict.FORGED, pow.check("kontakt", solve(foreign)));
        assertEquals(ProofOfWork.Verdict.FORGED, pow.check("kontakt", "not base64 at all!"));
        assertEquals(ProofOfWork.Verdict.FORGED, pow.check("kontakt", Base64.getEncoder().encodeToString("[]".getBytes())));
        assertEquals(ProofOfWork.Verdict.MISSING, pow.check("kontakt", ""));
    }

    @Test
    void aSolutionExpiresWithItsChallenge() {
        String solved = solve(pow.challenge("kontakt"));
        clock.now = start.plus(ProofOfWork.VALIDITY).plus(Duration.ofSeconds(2));
        assertEquals(ProofOfWork.Verdict.EXPIRED, pow.check("kontakt", solved));
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
