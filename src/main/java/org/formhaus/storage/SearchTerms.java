package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The {@code submission_term} rows of a submission: the keyed hashes it can be found by (its e-mail addresses, the
 * words of its name). Which values count and how they are hashed is the {@link Source}'s business
 * ({@code privacy.SubmissionTerms}); this class only stores them with the submission.
 */
public final class SearchTerms {

    private SearchTerms() {
    }

    /** The terms a new submission can be found by; must not fail for a submission without any. */
    @FunctionalInterface
    public interface Source {
        Source NONE = submission -> Set.of();

        Set<String> terms(Submission submission);
    }

    static void insert(Connection c, Submission s, Set<String> terms) throws SQLException {
        for (String term : terms) {
            Jdbc.update(c, "INSERT INTO submission_term (submission_id, account_id, term) VALUES (?, ?, ?)", s.id(),
                    s.accountId(), term);
        }
    }
}
