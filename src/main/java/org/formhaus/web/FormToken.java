package org.formhaus.web;

import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.formhaus.http.SignedTokens;

/**
 * The hidden token a served form carries: when it was served, signed with the instance key ({@link SignedTokens}), so
 * a submission can prove it came from a served form and how long the visitor took. Its id (time and nonce) makes it
 * single-use: see {@link org.formhaus.intake.IdempotencyKey}. Immutable and thread-safe.
 */
final class FormToken {

    private final SignedTokens signer;

    FormToken(String instanceKey) {
        // The time is the caller's (it measures the visitor's filling time), so the signer's clock is never read.
        this.signer = new SignedTokens(instanceKey, Clock.systemUTC());
    }

    /** {@code <served ms>.<nonce>.<signature>}: the nonce gives every served page its own token, even in one ms. */
    String issue(String formKey, long nowMs) {
        String stamp = nowMs + "." + Long.toHexString(ThreadLocalRandom.current().nextLong());
        return stamp + "." + signer.sign(formKey + "." + stamp);
    }

    /** A token this instance issued: when its page was served, and its id ({@code <served ms>.<nonce>}). */
    record Served(long atMs, String id) {
    }

    /** The token as issued for this form, or null when this instance did not issue it for this form. */
    Served open(String formKey, String token) {
        if (token == null || token.length() > 200) {
            return null;
        }
        int dot = token.indexOf('.');
        int last = token.lastIndexOf('.');
        if (dot <= 0 || last == dot) {
            return null;
        }
        try {
            long issued = Long.parseLong(token.substring(0, dot));
            String id = token.substring(0, last);
            return signer.verify(formKey + "." + id, token.substring(last + 1)) ? new Served(issued, id) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@code fingerprint} (a hash of what was submitted) keyed with the instance key and bound to one token: equal
     * submissions give equal digests, and nobody without the key can tell what a digest stands for.
     */
    String digest(String formKey, String tokenId, byte[] fingerprint) {
        return signer.sign(formKey + "." + tokenId + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(fingerprint));
    }
}
