package org.formhaus.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/** A form's own retention period replaces the instance's (default settings: 180 days) for that form only. */
class FormRetentionIT {

    private static final long DAY = 86_400_000L;

    @Test
    void aFormsOwnRetentionErasesItsSubmissionsEarlierAndOthersKeepTheInstanceDefault() throws Exception {
        try (TestServer server = TestServer.onMariaDb().start()) {
            server.adminJson("POST", "/admin/api/forms", SubmissionsWorkspaceIT.form("kurz",
                    ", \"privacy\": {\"retentionDays\": 7}"));
            server.adminJson("POST", "/admin/api/forms", SubmissionsWorkspaceIT.form("lang",
                    ", \"privacy\": {\"retentionDays\": 400}"));
            server.adminJson("POST", "/admin/api/forms", SubmissionsWorkspaceIT.form("normal", ""));
            String shortLived = submit(server, "kurz");
            String longLived = submit(server, "lang");
            String normal = submit(server, "normal");
            for (String id : List.of(shortLived, longLived, normal)) {
                Await.until("delivery", Duration.ofSeconds(20), () -> data(server, id).contains("Retention") ? true
                        : null);
                Await.until("delivered", Duration.ofSeconds(20), () -> server.adminJson("GET",
                        "/admin/api/submissions/" + id, null).getAsJsonObject().get("status").getAsString()
                        .equals("delivered") ? true : null);
            }
            long now = System.currentTimeMillis();
            assertEquals(0, server.app().sweepRetention(now + 6 * DAY));
            assertEquals(1, server.app().sweepRetention(now + 8 * DAY), "the 7-day form only");
            assertTrue(data(server, shortLived).contains("erased"));
            assertEquals(1, server.app().sweepRetention(now + 181 * DAY), "the instance's 180 days for the other");
            assertTrue(data(server, normal).contains("erased"));
            assertTrue(data(server, longLived).contains("Retention"), "400 days are longer than the default");
            assertEquals(1, server.app().sweepRetention(now + 401 * DAY));
        }
    }

    private static String submit(TestServer server, String form) throws Exception {
        String body = server.submitJson(form, Map.of("vorname", List.of("Retention"), "email",
                List.of(form + "@retention.example"))).body();
        return JsonParser.parseString(body).getAsJsonObject().get("id").getAsString();
    }

    private static String data(TestServer server, String id) throws Exception {
        return server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject().get("data").toString();
    }
}
