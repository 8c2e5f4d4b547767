package org.formhaus.web;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import org.formhaus.http.SignedTokens;
import org.formhaus.storage.SlidingWindows;

/**
 * A privacy-friendly proof of work in the manner of ALTCHA, asked of a visitor's browser instead of refusing them when a
 * form is flooded (or always, when its definition says so): no captcha, no third party, nothing about the visitor.
 * The server picks a random salt (with its expiry and the form's key in it) and a secret number up to
 * {@link #MAX_NUMBER}; the challenge is {@code hex(SHA-256(salt + number))}, signed with the instance key
 * ({@link SignedTokens}). form.js finds the number by trying them in turn (Web Crypto) and sends
 * {@code base64(JSON {algorithm, challenge, number, salt, signature})} as {@code _fh_pow}. A solution counts when its
 * signature is ours, it has not expired, it is for this form, the number hashes to the challenge, and it was not used
 * before on any instance on the database (the challenges used are kept in {@link SlidingWindows} until they expire).
 * Thread-safe; one per application.
 */
final class ProofOfWork {

    static final String FIELD = "_fh_pow";
    /**
     * The largest secret number; a browser tries half of them on average, one Web Crypto digest at a time. Measured in
     * headless Chromium on this project's loaded 2-core test machine (ProofOfWorkIT prints it): the average solution
     * at 20,000, 10,000 digests, took 0.24 s (25,000 took 1.0 s at a busier moment), so a phone several times slower
     * stays under a second on average.
     */
    static final int MAX_NUMBER = 20_000;
    static final Duration VALIDITY = Duration.ofMinutes(10);

    /** Why a solution was refused. */
    enum Verdict { SOLVED, MISSING, FORGED, EXPIRED, REPLAYED }

    private final SignedTokens signer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Challenges solved, until they expire: a solution is good for one submission. */
    private final SlidingWindows used;

    ProofOfWork(String instanceKey, Clock clock, SlidingWindows used) {
        this.signer = new SignedTokens("proof-of-work:" + instanceKey, clock);
        this.clock = clock;
        this.used = used;
    }

    /** Remembering used challenges in this JVM only. */
    ProofOfWork(String instanceKey, Clock clock) {
        this(instanceKey, clock, SlidingWindows.inMemory());
    }

    /** A new challenge for {@code formKey}, as form.js reads it. */
    JsonObject challenge(String formKey) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        long expires = clock.instant().plus(VALIDITY).getEpochSecond();
        String salt = HexFormat.of().formatHex(nonce) + "?expires=" + expires + "&form=" + formKey;
        int number = random.nextInt(MAX_NUMBER + 1);
        String challenge = sha256(salt + number);
        JsonObject c = new JsonObject();
        c.addProperty("algorithm", "SHA-256");
        c.addProperty("challenge", challenge);
        c.addProperty("maxnumber", MAX_NUMBER);
        c.addProperty("salt", salt);
        c.addProperty("signature", signer.sign(challenge));
        return c;
    }

    /** Checks a submitted solution ({@link #FIELD}) for {@code formKey}; a good one is used up. */
    Verdict check(String formKey, String solution) {
        if (solution == null || solution.isEmpty()) {
            return Verdict.MISSING;
        }
        JsonObject s;
        try {
            if (solution.length() > 2000) {
                return Verdict.FORGED;
            }
            s = JsonParser.parseString(new String(Base64.getDecoder().decode(solution), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            String challenge = s.get("challenge").getAsString();
            String salt = s.get("salt").getAsString();
            long number = s.get("number").getAsLong();
            if (!"SHA-256".equals(s.get("algorithm").getAsString()) || !signer.verify(challenge, s.get("signature")
                    .getAsString()) || number < 0 || number > MAX_NUMBER || !salt.endsWith("&form=" + formKey)
                    || !sha256(salt + number).equals(challenge)) {
                return Verdict.FORGED;
            }
            long expires = Long.parseLong(salt.substring(salt.indexOf("?expires=") + 9, salt.indexOf("&form=")));
            long now = clock.instant().getEpochSecond();
            if (now > expires) {
                return Verdict.EXPIRED;
            }
            return firstUse(challenge, expires) ? Verdict.SOLVED : Verdict.REPLAYED;
        } catch (IllegalArgumentException | IllegalStateException | JsonParseException | NullPointerException
                 | UnsupportedOperationException | IndexOutOfBoundsException e) {
            return Verdict.FORGED; // not base64, not JSON, fields missing or of the wrong kind
        }
    }

    /** Records the challenge as used until it expires; false when it was used before. */
    private boolean firstUse(String challenge, long expiresSeconds) {
        long now = clock.millis();
        String key = "pow:" + challenge;
        return used.update(List.of(key), Math.max(1, expiresSeconds * 1000 - now + 1000), now, all -> {
            Deque<Long> uses = all.get(key);
            if (!uses.isEmpty()) {
                return false;
            }
            uses.add(now);
            return true;
        });
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
