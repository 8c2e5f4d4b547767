package org.formhaus.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.formhaus.simulator.FaultMode;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/** GDPR retention: old submissions lose their personal data and keep their delivery record; live ones are kept. */
class RetentionIT {

    private static final long DAY = 86_400_000L;

    @Test
    void afterTheRetentionPeriodDeliveredDataIsErasedWhileStatusIdsAndAttemptsStayAndUndeliveredIsKept()
            throws Exception {
        try (TestServer server = TestServer.onMariaDb().with("retention.days", "180").start()) {
            server.adminJson("POST", "/admin/api/forms", TestForms.nameAndEmail("kontakt", "Kontakt"));
            String delivered = submit(server, "old.lead@example.org");
            Await.until("delivery", Duration.ofSeconds(15), () -> status(server, delivered).equals("delivered") ? 1 : null);
            server.simulator().fault(FaultMode.DOWN);
            String waiting = submit(server, "waiting.lead@example.org");
            long now = System.currentTimeMillis();

            assertEquals(0, server.app().sweepRetention(now + 179 * DAY), "nothing is old enough yet");
            assertEquals(1, server.app().sweepRetention(now + 181 * DAY));

            JsonObject erased = get(server, delivered);
            assertEquals("{\"erased\":true}", erased.get("data").toString());
            assertEquals("delivered", erased.get("status").getAsString());
            assertTrue(erased.getAsJsonObject("records").has("address"), erased.toString());
            assertEquals(1, erased.getAsJsonArray("attempts").size());
            assertTrue(get(server, waiting).get("data").toString().contains("waiting.lead@example.org"),
                    "a submission still on its way is never erased");
            assertEquals(0, server.app().sweepRetention(now + 181 * DAY), "erasing twice changes nothing");
        }
    }

    @Test
    void aRetentionOfZeroKeepsEverything() throws Exception {
        try (TestServer server = TestServer.onMariaDb().with("retention.days", "0").start()) {
            server.adminJson("POST", "/admin/api/forms", TestForms.nameAndEmail("kontakt", "Kontakt"));
            String id = submit(server, "kept@example.org");
            Await.until("delivery", Duration.ofSeconds(15), () -> status(server, id).equals("delivered") ? 1 : null);
            assertEquals(0, server.app().sweepRetention(System.currentTimeMillis() + 36_500 * DAY));
        }
    }

    private static String submit(TestServer server, String email) throws Exception {
        String body = server.submitJson("kontakt", Map.of("vorname", List.of("Eva"), "email", List.of(email))).body();
        return JsonParser.parseString(body).getAsJsonObject().get("id").getAsString();
    }

    private static JsonObject get(TestServer server, String id) throws Exception {
        return server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
    }

    private static String status(TestServer server, String id) throws Exception {
        return get(server, id).get("status").getAsString();
    }
}
