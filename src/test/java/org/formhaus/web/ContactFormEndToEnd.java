package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The walking skeleton, end to end over real HTTP: the contract's contact form is defined through the admin API,
 * submitted, stored, and delivered to the sandbox simulator as an address. Runs on MariaDB and on embedded H2
 * (see the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContactFormEndToEnd {


    @RegisterExtension
    final TestServer server = onDatabase().perTestClass();

    /** The database this run uses. */
    abstract TestServer.Builder onDatabase();

    @BeforeAll
    void defineTheContractsContactForm() throws Exception {
        server.adminJson("POST", "/admin/api/forms", TestForms.CONTACT);
    }

    static Map<String, List<String>> entry(String email) {
        return Map.of("vorname", List.of("Max"), "email", List.of(email), "text", List.of("Bitte um Rückruf"),
                "dsgvo", List.of("yes"));
    }

    JsonObject awaitStatus(String id, String status) throws Exception {
        return Await.until("submission " + id + " to be " + status, Duration.ofSeconds(15), () -> {
            JsonObject s = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
            return s.get("status").getAsString().equals(status) ? s : null;
        });
    }

    @Test
    void aValidSubmissionIsAcceptedThenDeliveredAsAnAddressTheSimulatorHolds() throws Exception {
        HttpResponse<String> reply = server.submitJson("kontakt", entry("max.delivered@example.org"));
        assertEquals(202, reply.statusCode(), reply.body());
        JsonObject body = JsonParser.parseString(reply.body()).getAsJsonObject();
        assertEquals("received", body.get("status").getAsString());

        JsonObject delivered = awaitStatus(body.get("id").getAsString(), "delivered");
        String addressId = delivered.getAsJsonObject("records").get("address").getAsString();
        JsonArray addresses = server.simulator().records("address");
        JsonObject address = find(addresses, addressId);
        assertNotNull(address, "simulator lists address " + addressId + ": " + addresses);
        assertTrue(address.toString().contains("max.delivered@example.org"), address.toString());
        assertTrue(address.toString().contains("Max"), address.toString());
        assertEquals("kontakt", delivered.get("form").getAsString());
        assertEquals(1, delivered.getAsJsonArray("attempts").size());
    }

    @Test
    void theSameEmailTwiceUpdatesOneAddressInsteadOfCreatingASecond() throws Exception {
        String first = JsonParser.parseString(server.submitJson("kontakt", entry("twice@example.org")).body())
                .getAsJsonObject().get("id").getAsString();
        String second = JsonParser.parseString(server.submitJson("kontakt", entry("twice@example.org")).body())
                .getAsJsonObject().get("id").getAsString();
        String a = awaitStatus(first, "delivered").getAsJsonObject("records").get("address").getAsString();
        String b = awaitStatus(second, "delivered").getAsJsonObject("records").get("address").getAsString();
        assertEquals(a, b);
        long count = 0;
        for (JsonElement e : server.simulator().records("address")) {
            if (e.toString().contains("twice@example.org")) {
                count++;
            }
        }
        assertEquals(1, count);
    }

    @Test
    void aBadEmailIsRefusedWith422NamingTheField() throws Exception {
        HttpResponse<String> reply = server.submitJson("kontakt", entry("not-an-email"));
        assertEquals(422, reply.statusCode());
        JsonObject errors = JsonParser.parseString(reply.body()).getAsJsonObject().getAsJsonObject("errors");
        assertEquals(java.util.Set.of("email"), errors.keySet());
        assertEquals("Bitte geben Sie eine gültige E-Mail-Adresse ein.", errors.get("email").getAsString());
    }

    @Test
    void aBrowserGetsTheFormBackWithErrorsAndItsValuesKept() throws Exception {
        HttpResponse<String> reply = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/f/kontakt"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("vorname=Erika&email=bad"))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(422, reply.statusCode());
        assertTrue(reply.body().contains("value=\"Erika\""), "entered value kept");
        assertTrue(reply.body().contains("id=\"fh-email-error\""), "error next to its field");
        assertTrue(reply.body().contains("aria-invalid=\"true\""));
    }

    @Test
    void aBrowserIsRedirectedToTheThankYouPage() throws Exception {
        HttpResponse<String> reply = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/f/kontakt"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestServer.encode(entry("browser@example.org"))))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(303, reply.statusCode());
        String location = reply.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches(".*/f/kontakt/thanks\\?fh_submission=[0-9a-f-]{36}"), location);
        assertEquals(200, server.get(location).statusCode());
    }

    @Test
    void theFormPageIsServedAndAnUnknownKeyIs404() throws Exception {
        HttpResponse<String> page = server.get("/f/kontakt");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<label for=\"fh-vorname\">Vorname"), page.body());
        assertTrue(page.body().contains("name=\"_fh_token\""));
        assertEquals(404, server.get("/f/no-such-form").statusCode());
    }

    @Test
    void healthSaysOkWhileTheDatabaseAnswers() throws Exception {
        HttpResponse<String> health = server.get("/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("ok", JsonParser.parseString(health.body()).getAsJsonObject().get("status").getAsString());
    }

    static JsonObject find(JsonArray records, String id) {
        for (JsonElement e : records) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("id") && o.get("id").getAsString().equals(id)) {
                return o;
            }
        }
        return null;
    }
}
