package org.formhaus.web;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import org.formhaus.intake.IdempotencyKey;
import org.formhaus.storage.SharedWindows;
import org.formhaus.storage.SlidingWindows;
import org.formhaus.storage.SpamCounts;

/**
 * The spam and abuse checks of a submission: rate limits per client address and form (429) and per form from all
 * clients (above it a flood: the browser is asked for a {@link ProofOfWork} instead of refusing a real visitor), the
 * signed form token (issued by this instance for this form, not expired) with the minimum fill time, and the
 * honeypot field. Every rejection is counted per form and reason ({@link SpamCounts}); nothing rejected is stored or
 * delivered. Thread-safe; one per application.
 */
final class SpamGuard {

    private static final System.Logger LOG = System.getLogger(SpamGuard.class.getName());
    static final String TOKEN = "_fh_token";
    static final String HONEYPOT = "_fh_website";

    /**
     * What to do with a submission. {@code retryAfterSeconds} is set for {@link Outcome#LIMITED}; {@code token} is the
     * submission's valid token when it passed (null when it carried none and none is required).
     */
    record Verdict(Outcome outcome, long retryAfterSeconds, FormToken.Served token) {
        static final Verdict PASS = new Verdict(Outcome.PASS, 0, null);

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
        /** No valid token, or an expired one: the client never loaded the form, or too long ago (400). */
        BAD_TOKEN,
        /** Sent faster than a person could fill the form (422, the visitor may simply send again). */
        TOO_FAST
    }

    private final FormToken tokens;
    private final RateLimiter perClient;
    private final RateLimiter perForm;
    private final long minFillMs;
    private final long tokenValidityMs;
    private final SpamCounts counts;

    /** {@code limits}: where the rate limits count (shared over instances: {@link SharedWindows}). */
    SpamGuard(FormToken tokens, int perClientPerMinute, int perFormPerMinute, int minFillSeconds,
              Duration tokenValidity, SpamCounts counts, SlidingWindows limits) {
        this.tokens = tokens;
        this.perClient = new RateLimiter("rate-client", perClientPerMinute, limits);
        this.perForm = new RateLimiter("rate-form", perFormPerMinute, limits);
        this.minFillMs = minFillSeconds * 1000L;
        this.tokenValidityMs = tokenValidity.toMillis();
        this.counts = counts;
    }

    /** Checked first, before the body is read: a flood costs as little as possible. */
    Verdict rateLimit(String formKey, String clientAddress, long now) {
        long wait = perClient.acquire(clientAddress + "|" + formKey, now);
        if (wait > 0) {
            count(formKey, "rate-limit", now);
            return new Verdict(Outcome.LIMITED, wait, null);
        }
        if (perForm.acquire(formKey, now) > 0) {
            return new Verdict(Outcome.PROOF_NEEDED, 0, null);
        }
        return Verdict.PASS;
    }

    /**
     * The form token: issued by this instance for this form and not expired. With the minimum fill time off
     * ({@code spam.min.fill.seconds=0}) a token is not required; one that is valid still makes the submission
     * single-use.
     */
    Verdict inspectToken(String formKey, SubmissionInput input, long now) {
        FormToken.Served served = tokens.open(formKey, input.first(TOKEN));
        boolean expired = served != null && now - served.atMs() > tokenValidityMs;
        if (minFillMs == 0) {
            return new Verdict(Outcome.PASS, 0, expired ? null : served);
        }
        if (served == null || expired) {
            return rejected(formKey, Outcome.BAD_TOKEN, expired ? "expired" : "token", now);
        }
        return new Verdict(Outcome.PASS, 0, served);
    }

    /** Whether the form was sent back sooner after serving than a person could fill it in (counted). */
    boolean tooFast(String formKey, FormToken.Served token, long now) {
        if (minFillMs == 0 || token == null || now - token.atMs() >= minFillMs) {
            return false;
        }
        rejected(formKey, Outcome.TOO_FAST, "too-fast", now);
        return true;
    }

    /**
     * Whether the honeypot field was filled in (counted). Asked only of a submission that passed its token check and
     * validation, so that a bot is told what a person would be told.
     */
    boolean caughtByHoneypot(String formKey, SubmissionInput input, long now) {
        if (input.first(HONEYPOT).isEmpty()) {
            return false;
        }
        LOG.log(Level.INFO, "Spam rejected on form " + formKey + " (honeypot)");
        count(formKey, "honeypot", now);
        return true;
    }

    /** How long after serving a token expires, in ms. */
    long tokenValidityMs() {
        return tokenValidityMs;
    }

    String issueToken(String formKey, long now) {
        return tokens.issue(formKey, now);
    }

    /** The key that makes a submission with a valid token single-use ({@link FormToken#digest}). */
    IdempotencyKey idempotencyKey(String formKey, FormToken.Served token, SubmissionInput input) {
        return token == null ? null : new IdempotencyKey(token.id(),
                tokens.digest(formKey, token.id(), input.fingerprint()), token.atMs() + tokenValidityMs);
    }

    private Verdict rejected(String formKey, Outcome outcome, String reason, long now) {
        LOG.log(Level.INFO, "Spam rejected on form " + formKey + " (" + reason + ")");
        count(formKey, reason, now);
        return new Verdict(outcome, 0, null);
    }

    private void count(String formKey, String reason, long now) {
        try {
            counts.count(formKey, reason, now);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not count spam (" + reason + ") on form " + formKey + ": " + e.getMessage());
        }
    }
}
