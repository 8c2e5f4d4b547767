package org.formhaus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.formhaus.submission.AcceptedSubmission;
import org.formhaus.testing.H2Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Submissions and their delivery jobs on H2 in MariaDB mode: accepted together (the outbox), claimed by one worker
 * at a time within the per-account limit, finished only by the lease holder, erased after retention.
 */
class SubmissionStoreTest {

    @RegisterExtension
    static final H2Database h2 = new H2Database();

    private static final long NOW = 1_760_000_000_000L;
    private static final long LEASE = 60_000;
    private static final long GIVE_UP = NOW + 72 * 3_600_000L;

    private final SubmissionStore submissions = new SubmissionStore(h2.db());
    private final DeliveryJobStore jobs = new DeliveryJobStore(h2.db());

    private Submission accept(long accountId, long createdMs, List<NewFile> files) throws Exception {
        Submission s = new Submission(UUID.randomUUID().toString(), accountId, "kontakt", 1, SubmissionStatus.RECEIVED,
                new AcceptedSubmission(Map.of("email", "erika@example.org"), "de", List.of(), null, List.of()),
                new JsonObject(), null, createdMs, createdMs);
        submissions.accept(s, GIVE_UP, files);
        return s;
    }

    private static DeliveryAttempt attempt(String outcome) {
        return new DeliveryAttempt(NOW, NOW + 10, outcome, outcome.equals("ok") ? null : "onOffice is down");
    }

    @Test
    void anAcceptedSubmissionIsStoredWithItsValuesAndADeliveryJobDueAtOnce() throws Exception {
        long account = h2.account("Accepting").id();
        Submission s = accept(account, NOW, List.of());

        Submission stored = submissions.find(s.id()).orElseThrow();
        assertEquals("erika@example.org", stored.data().values().get("email"));
        assertEquals(SubmissionStatus.RECEIVED, stored.status());
        List<DeliveryJobStore.Job> claimed = jobs.claimDue("w1", NOW, LEASE, 100, 100);
        assertTrue(claimed.stream().anyMatch(j -> j.submissionId().equals(s.id())), claimed.toString());
    }

    @Test
    void aClaimedJobIsNotClaimedAgainUntilItsLeaseRunsOut() throws Exception {
        long account = h2.account("Leasing").id();
        Submission s = accept(account, NOW, List.of());
        assertTrue(ids(jobs.claimDue("w1", NOW, LEASE, 100, 100)).contains(s.id()));

        assertFalse(ids(jobs.claimDue("w2", NOW + 1, LEASE, 100, 100)).contains(s.id()), "leased to w1");
        assertTrue(ids(jobs.claimDue("w2", NOW + LEASE + 1, LEASE, 100, 100)).contains(s.id()),
                "due again once w1's lease ran out (w1 died)");
        assertFalse(jobs.succeed(s.id(), "w1", attempt("ok")), "w1 lost the job and may not finish it");
        assertTrue(jobs.succeed(s.id(), "w2", attempt("ok")));
        assertEquals(SubmissionStatus.DELIVERED, submissions.find(s.id()).orElseThrow().status());
    }

    @Test
    void noMoreJobsOfOneAccountAreLeasedThanItsLimit() throws Exception {
        long busy = h2.account("Busy").id();
        for (int i = 0; i < 3; i++) {
            accept(busy, NOW, List.of());
        }
        long quiet = h2.account("Quiet").id();
        Submission other = accept(quiet, NOW, List.of());

        List<DeliveryJobStore.Job> claimed = jobs.claimDue("w1", NOW + 2 * LEASE, LEASE, 100, 2);
        assertEquals(2, claimed.stream().filter(j -> j.accountId() == busy).count());
        assertTrue(ids(claimed).contains(other.id()), "another account is not held up");
        assertTrue(jobs.claimDue("w2", NOW + 2 * LEASE, LEASE, 100, 2).stream().noneMatch(j -> j.accountId() == busy),
                "the limit holds over every instance");
    }

    @Test
    void aFailedSubmissionGoesBackToTheQueueWhenAnAdminRetriesIt() throws Exception {
        long account = h2.account("Retrying").id();
        Submission s = accept(account, NOW, List.of());
        jobs.claimDue("w1", NOW + 3 * LEASE, LEASE, 100, 100);
        assertTrue(jobs.fail(s.id(), "w1", attempt("error")));
        Submission failed = submissions.find(s.id()).orElseThrow();
        assertEquals(SubmissionStatus.FAILED, failed.status());
        assertEquals("onOffice is down", failed.lastError());

        assertTrue(jobs.retry(s.id(), NOW + 4 * LEASE, GIVE_UP));
        assertEquals(SubmissionStatus.RECEIVED, submissions.find(s.id()).orElseThrow().status());
        assertTrue(ids(jobs.claimDue("w2", NOW + 4 * LEASE, LEASE, 100, 100)).contains(s.id()));
        assertEquals(1, submissions.attempts(s.id()).size());
    }

    @Test
    void retentionErasesTheDataAndFilesOfFinishedSubmissionsOnlyAndKeepsTheRow() throws Exception {
        long account = h2.account("Erasing").id();
        long old = NOW - 200L * 86_400_000L;
        NewFile file = new NewFile("expose", "expose.pdf", "application/pdf",
                "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        Submission delivered = accept(account, old, List.of(file));
        Submission pending = accept(account, old, List.of());
        jobs.claimDue("w1", NOW, LEASE, 100, 100);
        JsonObject records = new JsonObject();
        records.addProperty("address", "6313");
        submissions.saveRecords(delivered.id(), records);
        jobs.succeed(delivered.id(), "w1", attempt("ok"));
        jobs.release(pending.id(), "w1");

        int erased = submissions.erasePersonalData(NOW - 180L * 86_400_000L, NOW, 500);

        assertTrue(erased >= 1, "erased " + erased);
        Submission gone = submissions.find(delivered.id()).orElseThrow();
        assertTrue(gone.erased());
        assertNull(gone.data());
        assertEquals(SubmissionStatus.DELIVERED, gone.status());
        assertEquals("6313", gone.records().get("address").getAsString());
        assertEquals(List.of(), new SubmissionFileStore(h2.db()).list(delivered.id()));
        assertFalse(submissions.find(pending.id()).orElseThrow().erased(), "still on its way: kept");
    }

    private static List<String> ids(List<DeliveryJobStore.Job> jobs) {
        return jobs.stream().map(DeliveryJobStore.Job::submissionId).toList();
    }
}
