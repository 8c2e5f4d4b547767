package org.formhaus.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.testing.Await;
import org.formhaus.testing.Multipart;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a visitor's whole journey (a contact form with name, e-mail, phone, message and a file; delivery to
 * onOffice; the confirmation and the team's notice) and an admin entering the onOffice secret, with every log line of
 * the JVM captured (Formhaus's at every level, the libraries' from INFO, as deployed): none holds a submitted value or a secret. The JSON lines carry the request id
 * and, from acceptance through delivery, the submission id.
 */
class NoPersonalDataInLogsIT {

    static final String FORM = """
            { "key": "rueckruf", "kind": "contact", "language": "de", "title": "Rückruf",
              "fields": [
                {"name": "vorname", "type": "text", "label": "Vorname", "required": true, "maps": "address.Vorname"},
                {"name": "name", "type": "text", "label": "Name", "required": true, "maps": "address.Name"},
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                {"name": "telefon", "type": "phone", "label": "Telefon", "maps": "address.Telefon1"},
                {"name": "text", "type": "textarea", "label": "Nachricht", "maps": "agentslog.Bemerkung"},
                {"name": "unterlagen", "type": "file", "label": "Unterlagen", "accept": ["txt"]}
              ],
              "emails": {
                "confirmation": {"enabled": true, "subject": "Danke, ${values.vorname}"},
                "notice": {"enabled": true, "to": ["team@agentur.example"]}
              } }""";
    static final String FIRST = "Wilhelmine";
    static final String LAST = "Quastenberg";
    static final String EMAIL = "wilhelmine.quastenberg@example.org";
    static final String PHONE = "0170 5550123";
    static final String MESSAGE = "Dachgaube undicht seit Dienstag";
    static final String FILE_NAME = "ausweis-quastenberg.txt";
    static final String FILE_TEXT = "Personalausweis Nummer T22000129";
    static final String NEW_SECRET = "logscan" + TestServer.SIM_SECRET.substring(7);

    @Test
    void theWholeJourneyLogsNoSubmittedValueAndNoSecretButItsIds() throws Exception {
        String requestId = "edge-proxy-4711";
        String submissionId;
        try (LogCapture log = new LogCapture();
             TestServer server = TestServer.onMariaDb().with("log.format", "json").start()) {
            server.adminJson("POST", "/admin/api/forms", FORM);
            // The admin enters the secret again (the same one; the simulator knows no other) and a wrong one.
            server.adminJson("PUT", "/admin/api/settings/onoffice", "{\"secret\": \"" + NEW_SECRET + "\"}");
            server.adminJson("PUT", "/admin/api/settings/onoffice", "{\"secret\": \"" + TestServer.SIM_SECRET + "\"}");

            Multipart body = new Multipart();
            body.field("vorname", FIRST);
            body.field("name", LAST);
            body.field("email", EMAIL);
            body.field("telefon", PHONE);
            body.field("text", MESSAGE);
            body.file("unterlagen", FILE_NAME, "text/plain", FILE_TEXT.getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> reply = server.send(body.post(server.uri("/f/rueckruf"))
                    .header("Accept", "application/json").header("X-Request-Id", requestId));
            assertEquals(202, reply.statusCode(), reply.body());
            assertEquals(requestId, reply.headers().firstValue("X-Request-Id").orElse(""), "echoed");
            submissionId = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
            String id = submissionId;
            Await.until("delivery with both e-mails", Duration.ofSeconds(30), () -> {
                JsonObject s = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
                if (s.get("status").getAsString().equals("failed")) {
                    throw new AssertionError("delivery failed: " + s);
                }
                return s.get("status").getAsString().equals("delivered") ? s : null;
            });
            assertEquals(2, server.simulator().mails().size(), "confirmation and notice sent");
            // A refused submission (its values come back to the visitor) and the admin reading the submission.
            server.send(HttpRequest.newBuilder(server.uri("/f/rueckruf")).header("Accept", "application/json")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("vorname=" + FIRST + "&email=not-" + LAST)));
            server.admin("GET", "/admin/api/submissions", null);
            String everything = log.all();
            List<String> leaked = new ArrayList<>();
            for (String value : List.of(FIRST, LAST, EMAIL, PHONE, PHONE.replace(" ", ""), MESSAGE, FILE_NAME,
                    FILE_TEXT, TestServer.SIM_SECRET, NEW_SECRET, TestServer.SIM_TOKEN, TestServer.ADMIN_TOKEN,
                    TestServer.ADMIN_PASSWORD, TestServer.MASTER_KEY)) {
                if (everything.contains(value)) {
                    leaked.add(value);
                }
            }
            assertTrue(leaked.isEmpty(), "in the log: " + leaked + "\n" + everything);

            List<JsonObject> lines = log.records().lines().map(l -> JsonParser.parseString(l).getAsJsonObject())
                    .toList();
            assertTrue(lines.stream().anyMatch(l -> requestId.equals(text(l, "requestId"))
                    && submissionId.equals(text(l, "submissionId"))), "acceptance names the request and submission");
            assertTrue(lines.stream().anyMatch(l -> text(l, "logger").startsWith("org.formhaus.delivery")
                    && submissionId.equals(text(l, "submissionId"))), "delivery names the submission");
            HttpResponse<String> health = server.get("/healthz");
            assertTrue(health.headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f-]{36}"),
                    "an id is made when none is given");
            assertFalse(server.send(HttpRequest.newBuilder(server.uri("/healthz"))
                    .header("X-Request-Id", "forged " + "x".repeat(80))).headers().firstValue("X-Request-Id")
                    .orElse("").contains("forged"), "an unusable id is replaced");
        }
    }

    private static String text(JsonObject line, String key) {
        return line.has(key) ? line.get(key).getAsString() : "";
    }
}
