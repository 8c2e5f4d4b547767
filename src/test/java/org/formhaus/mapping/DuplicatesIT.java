package org.formhaus.mapping;

import static org.formhaus.mapping.FormKindsIT.awaitDelivered;
import static org.formhaus.mapping.FormKindsIT.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.simulator.FaultMode;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Duplicates never overwrite (issue #12), over HTTP against the simulator: a visitor who is already a contact keeps
 * the contact's CRM data, the agent sees what differs (agent's-log note and notice e-mail), only the fields a form
 * allows are updated, the match is by e-mail without case (default), by e-mail and name, or by phone; a lost reply
 * creates no second address. The simulator's seeded contacts: Erika Musterfrau, Hans Beispiel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicatesIT {

    /** The defaults users get: no onoffice options at all, a notice to the team. */
    static final String DEFAULTS = """
            { "key": "dup-kontakt", "kind": "contact", "language": "de", "title": "Kontakt", "fields": [
              {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vorname"},
              {"name": "name", "type": "text", "label": "Name", "maps": "address.Name"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "telefon", "type": "phone", "label": "Telefon", "maps": "address.Telefon1"},
              {"name": "quelle", "type": "hidden", "label": "Quelle", "default": "Website", "maps": "address.Bemerkung"} ],
              "emails": {"notice": {"enabled": true, "to": ["team@agentur.example"]}} }""";
    static final String UPDATES = """
            { "key": "dup-update", "kind": "contact", "language": "en", "title": "Contact",
              "onoffice": {"duplicates": {"match": "email", "update": ["Name", "Telefon1"]}}, "fields": [
              {"name": "vorname", "type": "text", "label": "First name", "maps": "address.Vorname"},
              {"name": "name", "type": "text", "label": "Surname", "maps": "address.Name"},
              {"name": "email", "type": "email", "label": "E-mail", "required": true, "maps": "address.Email"},
              {"name": "telefon", "type": "phone", "label": "Phone", "maps": "address.Telefon1"} ] }""";
    static final String BY_PHONE = """
            { "key": "dup-telefon", "kind": "contact", "language": "de", "title": "Rückruf",
              "onoffice": {"duplicates": {"match": "phone"}}, "fields": [
              {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vorname"},
              {"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"},
              {"name": "telefon", "type": "phone", "label": "Telefon", "required": true, "maps": "address.Telefon1"} ] }""";
    static final String BY_EMAIL_AND_NAME = """
            { "key": "dup-name", "kind": "contact", "language": "de", "title": "Kontakt",
              "onoffice": {"duplicates": {"match": "email-name"}}, "fields": [
              {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vorname"},
              {"name": "name", "type": "text", "label": "Name", "maps": "address.Name"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"} ] }""";
    static final String LEGACY_KEEP = """
            { "key": "dup-alt", "kind": "contact", "title": "Alt", "onoffice": {"duplicates": "keep"}, "fields": [
              {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vorname"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"} ] }""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("onoffice.request.timeout.seconds", "2").perTestClass();

    @BeforeAll
    void define() throws Exception {
        for (String form : List.of(DEFAULTS, UPDATES, BY_PHONE, BY_EMAIL_AND_NAME, LEGACY_KEEP)) {
            server.adminJson("POST", "/admin/api/forms", form);
        }
    }

    @AfterEach
    void restore() throws Exception {
        server.simulator().noFault();
    }

    @Test
    void aDuplicateContactKeepsItsCrmFirstNameAndTheAgentSeesTheDifferenceWithDefaultSettings() throws Exception {
        String erika = addressWith("erika.musterfrau@example.org");
        long before = server.simulator().lastRequestSeq();
        JsonObject s = deliver("dup-kontakt", Map.of("vorname", "Erica", "name", "Musterfrau",
                "email", "ERIKA.Musterfrau@Example.ORG", "telefon", "0241 777"));

        assertEquals(erika, record(s, "address"), "the e-mail matches without case");
        JsonObject address = server.simulator().record("address", erika);
        assertEquals("Erika", address.get("Vorname").getAsString(), "the CRM's first name stays");
        assertFalse(address.get("_contacts").toString().contains("0241 777"), "nothing is added either");
        assertFalse(address.has("Bemerkung"), "not even the form's hidden value");
        String note = server.simulator().record("agentslog", record(s, "agentslog")).get("note").getAsString();
        assertTrue(note.contains("Vorname: Besucher gab „Erica“ ein, onOffice hat „Erika“"), note);
        assertTrue(note.contains("Telefon: Besucher gab „0241 777“ ein, onOffice hat nichts"), note);
        assertFalse(note.contains("Name: Besucher"), "equal values are no difference: " + note);
        assertFalse(note.contains("Quelle"), "a hidden value is the form's, not the visitor's: " + note);
        List<JsonObject> notices = server.simulator().mailsTo("team@agentur.example");
        String body = notices.get(notices.size() - 1).get("body").getAsString();
        assertTrue(body.contains("Vorname: Besucher gab „Erica“ ein, onOffice hat „Erika“"), body);
        assertEquals(List.of(List.of("read address", "create address"), List.of("create agentslog", "do sendmail")),
                server.simulator().actionsAfter(before), "still two requests");
    }

    @Test
    void theFieldsAFormAllowsAreUpdatedAndTheOthersOnlyReported() throws Exception {
        String hans = addressWith("hans.beispiel@example.org");
        long before = server.simulator().lastRequestSeq();
        JsonObject s = deliver("dup-update", Map.of("vorname", "Johannes", "name", "Beispiel-Neu",
                "email", "hans.beispiel@example.org", "telefon", "0221 555"));

        assertEquals(hans, record(s, "address"));
        JsonObject address = server.simulator().record("address", hans);
        assertEquals("Hans", address.get("Vorname").getAsString());
        assertEquals("Beispiel-Neu", address.get("Name").getAsString(), "allowed: updated");
        assertTrue(address.get("_contacts").toString().contains("0221 555"), "allowed: the phone is added");
        String note = server.simulator().record("agentslog", record(s, "agentslog")).get("note").getAsString();
        assertTrue(note.contains("First name: visitor entered \"Johannes\", onOffice has \"Hans\""), note);
        assertTrue(note.contains("Surname: updated to \"Beispiel-Neu\" (was \"Beispiel\")"), note);
        assertEquals(List.of(List.of("read address", "create address"), List.of("modify address", "create agentslog")),
                server.simulator().actionsAfter(before));
    }

    @Test
    void aContactIsFoundByPhoneAndANewNumberCostsOneRequestMore() throws Exception {
        long before = server.simulator().lastRequestSeq();
        JsonObject first = deliver("dup-telefon", Map.of("vorname", "Paula", "email", "paula.alt@example.org",
                "telefon", "0171 4242420"));
        assertEquals(List.of(List.of("read address", "read address"), List.of("create address"),
                List.of("create agentslog")), server.simulator().actionsAfter(before), "no match: create, then link");

        before = server.simulator().lastRequestSeq();
        JsonObject second = deliver("dup-telefon", Map.of("vorname", "Paulina", "email", "paula.neu@example.org",
                "telefon", "0171 4242420"));
        assertEquals(record(first, "address"), record(second, "address"), "the same number is the same contact");
        JsonObject address = server.simulator().record("address", record(first, "address"));
        assertEquals("Paula", address.get("Vorname").getAsString());
        assertFalse(address.get("_contacts").toString().contains("paula.neu@example.org"));
        String note = server.simulator().record("agentslog", record(second, "agentslog")).get("note").getAsString();
        assertTrue(note.contains("E-Mail: Besucher gab „paula.neu@example.org“ ein, onOffice hat „paula.alt@example.org“"),
                note);
        assertEquals(List.of(List.of("read address", "read address"), List.of("create agentslog")),
                server.simulator().actionsAfter(before), "a match: two requests");
    }

    @Test
    void theSameEmailWithAnotherNameIsANewContactWhenTheFormMatchesByEmailAndName() throws Exception {
        String erika = addressWith("erika.musterfrau@example.org");
        long before = server.simulator().lastRequestSeq();
        JsonObject s = deliver("dup-name", Map.of("vorname", "Max", "name", "Musterfrau",
                "email", "erika.musterfrau@example.org"));
        assertNotEquals(erika, record(s, "address"), "another person sharing the e-mail");
        assertEquals("Max", server.simulator().record("address", record(s, "address")).get("Vorname").getAsString());
        assertEquals("Erika", server.simulator().record("address", erika).get("Vorname").getAsString());
        assertEquals(List.of(List.of("read address", "create address"), List.of("create address"),
                List.of("create agentslog")), server.simulator().actionsAfter(before));

        JsonObject again = deliver("dup-name", Map.of("vorname", "max", "name", "MUSTERFRAU",
                "email", "erika.musterfrau@example.org"));
        assertEquals(record(s, "address"), record(again, "address"), "the name matches without case");
    }

    @Test
    void aFormSavedWithTheEarlierKeepStillWorksAndNeverOverwrites() throws Exception {
        String hans = addressWith("hans.beispiel@example.org");
        JsonObject s = deliver("dup-alt", Map.of("vorname", "Hänschen", "email", "hans.beispiel@example.org"));
        assertEquals(hans, record(s, "address"));
        assertEquals("Hans", server.simulator().record("address", hans).get("Vorname").getAsString());
    }

    @Test
    void aNewAddressWhoseReplyWasLostIsFoundByItsNumberNotCreatedTwice() throws Exception {
        server.simulator().fault(FaultMode.TIMEOUT_AFTER_COMMIT, 4000, 1, "create address");
        String id = submit("dup-telefon", Map.of("vorname", "Lotte", "telefon", "0151 9090901"));
        Await.until("the try with the lost reply to end", Duration.ofSeconds(20), () ->
                submission(id).getAsJsonArray("attempts").size() >= 1 ? true : null);
        server.simulator().noFault();
        assertEquals(202, server.admin("POST", "/admin/api/submissions/" + id + "/retry", null).statusCode());
        JsonObject s = awaitDelivered(server, id);

        int withNumber = 0;
        for (JsonElement e : server.simulator().records("address")) {
            if (e.getAsJsonObject().get("_contacts").toString().contains("0151 9090901")) {
                withNumber++;
                assertEquals(record(s, "address"), e.getAsJsonObject().get("id").getAsString());
            }
        }
        assertEquals(1, withNumber, "one address for the number");
    }

    @Test
    void aRetryAfterAFailedSecondRequestStillTellsTheAgentWhatDiffers() throws Exception {
        String hans = addressWith("hans.beispiel@example.org");
        server.simulator().fault(FaultMode.HTTP500, 0, 1, "create agentslog");
        long before = server.simulator().lastRequestSeq();
        JsonObject s = retried(submit("dup-kontakt", Map.of("vorname", "Hannes", "email", "hans.beispiel@example.org")));

        assertEquals(hans, record(s, "address"));
        assertEquals("existing", record(s, "address.lookup"), "the retry knows the contact existed");
        String note = server.simulator().record("agentslog", record(s, "agentslog")).get("note").getAsString();
        assertTrue(note.contains("Vorname: Besucher gab „Hannes“ ein, onOffice hat „Hans“"), note);
        List<List<String>> requests = server.simulator().actionsAfter(before);
        assertEquals(List.of("read address"), requests.get(requests.size() - 2), "the retry reads the contact again");
        assertEquals(List.of("create agentslog", "do sendmail"), requests.get(requests.size() - 1));
    }

    @Test
    void anUnknownKeyAnUnknownMatchOrAnUpdateOfAFieldTheFormDoesNotMapIsRefusedNamingIt() throws Exception {
        HttpResponse<String> reply = server.admin("POST", "/admin/api/forms", """
                { "key": "dup-falsch", "kind": "contact", "onoffice": {"duplicates": {"merge": true}}, "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"} ] }""");
        assertEquals(400, reply.statusCode(), reply.body());
        assertTrue(DeliveryRetryIT.error(reply).contains("onoffice.duplicates.merge: unknown key 'merge'"),
                reply.body());

        reply = server.admin("POST", "/admin/api/forms", """
                { "key": "dup-falsch", "kind": "contact", "onoffice": {"duplicates": {"match": "fax", "update": ["Ort"]}},
                  "fields": [ {"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"} ] }""");
        assertEquals(400, reply.statusCode(), reply.body());
        String message = DeliveryRetryIT.error(reply);
        assertTrue(message.contains("onoffice.duplicates.match: must be email, email-name, phone or none"), message);
        assertTrue(message.contains("onoffice.duplicates.update[0]: 'Ort' is no address field this form maps"), message);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** Waits for the first try (which meets the fault), lifts the fault, retries and waits for the delivery. */
    JsonObject retried(String id) throws Exception {
        Await.until("the first try to end", Duration.ofSeconds(20), () ->
                submission(id).getAsJsonArray("attempts").size() >= 1 ? true : null);
        server.simulator().noFault();
        assertEquals(202, server.admin("POST", "/admin/api/submissions/" + id + "/retry", null).statusCode());
        return awaitDelivered(server, id);
    }

    /** The id of the simulator's address holding this e-mail. */
    String addressWith(String email) throws Exception {
        for (JsonElement e : server.simulator().records("address")) {
            if (e.getAsJsonObject().get("_contacts").toString().contains("\"" + email + "\"")) {
                return e.getAsJsonObject().get("id").getAsString();
            }
        }
        throw new AssertionError("no address with " + email);
    }

    JsonObject deliver(String form, Map<String, String> values) throws Exception {
        return awaitDelivered(server, submit(form, values));
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
}
