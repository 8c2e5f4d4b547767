package org.formhaus.mapping;

import static org.formhaus.mapping.FormKindsIT.awaitDelivered;
import static org.formhaus.mapping.FormKindsIT.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.simulator.Simulator;
import org.formhaus.simulator.SimulatorServer;
import org.formhaus.testing.TestDatabase;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lead routing (issue #12) over HTTP against the simulator: the responsible agent chosen by the estate, a postcode
 * table, round robin (across two instances on one database) or a fixed user becomes a new address's supervisor
 * ({@code Benutzer}, a user NAME), the task's {@code Verantwortung}, an appointment's subscriber (a user ID) and the
 * notice recipient "responsible"; an unknown user is refused when the form is saved. The simulator's users: mmakler
 * (17), tteam (18), sschulz (19); its first estate's supervisor is mmakler.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadRoutingIT {

    static final String BY_POSTCODE = """
            { "key": "route-plz", "kind": "contact", "language": "de", "title": "Kontakt",
              "onoffice": {"task": true, "routing": {"rule": "postcode", "user": "mmakler", "postcodes": [
                {"from": "50000", "to": "51999", "user": "tteam"}, {"prefix": "52", "user": "sschulz"}]}},
              "fields": [
              {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vorname"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "plz", "type": "text", "label": "PLZ", "maps": "address.Plz"} ],
              "emails": {"notice": {"enabled": true, "to": ["responsible"]}} }""";
    static final String FIXED = """
            { "key": "route-fest", "kind": "appointment", "title": "Termin",
              "onoffice": {"routing": {"rule": "fixed", "user": "tteam"}}, "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "slot", "type": "text", "label": "Wunschtermin", "maps": "calendar.start_dt"} ] }""";
    static final String BY_ESTATE = """
            { "key": "route-objekt", "kind": "inquiry", "title": "Exposé",
              "onoffice": {"task": true, "routing": {"rule": "estate"}}, "fields": [
              {"name": "objekt", "type": "hidden", "label": "Objekt", "default": "%s", "maps": "estate.Id"},
              {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vorname"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"} ],
              "emails": {"notice": {"enabled": true, "to": ["responsible"]}} }""";
    static final String ROUND_ROBIN = """
            { "key": "route-reihum", "kind": "contact", "title": "Kontakt",
              "onoffice": {"routing": {"rule": "roundrobin", "users": ["tteam", "sschulz"]}}, "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"} ] }""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    private String estate;

    @BeforeAll
    void define() throws Exception {
        for (JsonElement e : server.simulator().records("estate")) {
            if (e.getAsJsonObject().has("benutzer")) {
                estate = e.getAsJsonObject().get("id").getAsString();
            }
        }
        for (String form : List.of(BY_POSTCODE, FIXED, BY_ESTATE.formatted(estate))) {
            server.adminJson("POST", "/admin/api/forms", form);
        }
    }

    @Test
    void routingByPostcodeAssignsTheAgentFromTheTable() throws Exception {
        assertRouted(deliver(server, "route-plz", Map.of("vorname", "Pia", "email", "pia.plz@example.org",
                "plz", "52062")), "sschulz", "sabine.schulz@agentur.example");
        assertRouted(deliver(server, "route-plz", Map.of("vorname", "Ole", "email", "ole.plz@example.org",
                "plz", "50667")), "tteam", "tom.team@agentur.example");
        assertRouted(deliver(server, "route-plz", Map.of("vorname", "Uli", "email", "uli.plz@example.org",
                "plz", "80331")), "mmakler", "maria.makler@agentur.example");
    }

    @Test
    void aFixedUserGetsTheAddressAndIsTheAppointmentsSubscriberById() throws Exception {
        JsonObject s = deliver(server, "route-fest", Map.of("email", "fest@example.org", "slot", "2026-07-01T10:00"));
        assertEquals("tteam", server.simulator().record("address", record(s, "address")).get("Benutzer").getAsString());
        JsonObject appointment = server.simulator().record("calendar", record(s, "calendar"));
        assertEquals("[18]", appointment.getAsJsonObject("subscribers").get("users").toString());
    }

    @Test
    void theEstatesAgentGetsTheTaskTheNoticeAndANewAddressButNeverAnExistingContact() throws Exception {
        long before = server.simulator().lastRequestSeq();
        JsonObject s = deliver(server, "route-objekt", Map.of("vorname", "Nina", "email", "nina.objekt@example.org"));
        assertRouted(s, "mmakler", "maria.makler@agentur.example");
        assertEquals(2, server.simulator().actionsAfter(before).size(), "the supervisor costs no request");

        String erika = null;
        for (JsonElement e : server.simulator().records("address")) {
            if (e.toString().contains("erika.musterfrau@example.org")) {
                erika = e.getAsJsonObject().get("id").getAsString();
            }
        }
        JsonObject existing = deliver(server, "route-objekt", Map.of("vorname", "Erika",
                "email", "erika.musterfrau@example.org"));
        assertEquals(erika, record(existing, "address"));
        assertFalse(server.simulator().record("address", erika).has("Benutzer"), "an existing contact keeps its own");
        assertEquals("mmakler", verantwortung(existing), "the task still goes to the estate's agent");
    }

    @Test
    void anUnknownUserIsRefusedWhenTheFormIsSaved() throws Exception {
        HttpResponse<String> reply = server.admin("POST", "/admin/api/forms", """
                { "key": "route-falsch", "kind": "contact", "onoffice": {"routing": {"rule": "postcode",
                  "user": "niemand", "postcodes": [{"prefix": "5", "user": "keiner"}]}}, "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"},
                  {"name": "plz", "type": "text", "label": "PLZ", "maps": "address.Plz"} ] }""");
        assertEquals(400, reply.statusCode(), reply.body());
        String message = DeliveryRetryIT.error(reply);
        assertTrue(message.contains("onoffice.routing.user: onOffice has no user 'niemand'"), message);
        assertTrue(message.contains("onoffice.routing.postcodes[0].user: onOffice has no user 'keiner'"), message);

        reply = server.admin("POST", "/admin/api/forms", """
                { "key": "route-falsch", "kind": "contact", "onoffice": {"routing": {"rule": "postcode",
                  "postcodes": [{"prefix": "5", "user": "tteam", "bis": "6"}]}}, "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"},
                  {"name": "plz", "type": "text", "label": "PLZ", "maps": "address.Plz"} ] }""");
        assertEquals(400, reply.statusCode(), reply.body());
        assertTrue(DeliveryRetryIT.error(reply).contains("onoffice.routing.postcodes[0].bis: unknown key 'bis'"),
                reply.body());
    }

    @Test
    void roundRobinAlternatesAcrossTwoInstancesOnOneDatabase() throws Exception {
        Map<String, String> settings = Map.of("sandbox", "false", "onoffice.hosts", "localhost",
                "delivery.poll.millis", "20");
        TestDatabase db = TestDatabase.mariaDb();
        try (SimulatorServer sim = SimulatorServer.start(Simulator.create(TestServer.SIM_TOKEN, TestServer.SIM_SECRET),
                0);
             TestServer a = TestServer.on(db).with(settings).start();
             TestServer b = TestServer.joining(db).with(settings).start()) {
            a.adminJson("PUT", "/admin/api/settings/onoffice", "{\"url\": \"" + sim.apiUri() + "\", \"token\": \""
                    + TestServer.SIM_TOKEN + "\", \"secret\": \"" + TestServer.SIM_SECRET
                    + "\", \"senders\": [\"info@agentur.example\"]}");
            a.adminJson("POST", "/admin/api/forms", ROUND_ROBIN);
            List<String> supervisors = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TestServer instance = i % 2 == 0 ? a : b;
                JsonObject s = deliver(instance, "route-reihum", Map.of("email", "reihum." + i + "@example.org"));
                JsonObject address = null;
                for (JsonElement e : sim.simulator().records("address")) {
                    if (e.getAsJsonObject().get("id").getAsString().equals(record(s, "address"))) {
                        address = e.getAsJsonObject();
                    }
                }
                supervisors.add(address.get("Benutzer").getAsString());
            }
            assertEquals(List.of("tteam", "sschulz", "tteam", "sschulz"), supervisors);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    void assertRouted(JsonObject s, String user, String email) throws Exception {
        assertEquals(user, record(s, "agent.user"));
        assertEquals(user, server.simulator().record("address", record(s, "address")).get("Benutzer").getAsString(),
                "the new address's supervisor");
        assertEquals(user, verantwortung(s));
        assertTrue(server.simulator().mailsTo(email).stream().anyMatch(m -> m.toString().contains(s.get("id")
                .getAsString())), "the notice to " + email);
    }

    String verantwortung(JsonObject s) throws Exception {
        JsonObject task = server.simulator().record("task", record(s, "task"));
        JsonObject data = task.has("data") ? task.getAsJsonObject("data") : task;
        return data.get("Verantwortung").getAsString();
    }

    static JsonObject deliver(TestServer server, String form, Map<String, String> values) throws Exception {
        Map<String, List<String>> entry = new LinkedHashMap<>();
        values.forEach((k, v) -> entry.put(k, List.of(v)));
        HttpResponse<String> reply = server.submitJson(form, entry);
        assertEquals(202, reply.statusCode(), reply.body());
        return awaitDelivered(server, JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString());
    }
}
