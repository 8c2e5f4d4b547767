package org.formhaus.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.ApiRight;
import org.formhaus.simulator.FaultMode;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #6: whatever onOffice does (down, slow, 5xx, a reply lost after it committed, rights or credentials taken
 * away), every accepted submission ends delivered exactly once, counted in the simulator: one address, one
 * confirmation and one notice per visitor. On MariaDB, with backoff and timeouts shrunk to keep it fast.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryFaultsIT {

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb()
            .with("delivery.backoff.base.millis", "100")
            .with("delivery.backoff.max.millis", "400")
            .with("onoffice.request.timeout.seconds", "1")
            .with("delivery.lease.millis", "5000")
            .with("delivery.workers", "4")
            .perTestClass();

    @BeforeAll
    void defineTheLeadForm() throws Exception {
        server.adminJson("POST", "/admin/api/forms", Leads.FORM);
    }

    @AfterEach
    void healSimulator() throws Exception {
        server.simulator().noFault();
    }


    @Test
    void submissionsAcceptedWhileOnOfficeIsDownAreDeliveredOnceWhenItReturns() throws Exception {
        server.simulator().fault(FaultMode.DOWN);
        List<String> emails = emails("down", 5);
        List<String> ids = submitAll(emails);
        for (String id : ids) {
            Await.until("a failed try of " + id, Duration.ofSeconds(15), () -> attempts(id).size() >= 2 ? id : null);
            assertEquals("delivering", submission(id).get("status").getAsString(), "retrying, not failed");
        }
        server.simulator().noFault();
        awaitDelivered(ids);
        assertExactlyOnce(emails);
        assertTrue(attempts(ids.get(0)).toString().contains("HTTP 503"), "each try's reason is kept: " + attempts(ids.get(0)));
    }

    @Test
    void aSlowOnOfficeDeliversEverySubmissionOnce() throws Exception {
        server.simulator().fault(FaultMode.SLOW, 300);
        List<String> emails = emails("slow", 4);
        awaitDelivered(submitAll(emails));
        assertExactlyOnce(emails);
    }

    @Test
    void serverErrorsAreRetriedUntilTheyPass() throws Exception {
        server.simulator().fault(FaultMode.HTTP500, 0, 4);
        List<String> emails = emails("http500", 3);
        List<String> ids = submitAll(emails);
        awaitDelivered(ids);
        assertExactlyOnce(emails);
        assertTrue(ids.stream().anyMatch(id -> {
            try {
                return attempts(id).toString().contains("server error");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }), "some tried into the 500s");
    }

    @Test
    void aCreateWhoseReplyIsLostAfterOnOfficeCommittedItLeavesOneAddress() throws Exception {
        // The next two requests commit, then stall past the client's 1 s timeout: the address exists, we don't know.
        server.simulator().fault(FaultMode.TIMEOUT_AFTER_COMMIT, 2500, 2);
        String email = "lost.reply@example.org";
        String id = Leads.submit(server, email);
        JsonObject delivered = awaitDelivered(List.of(id)).get(0);
        assertTrue(attempts(id).toString().contains("No reply from onOffice"), attempts(id).toString());
        assertExactlyOnce(List.of(email));
        String recorded = delivered.getAsJsonObject("records").get("address").getAsString();
        assertTrue(server.simulator().records("address").toString().contains("\"id\":" + recorded)
                || server.simulator().records("address").toString().contains("\"id\":\"" + recorded + "\""));
    }

    @Test
    void aRightTakenAwayMidRunFailsAtOnceNamingItAndAnAdminRetryDeliversOnceAfterItIsGranted() throws Exception {
        List<String> before = emails("rights-before", 2);
        awaitDelivered(submitAll(before));
        server.simulator().right(ApiRight.WRITE_ADDRESSES, false);
        String email = "rights-revoked@example.org";
        String id = Leads.submit(server, email);
        JsonObject failed = awaitStatus(id, "failed");
        String error = failed.get("error").getAsString();
        assertTrue(error.contains("lacks a right") && error.contains("\"Write addresses\""), error);
        assertEquals(1, attempts(id).size(), "no retries for days: " + attempts(id));

        server.simulator().right(ApiRight.WRITE_ADDRESSES, true);
        server.adminJson("POST", "/admin/api/submissions/" + id + "/retry", null);
        awaitDelivered(List.of(id));
        List<String> all = new ArrayList<>(before);
        all.add(email);
        assertExactlyOnce(all);
    }

    @Test
    void aWrongSecretFailsSayingToCheckTheCredentialsAndAfterTheFixAndARetryItIsDeliveredOnce() throws Exception {
        server.adminJson("PUT", "/admin/api/settings/onoffice", "{\"secret\": \"not-the-secret\"}");
        String email = "wrong.secret@example.org";
        String id = Leads.submit(server, email);
        String error = awaitStatus(id, "failed").get("error").getAsString();
        assertTrue(error.contains("token and secret") && error.contains("HMAC"), error);
        assertFalse(error.contains("not-the-secret"), error);

        server.adminJson("PUT", "/admin/api/settings/onoffice", "{\"secret\": \"" + TestServer.SIM_SECRET + "\"}");
        server.adminJson("POST", "/admin/api/submissions/" + id + "/retry", null);
        awaitDelivered(List.of(id));
        assertExactlyOnce(List.of(email));
    }

    @Test
    void aMailboxNotAssignedFailsAfterTheAddressAndTheRetrySendsOnlyTheMails() throws Exception {
        server.simulator().mailboxes();
        String email = "no.mailbox@example.org";
        String id;
        try {
            id = Leads.submit(server, email);
            JsonObject failed = awaitStatus(id, "failed");
            assertTrue(failed.get("error").getAsString().contains("Basic settings → Email"), failed.toString());
            assertTrue(failed.getAsJsonObject("records").has("address"), "the address step is recorded");
        } finally {
            server.simulator().mailboxes("info@agentur.example", "vertrieb@agentur.example");
        }
        long createsBefore = addressCreates();
        server.adminJson("POST", "/admin/api/submissions/" + id + "/retry", null);
        awaitDelivered(List.of(id));
        assertEquals(createsBefore, addressCreates(), "the retry resumed after the recorded address");
        assertExactlyOnce(List.of(email));
    }

    @Test
    void aSubmissionStillFailingAtItsHorizonEndsFailedWithTheLastReason() throws Exception {
        server.simulator().fault(FaultMode.DOWN);
        String id = Leads.submit(server, "horizon@example.org");
        Await.until("a first try", Duration.ofSeconds(10), () -> attempts(id).size() >= 1 ? id : null);
        try (Connection c = DriverManager.getConnection(server.database().url());
             PreparedStatement s = c.prepareStatement("UPDATE delivery_job SET give_up_ms = ? WHERE submission_id = ?")) {
            s.setLong(1, System.currentTimeMillis() + 200);
            s.setString(2, id);
            s.executeUpdate();
        }
        String error = awaitStatus(id, "failed").get("error").getAsString();
        assertTrue(error.startsWith("Gave up after "), error);
        assertTrue(error.contains("503"), error);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static List<String> emails(String prefix, int n) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            emails.add(prefix + "." + i + "@example.org");
        }
        return emails;
    }

    private List<String> submitAll(List<String> emails) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String email : emails) {
            ids.add(Leads.submit(server, email));
        }
        return ids;
    }

    private JsonObject submission(String id) throws Exception {
        return server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
    }

    private JsonArray attempts(String id) throws Exception {
        return submission(id).getAsJsonArray("attempts");
    }

    private JsonObject awaitStatus(String id, String status) throws Exception {
        return Await.until("submission " + id + " to be " + status, Duration.ofSeconds(20), () -> {
            JsonObject s = submission(id);
            return s.get("status").getAsString().equals(status) ? s : null;
        });
    }

    private List<JsonObject> awaitDelivered(List<String> ids) throws Exception {
        List<JsonObject> delivered = new ArrayList<>();
        for (String id : ids) {
            delivered.add(awaitStatus(id, "delivered"));
        }
        return delivered;
    }

    private long addressCreates() throws Exception {
        long n = 0;
        for (JsonElement request : server.simulator().requests()) {
            for (JsonElement action : request.getAsJsonObject().getAsJsonArray("actions")) {
                if (action.toString().contains("urn:onoffice-api-action:create") && action.toString().contains("address")) {
                    n++;
                }
            }
        }
        return n;
    }

    private void assertExactlyOnce(List<String> emails) throws Exception {
        JsonArray addresses = server.simulator().records("address");
        JsonArray mails = server.simulator().mails();
        for (String email : emails) {
            assertEquals(1, Leads.addresses(addresses, email), "addresses of " + email);
            assertEquals(1, Leads.confirmations(mails, email), "confirmations to " + email);
            assertEquals(1, Leads.notices(mails, email), "notices about " + email);
        }
    }
}
