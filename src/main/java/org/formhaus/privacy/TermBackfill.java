package org.formhaus.privacy;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.List;
import org.formhaus.storage.InstanceSettings;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionCursor;
import org.formhaus.storage.SubmissionStore;

/**
 * Gives the submissions stored before search terms were kept (an upgrade from an earlier version) their terms, once
 * per database: a search by name or e-mail and a data-subject request then find them too. Walks every kept
 * submission oldest first in batches, adds the terms each lacks, and records {@value #DONE} in the instance settings
 * when through, so later starts skip it; an instance stopped halfway starts over at its next start (adding terms is
 * idempotent), and several instances may run it at once. Runs in the background after start.
 */
public final class TermBackfill {

    static final String DONE = "search.terms.backfilled";
    private static final System.Logger LOG = System.getLogger(TermBackfill.class.getName());
    private static final int BATCH = 500;

    private final SubmissionStore submissions;
    private final InstanceSettings settings;

    public TermBackfill(SubmissionStore submissions, InstanceSettings settings) {
        this.submissions = submissions;
        this.settings = settings;
    }

    /** Indexes what is left to index, unless done before. @return how many terms were added */
    public int run() throws SQLException {
        if (settings.get(DONE).isPresent()) {
            return 0;
        }
        int added = 0;
        SubmissionCursor after = null;
        while (!Thread.currentThread().isInterrupted()) {
            List<Submission> batch = submissions.keptAfter(after, BATCH);
            for (Submission s : batch) {
                added += submissions.addTerms(s, submissions.terms().terms(s));
            }
            if (batch.size() < BATCH) {
                settings.putIfAbsent(DONE, "true");
                return added;
            }
            Submission last = batch.get(batch.size() - 1);
            after = new SubmissionCursor(last.createdMs(), last.id());
        }
        return added;
    }

    /** {@link #run()} on a background thread of its own, logging the outcome. */
    public void start() {
        Thread thread = new Thread(() -> {
            try {
                int added = run();
                if (added > 0) {
                    LOG.log(Level.INFO, "Search terms: indexed older submissions (" + added + " terms added)");
                }
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Search terms: indexing older submissions failed; trying again at the next "
                        + "start: " + e.getMessage());
            }
        }, "formhaus-term-backfill");
        thread.setDaemon(true);
        thread.start();
    }
}
