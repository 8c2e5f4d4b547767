package org.formhaus.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's values written to onOffice (#11, {@code contextMaps}): the contact's source {@code HerkunftKontakt}
 * (a multiselect: an array of keys) from {@code utm_source} through a table with a fallback, and the referrer as it
 * is into a text field, as the simulator receives them in the address's one create request; a visitor's own choice of
 * the same multiselect keeps its keys beside the page's. At save, the catalogue judges the field and every key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContextMapsIT {

    static final String FORM = """
            { "key": "herkunft", "kind": "contact", "title": "Kontakt", "context": ["page", "utm", "referrer"],
              "contextMaps": [
                {"from": "utm.source", "maps": "address.HerkunftKontakt",
                 "values": [{"when": "immowelt", "key": "Immobilienportal"}, {"when": "immoscout", "key": "Immobilienportal"},
                            {"when": "google", "key": "Werbung"}],
                 "fallback": "eigene-Homepage"},
                {"from": "referrer", "maps": "address.Sonstiges1"}
              ],
              "fields": [
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                {"name": "wie", "type": "checkboxes", "label": "Wie fanden Sie uns?", "options": ["Empfehlung", "Zeitungsanzeige"],
                 "maps": "address.HerkunftKontakt"}
              ] }""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    @BeforeAll
    void start() throws Exception {
        server.adminJson("PUT", "/admin/api/forms/herkunft", FORM);
    }

    private JsonObject address(Map<String, List<String>> entry) throws Exception {
        long before = server.simulator().lastRequestSeq();
        HttpResponse<String> reply = server.submitJson("herkunft", entry);
        assertEquals(202, reply.statusCode(), reply.body());
        String id = com.google.gson.JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
        JsonObject s = FormKindsIT.awaitDelivered(server, id);
        List<List<String>> requests = server.simulator().actionsAfter(before);
        assertEquals(2, requests.size(), "the page's values travel with the address: no further request: " + requests);
        assertTrue(requests.get(0).contains("create address"), requests.toString());
        return server.simulator().record("address", FormKindsIT.record(s, "address"));
    }

    @Test
    void theUtmSourceBecomesTheContactsSourceThroughTheTableAndTheReferrerIsWrittenAsItIs() throws Exception {
        Map<String, List<String>> entry = new LinkedHashMap<>();
        entry.put("email", List.of("portal@example.org"));
        entry.put("_ctx_utm_source", List.of("ImmoWelt-Newsletter"));
        entry.put("_ctx_referrer", List.of("https://www.immowelt.de/expose/123"));
        JsonObject address = address(entry);
        assertEquals("|Immobilienportal|", address.get("HerkunftKontakt").getAsString());
        assertEquals("https://www.immowelt.de/expose/123", address.get("Sonstiges1").getAsString());
    }

    @Test
    void withoutAMatchingValueTheFallbackIsWritten() throws Exception {
        assertEquals("|eigene-Homepage|", address(Map.of("email", List.of("direct@example.org")))
                .get("HerkunftKontakt").getAsString(), "no utm_source at all");
        assertEquals("|eigene-Homepage|", address(Map.of("email", List.of("bing@example.org"),
                "_ctx_utm_source", List.of("bing"))).get("HerkunftKontakt").getAsString(), "no row matches");
    }

    @Test
    void theVisitorsOwnChoiceKeepsItsKeysBesideThePagesSource() throws Exception {
        Map<String, List<String>> entry = new LinkedHashMap<>();
        entry.put("email", List.of("both@example.org"));
        entry.put("wie", List.of("Empfehlung"));
        entry.put("_ctx_utm_source", List.of("google"));
        assertEquals("|Empfehlung||Werbung|", address(entry).get("HerkunftKontakt").getAsString());
    }

    @Test
    void theFormPageCarriesTheUtmSourceIntoTheSubmission() throws Exception {
        String page = server.get("/f/herkunft?utm_source=" + URLEncoder.encode("immoscout24", StandardCharsets.UTF_8))
                .body();
        assertTrue(page.contains("name=\"_ctx_utm_source\" value=\"immoscout24\""), page);
    }

    @Test
    void aFieldOrKeyOnOfficeLacksAndAnUnknownKeyAreRefusedAtSaveByPlace() throws Exception {
        HttpResponse<String> keys = server.admin("PUT", "/admin/api/forms/falsch", FORM.replace("\"herkunft\"",
                "\"falsch\"").replace("\"Werbung\"", "\"Suchmaschine\"").replace("address.Sonstiges1",
                "address.Sonstigs1"));
        assertEquals(400, keys.statusCode(), keys.body());
        assertTrue(keys.body().contains("contextMaps[0].values[2].key: 'Suchmaschine' is not a permitted value of "
                + "onOffice field address.HerkunftKontakt"), keys.body());
        assertTrue(keys.body().contains("contextMaps[1].maps: onOffice has no address field 'Sonstigs1'"), keys.body());

        HttpResponse<String> shape = server.admin("PUT", "/admin/api/forms/falsch", """
                { "key": "falsch", "kind": "contact", "title": "K",
                  "contextMaps": [{"from": "referrer", "maps": "estate.kaufpreis", "values": [{"wenn": "x", "key": "y"}]}],
                  "fields": [{"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"}] }""");
        assertEquals(400, shape.statusCode(), shape.body());
        for (String expected : List.of("contextMaps[0].maps: must be an onOffice address field",
                "contextMaps[0].values[0].wenn: unknown key 'wenn'", "contextMaps[0].values[0].when: must be 1-200")) {
            assertTrue(shape.body().contains(expected), expected + " in " + shape.body());
        }
        HttpResponse<String> context = server.admin("PUT", "/admin/api/forms/falsch", """
                { "key": "falsch", "kind": "contact", "title": "K",
                  "contextMaps": [{"from": "referrer", "maps": "address.Sonstiges1"}],
                  "fields": [{"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"}] }""");
        assertEquals(400, context.statusCode(), context.body());
        assertTrue(context.body().contains("contextMaps[0].from: the form keeps no 'referrer' of the page: add it to "
                + "context"), context.body());
    }
}
