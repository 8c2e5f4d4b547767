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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.simulator.FaultMode;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #12, "Relations", "Write values", "Live-CRM rules": what a form does with the estate it is about and the
 * address it writes, over HTTP against the simulator. Every relation type lands once, in the second request; the
 * search criterion belongs to its address; the project is on the activity and the task; a written value reaches the
 * estate; a bid that does not beat the stored price by the set amount is refused to the visitor (422 naming the
 * field) or, when onOffice could not be asked in time, fails at delivery with a reason the admin sees; a good bid is
 * recorded with DO priceOffer; a relation whose reply was lost is found again, not created twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkedRecordsIT {

    static final String ALL_RELATIONS = """
            { "key": "rel-alle", "kind": "inquiry", "title": "Beziehungen",
              "onoffice": {"relations": ["owner", "buyer", "renter", "interested", "contactPerson", "contactPersonAll"]},
              "fields": [
              {"name": "objekt", "type": "hidden", "label": "Objekt", "maps": "estate.Id"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"} ] }""";
    static final String INTERESTED = """
            { "key": "rel-interessent", "kind": "inquiry", "title": "Interessent",
              "onoffice": {"relations": ["interested"], "project": 1, "task": true},
              "fields": [
              {"name": "objekt", "type": "hidden", "label": "Objekt", "maps": "estate.Id"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"} ] }""";
    static final String CONFIRM = """
            { "key": "rel-bestaetigen", "kind": "custom", "title": "Freigabe durch Eigentümer",
              "onoffice": {"writeValues": [{"from": "neuer_status", "to": "estate.status"}]},
              "rules": [{"when": {"field": "freigabe", "equals": "ja"},
                         "then": [{"action": "setValue", "field": "neuer_status", "value": "2"}]}],
              "fields": [
              {"name": "objekt", "type": "hidden", "label": "Objekt", "maps": "estate.Id"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "freigabe", "type": "radio", "label": "Freigeben?", "options": ["ja", "nein"]},
              {"name": "neuer_status", "type": "hidden", "label": "Neuer Status"} ] }""";
    static final String BID = """
            { "key": "rel-gebot", "kind": "inquiry", "title": "Bieterverfahren",
              "onoffice": {"priceOffer": "gebot", "relations": ["interested"],
                           "liveRules": [{"field": "gebot", "compare": "greaterOrEqual", "record": "estate.kaufpreis",
                                          "plus": 1000}]},
              "fields": [
              {"name": "objekt", "type": "hidden", "label": "Objekt", "maps": "estate.Id"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "gebot", "type": "currency", "label": "Ihr Gebot", "required": true} ] }""";

    /** An owner's form whose confirmation links to PRICE_EDIT, which loads the estate it created. */
    static final String OWNER_WITH_LINK = """
            { "key": "rel-verkaufen", "kind": "owner", "title": "Verkaufen",
              "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "preis", "type": "currency", "label": "Preisvorstellung", "maps": "estate.kaufpreis"} ],
              "emails": {"confirmation": {"enabled": true, "subject": "Ihr Objekt",
                "body": "<p><a href=\\"${editLinks['rel-preis']}\\">Preis ändern</a></p>"}} }""";
    static final String PRICE_EDIT = """
            { "key": "rel-preis", "kind": "custom", "title": "Preis senken",
              "edit": {"module": "estate"},
              "onoffice": {"liveRules": [{"field": "preis", "compare": "less", "record": "estate.kaufpreis",
                                          "message": "Der neue Preis muss unter dem bisherigen liegen."}]},
              "fields": [
              {"name": "preis", "type": "currency", "label": "Neuer Preis", "required": true,
               "maps": "estate.kaufpreis"} ] }""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("onoffice.request.timeout.seconds", "2").perTestClass();

    @BeforeAll
    void define() throws Exception {
        for (String form : List.of(ALL_RELATIONS, INTERESTED, CONFIRM, BID, PRICE_EDIT, OWNER_WITH_LINK)) {
            assertEquals(201, server.admin("POST", "/admin/api/forms", form).statusCode(), form);
        }
    }

    @BeforeEach
    void seeded() throws Exception {
        server.simulator().reset();
    }

    @AfterEach
    void restore() throws Exception {
        server.simulator().noFault();
    }

    @Test
    void everyChosenRelationLinksTheEstateAndTheAddressOnceInTheSecondRequest() throws Exception {
        long before = server.simulator().lastRequestSeq();
        JsonObject s = deliver("rel-alle", Map.of("objekt", "10", "email", "rel-all@example.org"));

        String address = record(s, "address");
        for (String type : List.of("owner", "buyer", "renter", "interested", "contactPerson", "contactPersonAll")) {
            assertEquals(1, relations("estate:address:" + type, "10", address), type);
            assertEquals("ok", record(s, "relation." + type));
        }
        List<List<String>> requests = server.simulator().actionsAfter(before);
        assertEquals(2, requests.size(), requests.toString());
        assertEquals(6, requests.get(1).stream().filter(a -> a.equals("create relation")).count());
    }

    @Test
    void theSearchCriterionOfASearchProfileBelongsToItsAddress() throws Exception {
        server.admin("POST", "/admin/api/forms", ExactlyOnceIT.SEARCH_PROFILE.replace("eo-suche", "rel-suche"));
        JsonObject s = deliver("rel-suche", Map.of("email", "rel-search@example.org", "preis_bis", "500000"));

        JsonObject criterion = server.simulator().record("searchcriteria", record(s, "searchcriteria"));
        assertEquals(record(s, "address"), criterion.get("adresse").getAsString());
    }

    @Test
    void theProjectIsLinkedToTheActivityAndTheTask() throws Exception {
        JsonObject s = deliver("rel-interessent", Map.of("objekt", "10", "email", "rel-project@example.org"));

        assertEquals("1", server.simulator().record("agentslog", record(s, "agentslog")).get("projectid").getAsString());
        assertEquals("1", server.simulator().record("task", record(s, "task")).get("relatedProjectIds").getAsString());
        assertEquals(1, relations("estate:address:interested", "10", record(s, "address")));
    }

    @Test
    void aCalculatedValueIsWrittenIntoTheEstate() throws Exception {
        assertEquals("1", server.simulator().record("estate", "10").get("status").getAsString());
        JsonObject s = deliver("rel-bestaetigen", Map.of("objekt", "10", "email", "owner-ok@example.org",
                "freigabe", "ja", "neuer_status", "forged"));

        assertEquals("10", record(s, "write.estate"), "the modified estate");
        assertEquals("2", server.simulator().record("estate", "10").get("status").getAsString());
    }

    @Test
    void nothingIsWrittenWhenTheRuleLeavesTheValueEmpty() throws Exception {
        JsonObject s = deliver("rel-bestaetigen", Map.of("objekt", "10", "email", "owner-no@example.org",
                "freigabe", "nein"));

        assertFalse(s.getAsJsonObject("records").has("write.estate"), s.toString());
        assertEquals("1", server.simulator().record("estate", "10").get("status").getAsString());
    }

    @Test
    void aBidBelowTheStoredPricePlusTheStepIsRefusedToTheVisitorNamingTheLimit() throws Exception {
        HttpResponse<String> reply = submitRaw("rel-gebot", Map.of("objekt", "10", "email", "low@example.org",
                "gebot", "350.500"));

        assertEquals(422, reply.statusCode(), reply.body());
        JsonObject errors = JsonParser.parseString(reply.body()).getAsJsonObject().getAsJsonObject("errors");
        assertEquals("Bitte geben Sie mindestens 351.000 ein.", errors.get("gebot").getAsString());
        assertTrue(server.simulator().records("priceOffer").isEmpty());
    }

    @Test
    void aBidThatBeatsTheStoredPriceIsRecordedAsPriceOffer() throws Exception {
        long before = server.simulator().lastRequestSeq();
        JsonObject s = deliver("rel-gebot", Map.of("objekt", "10", "email", "bidder@example.org", "gebot", "351.000"));

        String address = record(s, "address");
        JsonObject offer = only(server.simulator().records("priceOffer"));
        assertEquals("351000", offer.get("priceOffer").getAsString());
        assertEquals(address, offer.get("addressId").getAsString());
        assertEquals("10", offer.get("estateId").getAsString());
        assertEquals("C", offer.get("advisorylevel").getAsString());
        assertEquals("ok", record(s, "priceOffer"));
        List<List<String>> requests = server.simulator().actionsAfter(before);
        assertEquals(List.of("read estate"), requests.get(0), "the visitor's check");
        assertEquals(List.of("create address", "read estate"), requests.get(1));
        assertTrue(requests.get(2).containsAll(List.of("create relation", "do priceOffer", "create agentslog")),
                requests.toString());
        assertEquals(3, requests.size(), "the check, then two requests: " + requests);
    }

    @Test
    void whenOnOfficeCannotBeAskedTheBidIsAcceptedAndDeliveryFailsItWithAReasonTheAdminSees() throws Exception {
        server.simulator().fault(FaultMode.HTTP500, 0, 1, "read estate"); // the visitor's check only
        HttpResponse<String> reply = submitRaw("rel-gebot", Map.of("objekt", "10", "email", "late@example.org",
                "gebot", "350.500"));
        assertEquals(202, reply.statusCode(), "accepted; delivery decides: " + reply.body());
        String id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();

        JsonObject failed = Await.until("the bid to fail at delivery", Duration.ofSeconds(20), () -> {
            JsonObject s = submission(id);
            return s.get("status").getAsString().equals("failed") ? s : null;
        });
        String detail = failed.toString();
        assertTrue(detail.contains("Live rule not met: gebot = 350500 must be ≥ estate.kaufpreis + 1000 = 351000 "
                + "(onOffice holds 350000 for estate 10)"), detail);
        assertTrue(server.simulator().records("priceOffer").isEmpty(), "no offer recorded");
        assertFalse(failed.getAsJsonObject("records").has("agentslog"), "nothing of the second request: " + detail);
    }

    @Test
    void aRelationWhoseReplyWasLostIsFoundAgainNotCreatedTwice() throws Exception {
        server.simulator().fault(FaultMode.TIMEOUT_AFTER_COMMIT, 4000, 1, "create relation");
        String id = submitRaw202("rel-interessent", Map.of("objekt", "10", "email", "rel-lost@example.org"));
        Await.until("the try with the lost reply to end", Duration.ofSeconds(20), () ->
                submission(id).getAsJsonArray("attempts").size() >= 1 ? true : null);
        server.simulator().noFault();
        long before = server.simulator().lastRequestSeq();
        assertEquals(202, server.admin("POST", "/admin/api/submissions/" + id + "/retry", null).statusCode());
        JsonObject s = awaitDelivered(server, id);

        assertEquals(1, relations("estate:address:interested", "10", record(s, "address")), "the relation: once");
        assertEquals("ok", record(s, "relation.interested"));
        List<List<String>> requests = server.simulator().actionsAfter(before);
        assertEquals(List.of("get idsfromrelation", "read agentslog", "read task"), requests.get(0), "one probe request");
        assertEquals(1, requests.size(), "nothing is created again: " + requests);
    }

    /**
     * The estate an edit link loaded is the subject of the edit form's live rules: a higher price is refused to the
     * visitor; a lower one is checked again at delivery (one read) and modifies the estate: two requests.
     */
    @Test
    void theEstateAnEditLinkLoadedIsWhatItsLiveRulesLookAt() throws Exception {
        JsonObject owner = deliver("rel-verkaufen", Map.of("email", "edit-owner@example.org", "preis", "300.000"));
        String estate = record(owner, "estate");
        List<JsonObject> mails = server.simulator().mailsTo("edit-owner@example.org");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/f/rel-preis\\?fh_edit=([A-Za-z0-9_-]{43})")
                .matcher(mails.toString());
        assertTrue(link.find(), mails.toString());
        String token = link.group(1);
        assertEquals(200, server.get("/f/rel-preis?fh_edit=" + token).statusCode());

        HttpResponse<String> higher = submitRaw("rel-preis", Map.of("_fh_edit", token, "preis", "320.000"));
        assertEquals(422, higher.statusCode(), higher.body());
        assertEquals("Der neue Preis muss unter dem bisherigen liegen.", JsonParser.parseString(higher.body())
                .getAsJsonObject().getAsJsonObject("errors").get("preis").getAsString());

        long before = server.simulator().lastRequestSeq();
        JsonObject lower = deliver("rel-preis", Map.of("_fh_edit", token, "preis", "280.000"));
        assertEquals("280000", server.simulator().record("estate", estate).get("kaufpreis").getAsString());
        assertEquals(List.of(List.of("read estate"), List.of("read estate"), List.of("modify estate")),
                server.simulator().actionsAfter(before), "the visitor's check, then two requests");
        assertTrue(lower.getAsJsonObject("records").has(LinkSteps.LIVE_READ));
    }

    /**
     * "External numbers": the number the admin gives (a hidden field's default: a forced value) is what the estate
     * keeps, not Formhaus's tag and not what a client posts; when the reply to the request that writes it is lost, the
     * retry finds the estate and the relation and writes the number again, and no estate is created twice.
     */
    @Test
    void anExternalNumberTheAdminGivesIsWrittenAsGivenOnceEvenWhenItsReplyIsLost() throws Exception {
        server.admin("POST", "/admin/api/forms", """
                { "key": "rel-nummer", "kind": "valuation", "title": "Bewertung",
                  "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                  {"name": "nr", "type": "hidden", "label": "Objektnummer", "default": "AG-2026-001",
                   "maps": "estate.objektnr_extern"},
                  {"name": "ort", "type": "text", "label": "Ort", "maps": "estate.ort"} ] }""");
        server.simulator().fault(FaultMode.TIMEOUT_AFTER_COMMIT, 4000, 1, "modify estate");
        String id = submitRaw202("rel-nummer", Map.of("email", "ext-nr@example.org", "nr", "FORGED-1", "ort", "Bonn"));
        Await.until("the try with the lost reply to end", Duration.ofSeconds(20), () ->
                submission(id).getAsJsonArray("attempts").size() >= 1 ? true : null);
        server.simulator().noFault();
        assertEquals(202, server.admin("POST", "/admin/api/submissions/" + id + "/retry", null).statusCode());
        JsonObject s = awaitDelivered(server, id);

        String tag = EstateSteps.externalNumber(id);
        List<String> numbers = new ArrayList<>();
        for (JsonElement e : server.simulator().records("estate")) {
            JsonElement n = e.getAsJsonObject().get("objektnr_extern");
            if (n != null && !n.isJsonNull()) {
                numbers.add(n.getAsString());
            }
        }
        assertEquals(List.of("AG-2026-001"), numbers.stream().filter(n -> n.equals("AG-2026-001") || n.equals(tag)
                || n.equals("FORGED-1")).toList(), "one estate, with the admin's number: " + numbers);
        assertEquals("AG-2026-001", server.simulator().record("estate", record(s, "estate"))
                .get("objektnr_extern").getAsString());
        assertEquals(1, relations("estate:address:owner", record(s, "estate"), record(s, "address")));
    }

    @Test
    void linksThatCannotWorkAreRefusedAtSaveNamingThePlace() throws Exception {
        HttpResponse<String> reply = server.admin("POST", "/admin/api/forms", """
                { "key": "rel-falsch", "kind": "contact",
                  "onoffice": {"relations": ["interested", "tenant"], "priceOffer": "text", "activity": false,
                               "project": 3,
                               "writeValues": [{"from": "text", "to": "address.Geburtsdatum"},
                                               {"from": "email", "to": "estate.statuss"}],
                               "liveRules": [{"field": "text", "compare": "atLeast", "record": "estate.kaufpreis",
                                              "colour": "red"}]},
                  "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                  {"name": "text", "type": "text", "label": "Text"} ] }""");
        assertEquals(400, reply.statusCode(), reply.body());
        String body = reply.body();
        assertTrue(body.contains("onoffice.liveRules[0].colour: unknown key 'colour'"), body);
        reply = server.admin("POST", "/admin/api/forms", """
                { "key": "rel-falsch", "kind": "contact",
                  "onoffice": {"relations": ["interested", "tenant"], "priceOffer": "text", "activity": false,
                               "project": 3,
                               "writeValues": [{"from": "email", "to": "address.Geburtsdatum"},
                                               {"from": "email", "to": "estate.status"}],
                               "liveRules": [{"field": "text", "compare": "atLeast", "record": "estate.kaufpreis"}]},
                  "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                  {"name": "text", "type": "text", "label": "Text"} ] }""");
        assertEquals(400, reply.statusCode(), reply.body());
        body = JsonParser.parseString(reply.body()).toString();
        for (String expected : List.of(
                "onoffice.relations[1]: must be one of owner, buyer, renter, interested, contactPerson, contactPersonAll",
                "onoffice.relations: links an estate and an address, but this form has no estate",
                "onoffice.project: onOffice links a project to the agent's-log entry or the task, and this form writes "
                        + "neither",
                "onoffice.priceOffer: 'text' is a text field; an offer needs a number, currency or hidden field",
                "onoffice.writeValues[1].to: this form has no estate to write to",
                "onoffice.liveRules[0].compare: must be one of greater, greaterOrEqual, less, lessOrEqual, equals, "
                        + "notEquals",
                "onoffice.writeValues[0].from: onOffice field address.Geburtsdatum is of type date; a email field "
                        + "cannot fill it")) {
            assertTrue(body.contains(expected), expected + " in " + body);
        }
        assertEquals(404, server.admin("GET", "/admin/api/forms/rel-falsch", null).statusCode());
    }

    @Test
    void aLiveRuleOnAnEstateFieldOnOfficeLacksIsRefusedAtSave() throws Exception {
        HttpResponse<String> reply = server.admin("POST", "/admin/api/forms", BID.replace("rel-gebot", "rel-tippfehler")
                .replace("estate.kaufpreis", "estate.kaufpreiss"));
        assertEquals(400, reply.statusCode(), reply.body());
        assertTrue(JsonParser.parseString(reply.body()).toString().contains("onoffice.liveRules[0].record: onOffice "
                + "has no estate field 'kaufpreiss'; did you mean 'kaufpreis'?"), reply.body());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    JsonObject deliver(String form, Map<String, String> values) throws Exception {
        return awaitDelivered(server, submitRaw202(form, values));
    }

    String submitRaw202(String form, Map<String, String> values) throws Exception {
        HttpResponse<String> reply = submitRaw(form, values);
        assertEquals(202, reply.statusCode(), reply.body());
        return JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
    }

    HttpResponse<String> submitRaw(String form, Map<String, String> values) throws Exception {
        Map<String, List<String>> entry = new LinkedHashMap<>();
        values.forEach((k, v) -> entry.put(k, List.of(v)));
        return server.submitJson(form, entry);
    }

    JsonObject submission(String id) throws Exception {
        return server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
    }

    int relations(String type, String estate, String address) throws Exception {
        int n = 0;
        for (JsonElement e : server.simulator().records("relation")) {
            JsonObject r = e.getAsJsonObject();
            if (r.get("relationtype").getAsString().endsWith(":" + type) && r.get("parentid").getAsString().equals(estate)
                    && r.get("childid").getAsString().equals(address)) {
                n++;
            }
        }
        return n;
    }

    static JsonObject only(com.google.gson.JsonArray records) {
        List<JsonObject> all = new ArrayList<>();
        records.forEach(e -> all.add(e.getAsJsonObject()));
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }
}
