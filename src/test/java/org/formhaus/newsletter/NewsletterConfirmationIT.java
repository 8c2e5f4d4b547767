package org.formhaus.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.simulator.FaultMode;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Newsletter double opt-in over real HTTP with default settings (issues #9, #16): the e-mailed link opens a page whose
 * button confirms; nothing reaches onOffice before that; pressing it is answered at once even while onOffice is down,
 * and the address reaches onOffice (confirmed, with a tagged agent's-log entry, once) through the delivery outbox when
 * onOffice is back. With {@code "newsletter": "onoffice"} onOffice's own double opt-in runs instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsletterConfirmationIT {

    private static final String FORM = """
            { "key": "news", "kind": "newsletter", "language": "en", "title": "Newsletter", "fields": [
              {"name": "email", "type": "email", "label": "Email", "required": true, "maps": "address.Email"},
              {"name": "dsgvo", "type": "consent", "label": "Yes, send me the newsletter.", "required": true} ] }""";
    private static final String ONOFFICE_DOI = """
            { "key": "news-oo", "kind": "newsletter", "language": "de", "title": "Newsletter (onOffice)",
              "onoffice": {"newsletter": "onoffice"}, "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "name", "type": "text", "label": "Name", "maps": "address.Name"} ] }""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    @BeforeAll
    void define() throws Exception {
        server.adminJson("POST", "/admin/api/forms", FORM);
        server.adminJson("POST", "/admin/api/forms", ONOFFICE_DOI);
    }

    @Test
    void openingTheLinkOnlyShowsTheButtonAndConfirmsNothing() throws Exception {
        Subscription s = subscribe("scanned@example.org");
        HttpResponse<String> page = server.get(s.link);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<form method=\"post\" action=\"/n/confirm\">"), page.body());
        assertTrue(page.body().contains("Confirm subscription"), "in the form's language");
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals(0, confirmationJobs(s.id), "a mail scanner's GET queues nothing");
        assertNull(address(s.email), "nothing reaches onOffice before the confirmation");
    }

    @Test
    void pressingTheButtonIsAnsweredAtOnceWhileOnOfficeIsDownAndConfirmedWhenItIsBack() throws Exception {
        Subscription s = subscribe("eager@example.org");
        server.simulator().fault(FaultMode.DOWN);
        try {
            long start = System.nanoTime();
            HttpResponse<String> thanks = press(s.link);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, thanks.statusCode(), thanks.body());
            assertTrue(thanks.body().contains("Your newsletter subscription is confirmed."), thanks.body());
            assertTrue(tookMs < 1000, "answered at once: " + tookMs + " ms");
            assertEquals(1, confirmationJobs(s.id), "the click is recorded in the outbox");
            Await.until("a try that met onOffice down", Duration.ofSeconds(20), () -> {
                for (JsonElement a : submission(s.id).getAsJsonArray("attempts")) {
                    String message = a.getAsJsonObject().get("message").getAsString();
                    if (a.getAsJsonObject().get("outcome").getAsString().equals("retry")
                            && message.startsWith("Newsletter confirmation: ")) {
                        return true;
                    }
                }
                return null;
            });
            assertNull(address(s.email), "not written while onOffice is down");
        } finally {
            server.simulator().noFault();
        }
        JsonObject after = Await.until("the confirmation delivered", Duration.ofSeconds(30), () -> {
            JsonObject now = submission(s.id);
            return now.getAsJsonObject("records").has("newsletter.confirmed") ? now : null;
        });
        JsonObject address = address(s.email);
        assertEquals("1", address.get("newsletter_aktiv").getAsString(), "written confirmed");
        assertEquals(address.get("id").getAsString(), after.getAsJsonObject("records").get("address").getAsString());
        assertEquals("ok", after.getAsJsonObject("records").get("newsletter.confirmed").getAsString());
        List<JsonObject> logged = entriesOf(address.get("id").getAsString());
        assertEquals(1, logged.size(), "one agent's-log entry: " + logged);
        assertTrue(logged.get(0).get("note").getAsString().contains("Formhaus: FN-"), "with the confirmation's tag");
        Await.until("the submission delivered", Duration.ofSeconds(10),
                () -> submission(s.id).get("status").getAsString().equals("delivered") ? true : null);

        assertEquals(200, press(s.link).statusCode(), "pressing again is harmless");
        assertEquals(1, confirmationJobs(s.id), "and queues nothing more");
    }

    @Test
    void aTamperedOrUnknownTokenIsRefusedOnBothPageAndButton() throws Exception {
        Subscription s = subscribe("tampered@example.org");
        String tampered = s.link.substring(0, s.link.length() - 2) + "xx";
        assertEquals(400, server.get(tampered).statusCode());
        assertEquals(400, press(tampered).statusCode());
        assertEquals(400, server.get("/n/confirm").statusCode(), "no token");
        assertEquals(0, confirmationJobs(s.id));
    }

    @Test
    void onOfficesOwnDoubleOptInRegistersTheAddressOnceOnOfficeIsBackAndSendsNoLinkOfFormhaus() throws Exception {
        String email = "doi@example.org";
        server.simulator().fault(FaultMode.DOWN);
        String id;
        try {
            HttpResponse<String> reply = server.submitJson("news-oo", Map.of("email", List.of(email),
                    "name", List.of("Muster")));
            assertEquals(202, reply.statusCode(), reply.body());
            id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
            Await.until("a try that met onOffice down", Duration.ofSeconds(20), () ->
                    submission(id).getAsJsonArray("attempts").isEmpty() ? null : true);
            assertNull(address(email));
        } finally {
            server.simulator().noFault();
        }
        JsonObject delivered = Await.until("the subscription delivered", Duration.ofSeconds(30), () -> {
            JsonObject now = submission(id);
            return now.get("status").getAsString().equals("delivered") ? now : null;
        });
        JsonObject address = address(email);
        assertEquals("3", address.get("newsletter_aktiv").getAsString(), "onOffice's double opt-in is pending");
        assertEquals("ok", delivered.getAsJsonObject("records").get("newsletter.registered").getAsString());
        List<JsonObject> mails = server.simulator().mailsTo(email);
        assertEquals(1, mails.size(), mails.toString());
        assertEquals("newsletterDoubleOptIn", mails.get(0).get("kind").getAsString(), "onOffice's link, not ours");
        List<JsonObject> logged = entriesOf(address.get("id").getAsString());
        assertEquals(1, logged.size(), "onOffice logs the registration itself; Formhaus adds none: " + logged);
        assertEquals("Newsletter", logged.get(0).get("actionkind").getAsString());
    }

    private record Subscription(String id, String email, String link) {
    }

    private Subscription subscribe(String email) throws Exception {
        HttpResponse<String> reply = server.submitJson("news", Map.of("email", List.of(email), "dsgvo", List.of("yes")));
        assertEquals(202, reply.statusCode(), reply.body());
        String id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
        JsonObject delivered = Await.until("subscription delivered", Duration.ofSeconds(20), () -> {
            JsonObject s = submission(id);
            return s.get("status").getAsString().equals("delivered") ? s : null;
        });
        assertFalse(delivered.getAsJsonObject("records").has("address"), "the address waits for the confirmation");
        List<JsonObject> mails = server.simulator().mailsTo(email);
        assertEquals(1, mails.size(), "one confirmation mail to " + email);
        Matcher link = Pattern.compile("https?://\\S+(/n/confirm\\?t=\\S+)").matcher(
                mails.get(0).get("body").getAsString());
        assertTrue(link.find(), mails.toString());
        return new Subscription(id, email, link.group(1));
    }

    /** The button on the page {@code link} opens: a POST of its token. */
    private HttpResponse<String> press(String link) throws Exception {
        String token = link.substring(link.indexOf("t=") + 2);
        return server.send(HttpRequest.newBuilder(server.uri("/n/confirm"))
                .POST(HttpRequest.BodyPublishers.ofString("t=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    private JsonObject submission(String id) throws Exception {
        return server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
    }

    /** The simulator's address with that e-mail, or null. */
    private JsonObject address(String email) throws Exception {
        for (JsonElement a : server.simulator().records("address")) {
            if (a.toString().contains("\"" + email + "\"")) {
                return a.getAsJsonObject();
            }
        }
        return null;
    }

    private List<JsonObject> entriesOf(String addressId) throws Exception {
        List<JsonObject> out = new java.util.ArrayList<>();
        for (JsonElement e : server.simulator().records("agentslog")) {
            if (e.getAsJsonObject().get("addressids").toString().contains("\"" + addressId + "\"")
                    || e.getAsJsonObject().get("addressids").toString().contains("[" + addressId + "]")) {
                out.add(e.getAsJsonObject());
            }
        }
        return out;
    }

    private long confirmationJobs(String submissionId) throws Exception {
        try (Connection c = DriverManager.getConnection(server.database().url());
             var s = c.prepareStatement("SELECT COUNT(*) FROM delivery_job WHERE submission_id = ? "
                     + "AND kind = 'newsletter.confirm'")) {
            s.setString(1, submissionId);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
