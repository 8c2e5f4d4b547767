package org.formhaus.mapping;

import static org.formhaus.mapping.FormKindsIT.awaitDelivered;
import static org.formhaus.mapping.FormKindsIT.ownerRelations;
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
 * Retries never duplicate: a failure in the last stage keeps what succeeded and a retry sends only the rest; a reply
 * lost after onOffice created the address and the estate is found again instead of creating a second estate. Also the
 * save-time check of mappings against the account's field catalogue. Issue #5.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryRetryIT {

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("onoffice.request.timeout.seconds", "2").perTestClass();

    @BeforeAll
    void start() throws Exception {
        server.adminJson("POST", "/admin/api/forms", FormKindsIT.OWNER.formatted("verkaufen-retry", "owner"));
    }

    @AfterEach
    void restore() throws Exception {
        server.simulator().right(ApiRight.WRITE_ENTRIES, true);
        server.simulator().fault(FaultMode.OK);
    }

    @Test
    void aRetryAfterAFailedLastStageSendsOnlyWhatFailedAndCreatesNothingTwice() throws Exception {
        server.simulator().right(ApiRight.WRITE_ENTRIES, false);
        String id = submit("retry-owner@example.org");
        JsonObject failed = Await.until("delivery to fail", Duration.ofSeconds(20), () -> {
            JsonObject s = submission(id);
            return s.get("status").getAsString().equals("failed") ? s : null;
        });
        // the siblings of the refused activity are recorded: the address, estate, relation and task exist
        JsonObject records = failed.getAsJsonObject("records");
        assertTrue(records.has("address") && records.has("estate") && records.has("relation.owner")
                && records.has("task"), records.toString());
        assertFalse(records.has("agentslog"));
        assertTrue(failed.toString().contains("Write entries"), "the reason names the missing right: " + failed);

        server.simulator().right(ApiRight.WRITE_ENTRIES, true);
        long before = server.simulator().lastRequestSeq();
        assertEquals(202, server.admin("POST", "/admin/api/submissions/" + id + "/retry", null).statusCode());
        JsonObject delivered = awaitDelivered(server, id);

        assertEquals(List.of(List.of("create agentslog")), server.simulator().actionsAfter(before));
        String estate = record(delivered, "estate");
        assertEquals(1, countAddresses("retry-owner@example.org"));
        assertEquals(1, countEstates(EstateSteps.externalNumber(id)));
        assertEquals(1, ownerRelations(server, estate, null));
        assertEquals(estate, server.simulator().record("agentslog", record(delivered, "agentslog")).get("estateid").getAsString());
    }

    @Test
    void aReplyLostAfterOnOfficeCreatedTheEstateIsFoundAgainNotCreatedTwice() throws Exception {
        // the first request (address + estate) is carried out, but its reply comes after the client gave up
        server.simulator().fault(FaultMode.TIMEOUT_AFTER_COMMIT, 4000, 1);
        long before = server.simulator().lastRequestSeq();
        String id = submit("lost-reply@example.org");
        Await.until("the first try to time out", Duration.ofSeconds(20), () ->
                submission(id).getAsJsonArray("attempts").size() >= 1 ? true : null);
        JsonObject afterTimeout = submission(id);
        assertTrue(afterTimeout.getAsJsonObject("records").has("sent"), afterTimeout.toString());

        server.simulator().fault(FaultMode.OK);
        assertEquals(202, server.admin("POST", "/admin/api/submissions/" + id + "/retry", null).statusCode());
        JsonObject delivered = awaitDelivered(server, id);

        String tag = EstateSteps.externalNumber(id);
        assertEquals(1, countEstates(tag), "no second estate");
        assertEquals(1, countAddresses("lost-reply@example.org"), "no second address");
        assertEquals(1, ownerRelations(server, record(delivered, "estate"), record(delivered, "address")));
        assertFalse(delivered.getAsJsonObject("records").has("sent"));
        List<List<String>> requests = server.simulator().actionsAfter(before);
        assertEquals(List.of("read address", "create address", "create estate"), requests.get(0));
        assertTrue(requests.contains(List.of("read estate")), "the retry probed for the estate: " + requests);
    }

    @Test
    void aMappingOntoAFieldTheAccountsOnOfficeLacksIsRefusedAtSaveTime() throws Exception {
        HttpResponse<String> reply = server.admin("POST", "/admin/api/forms", """
                { "key": "tippfehler", "kind": "contact", "fields": [
                  {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vornme"},
                  {"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"} ] }""");
        assertEquals(400, reply.statusCode());
        assertEquals("Invalid form definition: fields[0].maps: onOffice has no address field 'Vornme'; "
                + "did you mean 'Vorname'?", error(reply));
        assertEquals(404, server.admin("GET", "/admin/api/forms/tippfehler", null).statusCode());
    }

    @Test
    void aWrongTypeAValueOnOfficeDoesNotPermitAndAnUnknownUserAreRefusedNamingTheField() throws Exception {
        HttpResponse<String> reply = server.admin("POST", "/admin/api/forms", """
                { "key": "falsch", "kind": "owner", "onoffice": {"task": {"user": "niemand"}}, "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"},
                  {"name": "geburt", "type": "email", "label": "Geburtstag", "maps": "address.Geburtsdatum"},
                  {"name": "art", "type": "select", "label": "Art", "options": ["haus", "villa"], "maps": "estate.objektart"} ] }""");
        assertEquals(400, reply.statusCode());
        String message = error(reply);
        assertTrue(message.contains("fields[1].type: onOffice field address.Geburtsdatum is of type date; "
                + "a email field cannot fill it"), message);
        assertTrue(message.contains("fields[2].options[1]: 'villa' is not a permitted value of onOffice field "
                + "estate.objektart"), message);
        assertTrue(message.contains("onoffice.task.user: onOffice has no user 'niemand'"), message);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    String submit(String email) throws Exception {
        Map<String, List<String>> entry = new LinkedHashMap<>();
        FormKindsIT.ownerEntry(email).forEach((k, v) -> entry.put(k, List.of(v)));
        HttpResponse<String> reply = server.submitJson("verkaufen-retry", entry);
        assertEquals(202, reply.statusCode(), reply.body());
        return JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
    }

    JsonObject submission(String id) throws Exception {
        return server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
    }

    int countAddresses(String email) throws Exception {
        int n = 0;
        for (JsonElement e : server.simulator().records("address")) {
            n += e.toString().contains(email) ? 1 : 0;
        }
        return n;
    }

    int countEstates(String tag) throws Exception {
        int n = 0;
        for (JsonElement e : server.simulator().records("estate")) {
            JsonElement t = e.getAsJsonObject().get("objektnr_extern");
            n += t != null && t.getAsString().equals(tag) ? 1 : 0;
        }
        return n;
    }

    static String error(HttpResponse<String> reply) {
        return JsonParser.parseString(reply.body()).getAsJsonObject().get("error").getAsString();
    }
}
