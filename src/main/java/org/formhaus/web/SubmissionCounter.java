package org.formhaus.web;

/**
 * Told of every answered submission to a known form: accepted (stored with its delivery job), refused (invalid,
 * over a rate limit, or not storable) or spam (honeypot, missing token, sent too fast). Implementations must be
 * thread-safe and quick; the visitor waits.
 */
@FunctionalInterface
public interface SubmissionCounter {

    SubmissionCounter NONE = (formKey, outcome) -> {
    };

    void count(String formKey, Outcome outcome);

    /** How a submission was answered. */
    enum Outcome {
        ACCEPTED, REFUSED, SPAM;

        /** The lower-case name, as metrics label it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
