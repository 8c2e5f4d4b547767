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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.formhaus.simulator.FaultMode;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly once for every record (issue #15): onOffice carries out the request that creates an agent's-log entry, a
 * task, an appointment or a search criterion, but its reply comes after the client gave up (the simulator's
 * timeout-after-commit fault on that request only). The retry finds the record by the submission's tag and records
 * it: the simulator holds exactly one. The forms use default settings; without a lost reply the delivery takes its
 * two requests and sends no probe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactlyOnceIT {

    static final String CONTACT = """
            { "key": "eo-kontakt", "kind": "contact", "title": "Kontakt", "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "text", "type": "textarea", "label": "Nachricht", "maps": "agentslog.Bemerkung"} ] }""";
    static final String APPOINTMENT = """
            { "key": "eo-termin", "kind": "appointment", "title": "Termin", "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "slot", "type": "text", "label": "Wunschtermin", "maps": "calendar.start_dt"} ] }""";
    static final String SEARCH_PROFILE = """
            { "key": "eo-suche", "kind": "searchprofile", "title": "Suchprofil", "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "preis_bis", "type": "currency", "label": "Preis bis", "maps": "searchcriteria.kaufpreis__bis"} ] }""";

    static final String VALUATION_WITH_NUMBER = """
            { "key": "eo-bewertung", "kind": "valuation", "title": "Bewertung", "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "nr", "type": "text", "label": "Objektnummer", "maps": "estate.objektnr_extern"},
              {"name": "ort", "type": "text", "label": "Ort", "maps": "estate.ort"} ] }""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("onoffice.request.timeout.seconds", "2").perTestClass();

    @BeforeAll
    void define() throws Exception {
        server.adminJson("POST", "/admin/api/forms", CONTACT);
        server.adminJson("POST", "/admin/api/forms", FormKindsIT.OWNER.formatted("eo-verkaufen", "owner"));
        server.adminJson("POST", "/admin/api/forms", APPOINTMENT);
        server.adminJson("POST", "/admin/api/forms", SEARCH_PROFILE);
        server.adminJson("POST", "/admin/api/forms", VALUATION_WITH_NUMBER);
    }

    @AfterEach
    void restore() throws Exception {
        server.simulator().noFault();
    }

    @Test
    void anActivityWhoseReplyWasLostIsFoundAgainNotWrittenTwice() throws Exception {
        long before = server.simulator().lastRequestSeq();
        JsonObject s = loseReplyThenRetry("create agentslog", "eo-kontakt",
                Map.of("email", "eo-activity@example.org", "text", "Bitte um Rückruf"));

        String address = record(s, "address");
        assertEquals(1, count("agentslog", r -> ids(r, "addressids").contains(address)), "one entry for the address");
        assertEquals(record(s, "agentslog"), only("agentslog", tagged("note", s)).get("id").getAsString());
        assertEquals(List.of(List.of("create address"), List.of("create agentslog"), List.of("read agentslog")),
                server.simulator().actionsAfter(before));
    }

    @Test
    void aTaskWhoseReplyWasLostIsFoundAgainNotCreatedTwice() throws Exception {
        long before = server.simulator().lastRequestSeq();
        JsonObject s = loseReplyThenRetry("create task", "eo-verkaufen", FormKindsIT.ownerEntry("eo-task@example.org"));

        String address = record(s, "address");
        assertEquals(1, count("task", r -> address.equals(string(r, "relatedAddressId"))), "one task for the address");
        assertEquals(record(s, "task"), only("task", tagged("Kommentar", s)).get("id").getAsString());
        assertEquals(1, count("agentslog", tagged("note", s)), "the activity of the same request: once");
        assertEquals(1, FormKindsIT.ownerRelations(server, record(s, "estate"), address), "the relation: once");
        List<List<String>> requests = server.simulator().actionsAfter(before);
        assertEquals(List.of("create relation", "create agentslog", "create task"), requests.get(1));
        assertEquals(List.of("get idsfromrelation", "read agentslog", "read task"), requests.get(2), "one probe request");
        assertEquals(3, requests.size(), "nothing is created again: " + requests);
    }

    @Test
    void anAppointmentWhoseReplyWasLostIsFoundAgainNotCreatedTwice() throws Exception {
        long before = server.simulator().lastRequestSeq();
        JsonObject s = loseReplyThenRetry("create calendar", "eo-termin",
                Map.of("email", "eo-appointment@example.org", "slot", "2026-06-01T10:30"));

        String address = record(s, "address");
        assertEquals(1, count("calendar", r -> ids(r, "relatedAddressIds").contains(address)),
                "one appointment for the address");
        assertEquals(record(s, "calendar"), only("calendar", tagged("note", s)).get("id").getAsString());
        assertEquals(1, count("agentslog", tagged("note", s)));
        assertEquals(List.of(List.of("create address"), List.of("create agentslog", "create calendar"),
                List.of("read agentslog", "get appointmentList")), server.simulator().actionsAfter(before));
    }

    @Test
    void aSearchCriterionWhoseReplyWasLostIsFoundAgainNotCreatedTwice() throws Exception {
        long before = server.simulator().lastRequestSeq();
        JsonObject s = loseReplyThenRetry("create searchcriteria", "eo-suche",
                Map.of("email", "eo-search@example.org", "preis_bis", "400.000"));

        String address = record(s, "address");
        assertEquals(1, count("searchcriteria", r -> address.equals(string(r, "adresse"))),
                "one search criterion for the address");
        JsonObject criterion = only("searchcriteria", tagged("krit_bemerkung_oeffentlich", s));
        assertEquals(record(s, "searchcriteria"), criterion.get("id").getAsString());
        assertEquals("400000", criterion.get("kaufpreis__bis").getAsString());
        assertEquals(List.of(List.of("create address"), List.of("create agentslog", "create searchcriteria"),
                List.of("read agentslog", "get searchcriterias")), server.simulator().actionsAfter(before));
    }

    @Test
    void anEstateWhoseReplyWasLostIsFoundByItsTagThenCarriesTheExternalNumberTheVisitorGave() throws Exception {
        JsonObject s = loseReplyThenRetry("create estate", "eo-bewertung",
                Map.of("email", "eo-estate@example.org", "nr", "V-2026-17", "ort", "Aachen"));

        String tag = EstateSteps.externalNumber(s.get("id").getAsString());
        assertEquals(record(s, "estate"), only("estate", r -> "V-2026-17".equals(string(r, "objektnr_extern")))
                .get("id").getAsString(), "one estate, with the given number");
        assertEquals(0, count("estate", r -> tag.equals(string(r, "objektnr_extern"))), "no estate keeps the tag");
        assertEquals(1, FormKindsIT.ownerRelations(server, record(s, "estate"), record(s, "address")));
    }

    @Test
    void withoutALostReplyEachKindTakesTwoRequestsAndNoProbe() throws Exception {
        long before = server.simulator().lastRequestSeq();
        awaitDelivered(server, submit("eo-termin", Map.of("email", "eo-normal@example.org", "slot", "2026-06-02T09:00")));
        awaitDelivered(server, submit("eo-suche", Map.of("email", "eo-normal@example.org", "preis_bis", "300000")));
        assertEquals(List.of(List.of("create address"), List.of("create agentslog", "create calendar"),
                List.of("create address"), List.of("create agentslog", "create searchcriteria")),
                server.simulator().actionsAfter(before));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    /**
     * Submits with the reply to the request carrying {@code action} lost after onOffice carried it out, waits for
     * that try to end, then lets onOffice answer again and retries; returns the delivered submission.
     */
    JsonObject loseReplyThenRetry(String action, String form, Map<String, String> values) throws Exception {
        server.simulator().fault(FaultMode.TIMEOUT_AFTER_COMMIT, 4000, 1, action);
        String id = submit(form, values);
        Await.until("the try with the lost reply to end", Duration.ofSeconds(20), () ->
                submission(id).getAsJsonArray("attempts").size() >= 1 ? true : null);
        server.simulator().noFault();
        assertEquals(202, server.admin("POST", "/admin/api/submissions/" + id + "/retry", null).statusCode());
        JsonObject delivered = awaitDelivered(server, id);
        assertFalse(delivered.getAsJsonObject("records").has("sent"), delivered.toString());
        return delivered;
    }

    String submit(String form, Map<String, String> values) throws Exception {
        Map<String, List<String>> entry = new LinkedHashMap<>();
        values.forEach((k, v) -> entry.put(k, List.of(v)));
        HttpResponse<String> reply = server.submitJson(form, entry);
        assertEquals(202, reply.statusCode(), reply.body());
        return JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
    }

    JsonObject submission(String id) throws Exception {
        return server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
    }

    /** Records whose text field carries the submission's tag. */
    static Predicate<JsonObject> tagged(String field, JsonObject submission) {
        String tag = EstateSteps.externalNumber(submission.get("id").getAsString());
        return r -> string(r, field) != null && string(r, field).endsWith("Formhaus: " + tag);
    }

    int count(String type, Predicate<JsonObject> which) throws Exception {
        int n = 0;
        for (JsonElement e : server.simulator().records(type)) {
            n += which.test(e.getAsJsonObject()) ? 1 : 0;
        }
        return n;
    }

    JsonObject only(String type, Predicate<JsonObject> which) throws Exception {
        JsonObject found = null;
        for (JsonElement e : server.simulator().records(type)) {
            if (which.test(e.getAsJsonObject())) {
                assertTrue(found == null, "a second tagged " + type + ": " + e);
                found = e.getAsJsonObject();
            }
        }
        assertTrue(found != null, "no tagged " + type);
        return found;
    }

    /** The ids a record links to under {@code field} (an array or a single id). */
    static List<String> ids(JsonObject r, String field) {
        JsonElement e = r.get(field);
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        return e.isJsonArray() ? e.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList()
                : List.of(e.getAsString());
    }

    static String string(JsonObject r, String field) {
        JsonElement e = r.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
