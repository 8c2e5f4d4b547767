package org.formhaus.storage;

import java.util.List;

/**
 * Which of an account's submissions to list or export: a form (null: all), a status (null: any), a time range
 * ({@code fromMs} inclusive, {@code toMs} exclusive; null: open) and search terms, each a keyed hash that the
 * submission must carry (see {@code submission_term}; empty: no search). Immutable.
 */
public record SubmissionFilter(long accountId, String formKey, SubmissionStatus status, Long fromMs, Long toMs,
                               List<String> terms) {

    public SubmissionFilter {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    /** Every submission of the account. */
    public static SubmissionFilter all(long accountId) {
        return new SubmissionFilter(accountId, null, null, null, null, List.of());
    }

    public SubmissionFilter form(String key) {
        return new SubmissionFilter(accountId, key, status, fromMs, toMs, terms);
    }
}
