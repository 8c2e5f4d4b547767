package org.formhaus.web;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.formhaus.http.SignedTokens;

/**
 * The hidden token a served form carries: when it was served, signed with the instance key ({@link SignedTokens}), so
 * a submission can prove it came from a served form and how long the visitor took. Immutable and thread-safe.
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

    /** When the form was served, or -1 when the token was not issued by this instance for this form. */
    long servedAt(String formKey, String token) {
        if (token == null || token.length() > 200) {
            return -1;
        }
        int dot = token.indexOf('.');
        int last = token.lastIndexOf('.');
        if (dot <= 0 || last == dot) {
            return -1;
        }
        try {
            long issued = Long.parseLong(token.substring(0, dot));
            return signer.verify(formKey + "." + token.substring(0, last), token.substring(last + 1)) ? issued : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
