package org.formhaus.web;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import org.formhaus.storage.SpamCounts;

/**
 * The spam and abuse checks of a submission, before it is validated: rate limits per client address and form (429)
 * and per form from all clients (above it a flood: the browser is asked for a {@link ProofOfWork} instead of refusing
 * a real visitor), the honeypot field, and the signed form token with the minimum fill time. Every rejection
 * is counted per form and reason ({@link SpamCounts}); nothing rejected is stored or delivered. Thread-safe; one per
 * application.
 */
final class SpamGuard {

    private static final System.Logger LOG = System.getLogger(SpamGuard.class.getName());
    static final String TOKEN = "_fh_token";
    static final String HONEYPOT = "_fh_website";

    /** What to do with a submission. {@code retryAfterSeconds} is set for {@link Outcome#LIMITED}. */
    record Verdict(Outcome outcome, long retryAfterSeconds) {
        static final Verdict PASS = new Verdict(Outcome.PASS, 0);

        boolean passed() {
            return outcome == Outcome.PASS;
        }
    }

    enum Outcome {
        PASS,
        /** Over the per-client rate limit: 429 with Retry-After. */
        LIMITED,
        /** Over the per-form threshold (a flood from many clients): only with a solved proof of work. */
        PROOF_NEEDED,
        /** The honeypot was filled: answer as if accepted, so the bot learns nothing; drop it. */
        HONEYPOT,
        /** No valid token: the client never loaded the form (400). */
        BAD_TOKEN,
        /** Sent faster than a person could fill the form (422, the visitor may simply send again). */
        TOO_FAST
    }

    private final FormToken tokens;
    private final RateLimiter perClient;
    private final RateLimiter perForm;
    private final long minFillMs;
    private final SpamCounts counts;

    SpamGuard(FormToken tokens, int perClientPerMinute, int perFormPerMinute, int minFillSeconds, SpamCounts counts) {
        this.tokens = tokens;
        this.perClient = new RateLimiter(perClientPerMinute);
        this.perForm = new RateLimiter(perFormPerMinute);
        this.minFillMs = minFillSeconds * 1000L;
        this.counts = counts;
    }

    /** Checked first, before the body is read: a flood costs as little as possible. */
    Verdict rateLimit(String formKey, String clientAddress, long now) {
        long wait = perClient.acquire(clientAddress + "|" + formKey, now);
        if (wait > 0) {
            count(formKey, "rate-limit", now);
            return new Verdict(Outcome.LIMITED, wait);
        }
        if (perForm.acquire(formKey, now) > 0) {
            return new Verdict(Outcome.PROOF_NEEDED, 0);
        }
        return Verdict.PASS;
    }

    Verdict inspect(String formKey, SubmissionInput input, long now) {
        if (!input.first(HONEYPOT).isEmpty()) {
            return rejected(formKey, Outcome.HONEYPOT, "honeypot", now);
        }
        if (minFillMs == 0) {
            return Verdict.PASS;
        }
        long servedAt = tokens.servedAt(formKey, input.first(TOKEN));
        if (servedAt < 0) {
            return rejected(formKey, Outcome.BAD_TOKEN, "token", now);
        }
        if (now - servedAt < minFillMs) {
            return rejected(formKey, Outcome.TOO_FAST, "too-fast", now);
        }
        return Verdict.PASS;
    }

    String issueToken(String formKey, long now) {
        return tokens.issue(formKey, now);
    }

    private Verdict rejected(String formKey, Outcome outcome, String reason, long now) {
        LOG.log(Level.INFO, "Spam rejected on form " + formKey + " (" + reason + ")");
        count(formKey, reason, now);
        return new Verdict(outcome, 0);
    }

    private void count(String formKey, String reason, long now) {
        try {
            counts.count(formKey, reason, now);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not count spam (" + reason + ") on form " + formKey + ": " + e.getMessage());
        }
    }
}
