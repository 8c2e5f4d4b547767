package org.formhaus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import org.formhaus.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox with more than one job per submission (a newsletter's confirmation beside its delivery, issue #9), on
 * H2 in MariaDB mode migrated like production.
 */
class DeliveryJobStoreTest {

    private static final String ID = "00000000-0000-0000-0000-000000000001";
    private static final long NOW = 1_000_000;
    private static final long LEASE = 60_000;
    private static final long HORIZON = NOW + 3_600_000;

    private final TestDatabase testDb = TestDatabase.h2();
    private Database db;
    private DeliveryJobStore jobs;

    @BeforeEach
    void open() throws Exception {
        db = testDb.open();
        jobs = new DeliveryJobStore(db);
        try (Connection c = db.connection()) {
            Jdbc.update(c, "INSERT INTO submission (id, account_id, form_key, form_version, status, data, created_ms, "
                    + "updated_ms) VALUES (?, 1, 'news', 1, 'received', '{}', ?, ?)", ID, NOW, NOW);
            Jdbc.update(c, "INSERT INTO delivery_job (submission_id, account_id, state, due_ms, attempts, give_up_ms) "
                    + "VALUES (?, 1, 'pending', ?, 0, ?)", ID, NOW, HORIZON);
        }
    }

    @AfterEach
    void close() {
        db.close();
        testDb.close();
    }

    @Test
    void aConfirmationIsQueuedOnceBesideTheSubmissionsOwnJob() throws Exception {
        assertTrue(jobs.enqueue(ID, 1, JobKind.NEWSLETTER_CONFIRMATION, NOW, HORIZON));
        assertFalse(jobs.enqueue(ID, 1, JobKind.NEWSLETTER_CONFIRMATION, NOW, HORIZON), "a second click");
        assertFalse(jobs.enqueue(ID, 1, JobKind.SUBMISSION, NOW, HORIZON), "the delivery has its job");
        assertFalse(jobs.enqueue("00000000-0000-0000-0000-00000000dead", 1, JobKind.NEWSLETTER_CONFIRMATION, NOW,
                HORIZON), "no job without its submission");
        assertEquals(2, jobs.countPending());
    }

    @Test
    void jobsOfOneSubmissionNeverRunAtTheSameTime() throws Exception {
        jobs.enqueue(ID, 1, JobKind.NEWSLETTER_CONFIRMATION, NOW, HORIZON);
        List<DeliveryJobStore.Job> first = jobs.claimDue("a", NOW, LEASE, 10, 10);
        assertEquals(1, first.size(), "one job of the submission per claim");
        assertEquals(List.of(), jobs.claimDue("b", NOW, LEASE, 10, 10), "nothing while its sibling is leased");

        jobs.succeed(ID, "a", new DeliveryAttempt(NOW, NOW + 10, "delivered", ""));
        List<DeliveryJobStore.Job> second = jobs.claimDue("b", NOW + 20, LEASE, 10, 10);
        assertEquals(1, second.size());
        assertNotEquals(first.get(0).kind(), second.get(0).kind());
    }

    @Test
    void theSubmissionsStatusSumsUpItsJobs() throws Exception {
        claim(JobKind.SUBMISSION, NOW);
        jobs.succeed(ID, "w", new DeliveryAttempt(NOW, NOW, "delivered", ""));
        assertEquals("delivered", status());

        jobs.enqueue(ID, 1, JobKind.NEWSLETTER_CONFIRMATION, NOW, HORIZON);
        claim(JobKind.NEWSLETTER_CONFIRMATION, NOW);
        jobs.reschedule(ID, "w", NOW + 5_000, new DeliveryAttempt(NOW, NOW, "retry", "Newsletter confirmation: down"));
        assertEquals("delivering", status(), "a job still pending");
        assertEquals("Newsletter confirmation: down", lastError());

        claim(JobKind.NEWSLETTER_CONFIRMATION, NOW + 5_000);
        jobs.fail(ID, "w", new DeliveryAttempt(NOW, NOW, "failed", "Newsletter confirmation: no right"));
        assertEquals("failed", status());

        assertTrue(jobs.retry(ID, NOW + 6_000, HORIZON), "an admin's retry takes the failed job");
        claim(JobKind.NEWSLETTER_CONFIRMATION, NOW + 6_000);
        jobs.succeed(ID, "w", new DeliveryAttempt(NOW, NOW, "delivered", "Newsletter confirmation"));
        assertEquals("delivered", status());
        assertNull(lastError());
    }

    @Test
    void aSucceedingJobLeavesTheReasonOfAFailedSiblingShown() throws Exception {
        claim(JobKind.SUBMISSION, NOW);
        jobs.fail(ID, "w", new DeliveryAttempt(NOW, NOW, "failed", "missing right"));
        jobs.enqueue(ID, 1, JobKind.NEWSLETTER_CONFIRMATION, NOW, HORIZON);
        claim(JobKind.NEWSLETTER_CONFIRMATION, NOW);
        jobs.succeed(ID, "w", new DeliveryAttempt(NOW, NOW, "delivered", "Newsletter confirmation"));
        assertEquals("failed", status());
        assertEquals("missing right", lastError());
    }

    private void claim(JobKind expected, long now) throws Exception {
        List<DeliveryJobStore.Job> claimed = jobs.claimDue("w", now, LEASE, 1, 10);
        assertEquals(1, claimed.size());
        assertEquals(expected, claimed.get(0).kind());
    }

    private String status() throws Exception {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getString(1), "SELECT status FROM submission WHERE id = ?", ID).orElseThrow();
        }
    }

    private String lastError() throws Exception {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> row.getString(1), "SELECT last_error FROM submission WHERE id = ?", ID).get(0);
        }
    }
}
