package org.formhaus.mapping;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every form kind end to end over HTTP: define the form, submit it, wait for delivery, then read back from the
 * simulator exactly the records, values and relations expected, and count the onOffice requests it took (from the
 * simulator's request log). Issue #5.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormKindsIT {

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("onoffice.request.timeout.seconds", "3").perTestClass();

    // ---- contact and inquiry ---------------------------------------------------------------------------------------

    @Test
    void contactFormBecomesAnAddressAndAnActivityInTwoRequests() throws Exception {
        define("""
                { "key": "kontakt-kinds", "kind": "contact", "title": "Kontakt", "fields": [
                  {"name": "anrede", "type": "select", "label": "Anrede", "options": ["Herr", "Frau"], "maps": "address.Anrede"},
                  {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vorname"},
                  {"name": "name", "type": "text", "label": "Name", "maps": "address.Name"},
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                  {"name": "telefon", "type": "phone", "label": "Telefon", "maps": "address.Telefon1"},
                  {"name": "text", "type": "textarea", "label": "Nachricht", "maps": "agentslog.Bemerkung"} ] }""");
        long before = server.simulator().lastRequestSeq();
        JsonObject s = deliver("kontakt-kinds", Map.of("anrede", "Herr", "vorname", "Max", "name", "Kontakt",
                "email", "max.kontakt@example.org", "telefon", "0241 12345", "text", "Bitte um Rückruf"));

        String addressId = record(s, "address");
        JsonObject address = server.simulator().record("address", addressId);
        assertEquals("Herr", address.get("Anrede").getAsString());
        assertEquals("Max", address.get("Vorname").getAsString());
        assertEquals("Kontakt", address.get("Name").getAsString());
        assertTrue(address.get("_contacts").toString().contains("max.kontakt@example.org"));
        assertTrue(address.get("_contacts").toString().contains("0241 12345"));
        JsonObject log = server.simulator().record("agentslog", record(s, "agentslog"));
        assertEquals("[" + addressId + "]", log.get("addressids").toString());
        assertEquals("Email", log.get("actionkind").getAsString());
        assertEquals("Bitte um Rückruf\n\nFormular: Kontakt (kontakt-kinds)\nFormhaus: "
                + EstateSteps.externalNumber(s.get("id").getAsString()), log.get("note").getAsString());
        assertFalse(log.has("estateid"));

        List<List<String>> requests = server.simulator().actionsAfter(before);
        // the first request also reads the addresses with the visitor's e-mail, to compare an existing one (#12)
        assertEquals(List.of(List.of("read address", "create address"), List.of("create agentslog")), requests);
    }

    @Test
    void inquiryLinksTheActivityToTheEstateAndGivesTheTaskToTheEstatesAgent() throws Exception {
        define("""
                { "key": "anfrage-kinds", "kind": "inquiry", "title": "Exposé-Anfrage",
                  "onoffice": {"task": {"user": "estate", "subject": "Exposé senden"}},
                  "fields": [
                  {"name": "objekt", "type": "hidden", "label": "Objekt", "maps": "estate.Id"},
                  {"name": "name", "type": "text", "label": "Name", "maps": "address.Name"},
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"} ] }""");
        long before = server.simulator().lastRequestSeq();
        JsonObject s = deliver("anfrage-kinds", Map.of("objekt", "10", "name", "Interessent",
                "email", "inquiry@example.org"));

        String addressId = record(s, "address");
        assertEquals("mmakler", record(s, "agent.user"));
        JsonObject log = server.simulator().record("agentslog", record(s, "agentslog"));
        assertEquals("10", log.get("estateid").getAsString());
        assertEquals("[" + addressId + "]", log.get("addressids").toString());
        JsonObject task = server.simulator().record("task", record(s, "task"));
        assertEquals("Exposé senden", task.get("Betreff").getAsString());
        assertEquals("mmakler", task.get("Verantwortung").getAsString());
        assertEquals(addressId, task.get("relatedAddressId").getAsString());
        assertEquals("10", task.get("relatedEstateId").getAsString());

        assertEquals(List.of(List.of("read address", "create address", "read estate", "get users"),
                List.of("create agentslog", "create task")), server.simulator().actionsAfter(before));
    }

    // ---- owner and valuation ---------------------------------------------------------------------------------------

    static final String OWNER = """
            { "key": "%s", "kind": "%s", "title": "Verkaufen", "onoffice": {"task": {"user": "tteam", "priority": 2}},
              "fields": [
              {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vorname"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "art", "type": "select", "label": "Objektart", "options": ["haus", "wohnung"], "maps": "estate.objektart"},
              {"name": "typ", "type": "radio", "label": "Objekttyp", "options": [{"value": "Einfamilienhaus", "label": "EFH"}], "maps": "estate.objekttyp"},
              {"name": "vermarktung", "type": "hidden", "label": "Vermarktung", "default": "kauf", "maps": "estate.vermarktungsart"},
              {"name": "strasse", "type": "text", "label": "Straße", "maps": "estate.strasse"},
              {"name": "plz", "type": "text", "label": "PLZ", "maps": "estate.plz"},
              {"name": "ort", "type": "text", "label": "Ort", "maps": "estate.ort"},
              {"name": "flaeche", "type": "area", "label": "Wohnfläche", "maps": "estate.wohnflaeche"},
              {"name": "zimmer", "type": "number", "label": "Zimmer", "maps": "estate.anzahl_zimmer"},
              {"name": "baujahr", "type": "number", "label": "Baujahr", "maps": "estate.baujahr"},
              {"name": "preis", "type": "currency", "label": "Preisvorstellung", "maps": "estate.kaufpreis"} ] }""";

    static Map<String, String> ownerEntry(String email) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("vorname", "Olga");
        v.put("email", email);
        v.put("art", "haus");
        v.put("typ", "Einfamilienhaus");
        v.put("vermarktung", "kauf");
        v.put("strasse", "Lindenweg 3");
        v.put("plz", "52062");
        v.put("ort", "Aachen");
        v.put("flaeche", "120,5");
        v.put("zimmer", "5");
        v.put("baujahr", "1990");
        v.put("preis", "450.000");
        return v;
    }

    @Test
    void ownerFormCreatesAddressEstateOwnerRelationActivityAndTaskInTwoRequests() throws Exception {
        define(OWNER.formatted("verkaufen-kinds", "owner"));
        long before = server.simulator().lastRequestSeq();
        JsonObject s = deliver("verkaufen-kinds", ownerEntry("owner@example.org"));

        String addressId = record(s, "address");
        String estateId = record(s, "estate");
        JsonObject estate = server.simulator().record("estate", estateId);
        assertEquals("haus", estate.get("objektart").getAsString());
        assertEquals("einfamilienhaus", estate.get("objekttyp").getAsString(), "label translated to the key");
        assertEquals("kauf", estate.get("vermarktungsart").getAsString());
        assertEquals("Lindenweg 3", estate.get("strasse").getAsString());
        assertEquals("52062", estate.get("plz").getAsString());
        assertEquals("Aachen", estate.get("ort").getAsString());
        assertEquals("120.5", estate.get("wohnflaeche").getAsString());
        assertEquals("5", estate.get("anzahl_zimmer").getAsString());
        assertEquals(1990, estate.get("baujahr").getAsInt());
        assertEquals("450000", estate.get("kaufpreis").getAsString());
        assertEquals(EstateSteps.externalNumber(s.get("id").getAsString()), estate.get("objektnr_extern").getAsString());
        assertEquals(1, ownerRelations(estateId, addressId));
        JsonObject log = server.simulator().record("agentslog", record(s, "agentslog"));
        assertEquals(estateId, log.get("estateid").getAsString());
        assertEquals("[" + addressId + "]", log.get("addressids").toString());
        JsonObject task = server.simulator().record("task", record(s, "task"));
        assertEquals("tteam", task.get("Verantwortung").getAsString());
        assertEquals("2", task.get("Prio").getAsString());
        assertEquals(addressId, task.get("relatedAddressId").getAsString());
        assertEquals(estateId, task.get("relatedEstateId").getAsString());
        assertTrue(task.get("Aufgabe").getAsString().contains("Wohnfläche: 120.5"), task.toString());

        assertEquals(List.of(List.of("read address", "create address", "create estate"),
                List.of("create relation", "create agentslog", "create task")), server.simulator().actionsAfter(before));
    }

    @Test
    void valuationFormAlsoCreatesTheEstateAndLinksItsOwnerInTwoRequests() throws Exception {
        define(OWNER.formatted("bewertung-kinds", "valuation").replace("{\"name\": \"ort\"",
                "{\"name\": \"nr\", \"type\": \"text\", \"label\": \"Objektnummer\", \"maps\": \"estate.objektnr_extern\"},"
                        + " {\"name\": \"ort\""));
        long before = server.simulator().lastRequestSeq();
        Map<String, String> entry = ownerEntry("valuation@example.org");
        entry.put("nr", "V-2026-17");
        JsonObject s = deliver("bewertung-kinds", entry);
        assertEquals(1, ownerRelations(record(s, "estate"), record(s, "address")));
        JsonObject estate = server.simulator().record("estate", record(s, "estate"));
        assertEquals("120.5", estate.get("wohnflaeche").getAsString());
        assertEquals("V-2026-17", estate.get("objektnr_extern").getAsString(), "the external number as the visitor gave it");
        assertEquals(List.of(List.of("read address", "create address", "create estate"),
                List.of("modify estate", "create relation", "create agentslog", "create task")),
                server.simulator().actionsAfter(before), "the number replaces the tag in the second request");
    }

    @Test
    void aUserChoiceWrittenToTheEstatesSupervisorSubmitsTheUsersIdNotTheName() throws Exception {
        define(OWNER.formatted("betreuer-kinds", "owner").replace("{\"name\": \"ort\"",
                "{\"name\": \"betreuer\", \"type\": \"userselect\", \"label\": \"Betreuer\", \"maps\": \"estate.benutzer\"},"
                        + " {\"name\": \"ort\""));
        // onOffice's estate.benutzer takes the user's ID (a name is refused with 184); the seeded mmakler is user 17
        String page = Await.until("the user choices from onOffice", Duration.ofSeconds(20), () -> {
            String body = server.get("/f/betreuer-kinds").body();
            return body.contains("value=\"17\"") ? body : null;
        });
        assertTrue(page.contains("Maria Makler"), "shown by name");
        assertFalse(page.contains("value=\"mmakler\""), "no user name is offered for an ID field");
        Map<String, String> entry = ownerEntry("betreuer@example.org");
        entry.put("betreuer", "17");
        JsonObject s = deliver("betreuer-kinds", entry);
        assertEquals("17", server.simulator().record("estate", record(s, "estate")).get("benutzer").getAsString());
    }

    // ---- search profile and appointment ----------------------------------------------------------------------------

    @Test
    void searchProfileBecomesASearchCriterionWithRangesAndPlacesForTheAddress() throws Exception {
        define("""
                { "key": "suchprofil-kinds", "kind": "searchprofile", "title": "Suchprofil", "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                  {"name": "vermarktung", "type": "radio", "label": "Kaufen/Mieten", "options": ["kauf", "miete"], "maps": "searchcriteria.vermarktungsart"},
                  {"name": "arten", "type": "checkboxes", "label": "Objektarten", "options": ["haus", "wohnung"], "maps": "searchcriteria.objektart"},
                  {"name": "preis_von", "type": "currency", "label": "Preis ab", "maps": "searchcriteria.kaufpreis__von"},
                  {"name": "preis_bis", "type": "currency", "label": "Preis bis", "maps": "searchcriteria.kaufpreis__bis"},
                  {"name": "flaeche_von", "type": "area", "label": "Fläche ab", "maps": "searchcriteria.wohnflaeche__von"},
                  {"name": "zimmer_von", "type": "number", "label": "Zimmer ab", "maps": "searchcriteria.anzahl_zimmer__von"},
                  {"name": "orte", "type": "text", "label": "Orte", "maps": "searchcriteria.range_ort"} ] }""");
        long before = server.simulator().lastRequestSeq();
        Map<String, List<String>> entry = new LinkedHashMap<>();
        entry.put("email", List.of("search@example.org"));
        entry.put("vermarktung", List.of("kauf"));
        entry.put("arten", List.of("haus", "wohnung"));
        entry.put("preis_von", List.of("200000"));
        entry.put("preis_bis", List.of("400.000"));
        entry.put("flaeche_von", List.of("90"));
        entry.put("zimmer_von", List.of("3,5"));
        entry.put("orte", List.of("Aachen"));
        JsonObject s = deliverMulti("suchprofil-kinds", entry);

        JsonObject criterion = server.simulator().record("searchcriteria", record(s, "searchcriteria"));
        assertEquals(record(s, "address"), criterion.get("adresse").getAsString());
        assertEquals("kauf", criterion.get("vermarktungsart").getAsString());
        assertEquals("|haus||wohnung|", criterion.get("objektart").getAsString());
        assertEquals("200000", criterion.get("kaufpreis__von").getAsString());
        assertEquals("400000", criterion.get("kaufpreis__bis").getAsString());
        assertEquals("90", criterion.get("wohnflaeche__von").getAsString());
        assertEquals("3.5", criterion.get("anzahl_zimmer__von").getAsString());
        assertEquals("Aachen", criterion.get("range_ort").getAsString());
        assertEquals(List.of(List.of("create address"), List.of("create agentslog", "create searchcriteria")),
                server.simulator().actionsAfter(before));
    }

    @Test
    void appointmentRequestBecomesAnAppointmentForTheAgentWithTheRequestedSlot() throws Exception {
        define("""
                { "key": "termin-kinds", "kind": "appointment", "title": "Beratungstermin",
                  "onoffice": {"appointment": {"user": "sschulz", "art": "Beratung", "durationMinutes": 45}},
                  "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                  {"name": "slot", "type": "select", "label": "Wunschtermin",
                   "options": ["2026-06-01T10:30", "2026-06-02T14:00"], "maps": "calendar.start_dt"} ] }""");
        long before = server.simulator().lastRequestSeq();
        JsonObject s = deliver("termin-kinds", Map.of("email", "termin@example.org", "slot", "2026-06-01T10:30"));

        JsonObject appointment = server.simulator().record("calendar", record(s, "calendar"));
        assertEquals("2026-06-01 10:30:00", appointment.get("start_dt").getAsString());
        assertEquals("2026-06-01 11:15:00", appointment.get("end_dt").getAsString());
        assertEquals("Beratung", appointment.get("art").getAsString());
        assertEquals("[" + record(s, "address") + "]", appointment.get("relatedAddressIds").toString());
        // subscribers.users are user IDs (sschulz is user 19): onOffice refuses names there (301)
        assertEquals("{\"users\":[19]}", appointment.get("subscribers").toString());
        assertEquals(List.of(List.of("create address", "get users"), List.of("create agentslog", "create calendar")),
                server.simulator().actionsAfter(before));
    }

    // ---- custom ------------------------------------------------------------------------------------------------------

    @Test
    void customFormWritesExactlyTheChosenFieldsConvertedByTheirOnOfficeTypes() throws Exception {
        define("""
                { "key": "custom-kinds", "kind": "custom", "title": "Eigenes", "fields": [
                  {"name": "anrede", "type": "radio", "label": "Anrede", "options": ["Mr.", "Mrs."], "maps": "address.Anrede"},
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                  {"name": "geburt", "type": "date", "label": "Geburtsdatum", "maps": "address.Geburtsdatum"},
                  {"name": "art", "type": "checkboxes", "label": "Ich bin", "options": ["Interessent", "Eigentümer"], "maps": "address.ArtDaten"},
                  {"name": "quelle", "type": "hidden", "label": "Quelle", "default": "eigene-Homepage", "maps": "address.HerkunftKontakt"},
                  {"name": "veroeffentlichen", "type": "consent", "label": "Ja", "maps": "address.homepage_veroeffentlichen"} ] }""");
        long before = server.simulator().lastRequestSeq();
        Map<String, List<String>> entry = new LinkedHashMap<>();
        entry.put("anrede", List.of("Mrs."));
        entry.put("email", List.of("custom@example.org"));
        entry.put("geburt", List.of("1980-02-29"));
        entry.put("art", List.of("Interessent", "Eigentümer"));
        entry.put("quelle", List.of("HACKED")); // a visitor who edits the page cannot change a forced value
        entry.put("veroeffentlichen", List.of("on"));
        JsonObject s = deliverMulti("custom-kinds", entry);

        JsonObject address = server.simulator().record("address", record(s, "address"));
        assertEquals("Frau", address.get("Anrede").getAsString());
        assertEquals("1980-02-29", address.get("Geburtsdatum").getAsString());
        assertEquals("|Interessent||Eigentuemer|", address.get("ArtDaten").getAsString());
        assertEquals("|eigene-Homepage|", address.get("HerkunftKontakt").getAsString(), "the definition's value");
        assertEquals("1", address.get("homepage_veroeffentlichen").getAsString());
        assertFalse(s.getAsJsonObject("records").has("agentslog"), "custom writes only what it maps");
        assertEquals(List.of(List.of("create address")), server.simulator().actionsAfter(before));
    }

    // ---- newsletter ----------------------------------------------------------------------------------------------

    @Test
    void newsletterAddressReachesOnOfficeOnlyOnceTheEmailedLinkIsConfirmed() throws Exception {
        define("""
                { "key": "newsletter-kinds", "kind": "newsletter", "title": "Newsletter", "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                  {"name": "dsgvo", "type": "consent", "label": "Ja, ich möchte den Newsletter.", "required": true} ] }""");
        long before = server.simulator().lastRequestSeq();
        JsonObject s = deliver("newsletter-kinds", Map.of("email", "news@example.org", "dsgvo", "yes"));
        assertFalse(s.getAsJsonObject("records").has("address"), "no address before the confirmation");
        assertEquals(List.of(List.of("do sendmail")), server.simulator().actionsAfter(before));

        JsonObject mail = null;
        for (JsonElement m : server.simulator().mails()) {
            if (m.getAsJsonObject().get("to").toString().contains("news@example.org")) {
                mail = m.getAsJsonObject();
            }
        }
        assertNotNull(mail, "confirmation mail sent");
        assertEquals("info@agentur.example", mail.get("from").getAsString());
        Matcher link = Pattern.compile("https?://\\S+/n/confirm\\?t=\\S+").matcher(mail.get("body").getAsString());
        assertTrue(link.find(), mail.toString());
        String path = link.group().substring(link.group().indexOf("/n/confirm"));

        assertEquals(400, server.get(path.substring(0, path.length() - 2) + "xx").statusCode(), "tampered token");
        HttpResponse<String> opened = server.get(path);
        assertEquals(200, opened.statusCode(), opened.body());
        assertTrue(opened.body().contains("<button type=\"submit\""), "the link opens a page with a confirm button");
        assertEquals(List.of(List.of("do sendmail")), server.simulator().actionsAfter(before), "opening confirms nothing");

        HttpResponse<String> confirmed = pressConfirm(path); // the button: a POST
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertTrue(confirmed.body().contains("bestätigt"));
        JsonObject after = Await.until("the confirmation delivered", Duration.ofSeconds(20), () -> {
            JsonObject now = submission(s.get("id").getAsString());
            return now.getAsJsonObject("records").has("newsletter.confirmed") ? now : null;
        });
        String addressId = record(after, "address");
        assertEquals("1", server.simulator().record("address", addressId).get("newsletter_aktiv").getAsString());
        assertEquals("ok", record(after, "newsletter.confirmed"));
        assertEquals(200, pressConfirm(path).statusCode(), "confirming twice is harmless");
    }

    /** Presses the confirm button of the page {@code path} (the e-mailed link) opens. */
    HttpResponse<String> pressConfirm(String path) throws Exception {
        String token = path.substring(path.indexOf("t=") + 2);
        return server.send(java.net.http.HttpRequest.newBuilder(server.uri("/n/confirm"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("t=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    void define(String json) throws Exception {
        server.adminJson("POST", "/admin/api/forms", json);
    }

    JsonObject deliver(String form, Map<String, String> values) throws Exception {
        Map<String, List<String>> entry = new LinkedHashMap<>();
        values.forEach((k, v) -> entry.put(k, List.of(v)));
        return deliverMulti(form, entry);
    }

    JsonObject deliverMulti(String form, Map<String, List<String>> entry) throws Exception {
        HttpResponse<String> reply = server.submitJson(form, entry);
        assertEquals(202, reply.statusCode(), reply.body());
        String id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
        return awaitDelivered(server, id);
    }

    static JsonObject awaitDelivered(TestServer server, String id) throws Exception {
        return Await.until("submission " + id + " delivered", Duration.ofSeconds(20), () -> {
            JsonObject s = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
            if (s.get("status").getAsString().equals("failed")) {
                throw new AssertionError("delivery failed: " + s);
            }
            return s.get("status").getAsString().equals("delivered") ? s : null;
        });
    }

    JsonObject submission(String id) throws Exception {
        return server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
    }

    static String record(JsonObject submission, String key) {
        JsonElement e = submission.getAsJsonObject("records").get(key);
        assertNotNull(e, key + " recorded: " + submission.getAsJsonObject("records"));
        return e.getAsString();
    }

    int ownerRelations(String estateId, String addressId) throws Exception {
        return ownerRelations(server, estateId, addressId);
    }

    static int ownerRelations(TestServer server, String estateId, String addressId) throws Exception {
        int n = 0;
        for (JsonElement e : server.simulator().records("relation")) {
            JsonObject r = e.getAsJsonObject();
            if (r.get("relationtype").getAsString().endsWith("estate:address:owner")
                    && r.get("parentid").getAsString().equals(estateId)
                    && (addressId == null || r.get("childid").getAsString().equals(addressId))) {
                n++;
            }
        }
        return n;
    }
}
