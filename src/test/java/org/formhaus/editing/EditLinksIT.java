package org.formhaus.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.storage.Database;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Edit links against the simulator on MariaDB (#12): a search profile's confirmation e-mail carries a link; opening it
 * loads the search criterion into the edit form (one onOffice read), submitting it modifies that criterion by id and
 * creates nothing; a forged, expired or revoked link gets nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditLinksIT {

    static final String EDIT_FORM = """
            { "key": "suchprofil-aendern", "kind": "searchprofile", "language": "de", "title": "Suchprofil ändern",
              "edit": {"module": "searchcriteria", "validDays": 14},
              "fields": [
                {"name": "preis", "type": "range", "label": "Kaufpreis", "maps": "searchcriteria.kaufpreis"},
                {"name": "ort", "type": "text", "label": "Ort", "maps": "searchcriteria.range_ort"}
              ] }""";
    static final String SOURCE_FORM = """
            { "key": "suchprofil", "kind": "searchprofile", "language": "de", "title": "Suchprofil",
              "fields": [
                {"name": "vorname", "type": "text", "label": "Vorname", "required": true, "maps": "address.Vorname"},
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                {"name": "preis", "type": "range", "label": "Kaufpreis", "maps": "searchcriteria.kaufpreis"},
                {"name": "ort", "type": "text", "label": "Ort", "maps": "searchcriteria.range_ort"}
              ],
              "emails": {"confirmation": {"enabled": true, "subject": "Ihr Suchprofil",
                "body": "<p><a href=\\"${editLinks['suchprofil-aendern']}\\">Suchprofil ändern</a></p>"}} }""";
    static final Pattern LINK = Pattern.compile("/f/suchprofil-aendern\\?fh_edit=([A-Za-z0-9_-]{43})");
    static final Pattern ANY_LINK = Pattern.compile("/f/[a-z-]+\\?fh_edit=([A-Za-z0-9_-]{43})");

    /** An address edit with a forced value: onOffice gets "Formhaus-Update" whatever is posted. */
    static final String ADDRESS_EDIT = """
            { "key": "adresse-aendern", "kind": "contact", "language": "de", "title": "Adresse ändern",
              "edit": {"module": "address"},
              "fields": [
                {"name": "gruss", "type": "heading", "label": "Hallo {{record.Vorname}}, stimmt Ihr Ort noch?"},
                {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vorname"},
                {"name": "ort", "type": "text", "label": "Ort", "maps": "address.Ort"},
                {"name": "bemerkung", "type": "hidden", "default": "Formhaus-Update", "maps": "address.Bemerkung"}
              ] }""";
    static final String ADDRESS_SOURCE = """
            { "key": "kontakt-mit-link", "kind": "contact", "language": "de", "title": "Kontakt",
              "fields": [
                {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vorname"},
                {"name": "ort", "type": "text", "label": "Ort", "maps": "address.Ort"},
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"}
              ],
              "emails": {"confirmation": {"enabled": true, "subject": "Danke",
                "body": "<a href=\\"${editLinks['adresse-aendern']}\\">Daten ändern</a>"}} }""";
    static final String APPOINTMENT_EDIT = """
            { "key": "termin-aendern", "kind": "appointment", "language": "de", "title": "Termin ändern",
              "edit": {"module": "calendar"},
              "fields": [
                {"name": "termin", "type": "date", "label": "Termin", "maps": "calendar.start_dt"},
                {"name": "notiz", "type": "textarea", "label": "Notiz", "maps": "calendar.note"}
              ] }""";
    static final String APPOINTMENT_SOURCE = """
            { "key": "termin", "kind": "appointment", "language": "de", "title": "Termin",
              "fields": [
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                {"name": "termin", "type": "date", "label": "Termin", "required": true, "maps": "calendar.start_dt"}
              ],
              "emails": {"confirmation": {"enabled": true, "subject": "Termin",
                "body": "<a href=\\"${editLinks['termin-aendern']}\\">Termin verschieben</a>"}} }""";
    static final String ESTATE_EDIT = """
            { "key": "objekt-aendern", "kind": "owner", "language": "de", "title": "Objekt ändern",
              "edit": {"module": "estate", "validDays": 365},
              "fields": [
                {"name": "titel", "type": "text", "label": "Titel", "maps": "estate.objekttitel"},
                {"name": "preis", "type": "currency", "label": "Preis", "maps": "estate.kaufpreis"}
              ] }""";
    static final String ESTATE_SOURCE = """
            { "key": "eigentuemer", "kind": "owner", "language": "de", "title": "Eigentümer",
              "fields": [
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                {"name": "titel", "type": "text", "label": "Titel", "maps": "estate.objekttitel"},
                {"name": "preis", "type": "currency", "label": "Preis", "maps": "estate.kaufpreis"}
              ],
              "emails": {"confirmation": {"enabled": true, "subject": "Objekt",
                "body": "<a href=\\"${editLinks['objekt-aendern']}\\">Angaben ändern</a>"}} }""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("onoffice.request.timeout.seconds", "2").perTestClass();
    /** The id of the search profile {@link #profileWithLink} delivered last. */
    String lastSource;

    @BeforeAll
    void forms() throws Exception {
        server.adminJson("PUT", "/admin/api/forms/suchprofil-aendern", EDIT_FORM);
        server.adminJson("PUT", "/admin/api/forms/suchprofil", SOURCE_FORM);
        for (String form : List.of(ADDRESS_EDIT, ADDRESS_SOURCE, APPOINTMENT_EDIT, APPOINTMENT_SOURCE, ESTATE_EDIT,
                ESTATE_SOURCE)) {
            String key = JsonParser.parseString(form).getAsJsonObject().get("key").getAsString();
            server.adminJson("PUT", "/admin/api/forms/" + key, form);
        }
    }

    @Test
    void aLinkFromTheConfirmationLoadsTheSearchCriterionAndItsSubmissionModifiesItWithoutCreatingOne()
            throws Exception {
        String token = profileWithLink("anna@example.org");
        long criteria = server.simulator().records("searchcriteria").size();
        String id = onlyCriterionOf("anna@example.org");

        long before = server.simulator().lastRequestSeq();
        HttpResponse<String> page = server.get("/f/suchprofil-aendern?fh_edit=" + token);
        assertEquals(200, page.statusCode(), page.body());
        assertEquals(List.of(List.of("get searchcriterias")), server.simulator().actionsAfter(before),
                "the page reads onOffice once");
        assertTrue(page.body().contains("value=\"300000\""), "the loaded price: " + page.body());
        assertTrue(page.body().contains("value=\"Aachen\""), page.body());
        assertFalse(page.body().contains("value=\"" + id + "\""), "no onOffice id in the page");
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));

        long modifies = server.simulator().actionCount("modify", "searchcriteria");
        String submission = submitEdit(token, "350000", "Köln", 202);
        awaitDelivered(submission);
        JsonObject criterion = server.simulator().record("searchcriteria", id);
        assertEquals("350000", criterion.get("kaufpreis__von").getAsString(), criterion.toString());
        assertEquals("Köln", criterion.get("range_ort").getAsString(), criterion.toString());
        assertEquals(criteria, server.simulator().records("searchcriteria").size(), "no new search criterion");
        assertEquals(modifies + 1, server.simulator().actionCount("modify", "searchcriteria"), "one modify");
    }

    @Test
    void aModifyWhoseReplyWasLostIsSentAgainAndChangesTheRecordOnceWithoutCreatingOne() throws Exception {
        String token = profileWithLink("kim@example.org");
        String id = onlyCriterionOf("kim@example.org");
        long criteria = server.simulator().records("searchcriteria").size();
        server.simulator().fault(org.formhaus.simulator.FaultMode.TIMEOUT_AFTER_COMMIT, 4000, 1,
                "modify searchcriteria");
        String submission = submitEdit(token, "410000", "Jülich", 202);
        Await.until("the try with the lost reply to end", Duration.ofSeconds(20), () -> server.adminJson("GET",
                "/admin/api/submissions/" + submission, null).getAsJsonObject().getAsJsonArray("attempts").size() >= 1
                ? true : null);
        server.simulator().noFault();
        assertEquals(202, server.admin("POST", "/admin/api/submissions/" + submission + "/retry", null).statusCode());
        awaitDelivered(submission);
        JsonObject criterion = server.simulator().record("searchcriteria", id);
        assertEquals("410000", criterion.get("kaufpreis__von").getAsString());
        assertEquals("Jülich", criterion.get("range_ort").getAsString());
        assertEquals(criteria, server.simulator().records("searchcriteria").size(), "nothing created");
    }

    @Test
    void aLinkToARecordOnOfficeNoLongerHasGetsNotFound() throws Exception {
        String token = "B".repeat(43);
        long account = server.app().forms().current("suchprofil-aendern").orElseThrow().accountId();
        long now = System.currentTimeMillis();
        try (Database db = server.database().open()) {
            new org.formhaus.storage.EditLinkStore(db).insert(new org.formhaus.storage.EditLink(
                    java.util.UUID.randomUUID().toString(), EditLinks.hash(token), account, "suchprofil-aendern",
                    "searchcriteria", "999999", null, null, now, now + 60_000, null));
        }
        HttpResponse<String> page = server.get("/f/suchprofil-aendern?fh_edit=" + token);
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("gibt es nicht mehr"), page.body());
    }

    @Test
    void anEMailAskingForALinkToAFormThatEditsNothingIsRefusedAtSave() throws Exception {
        HttpResponse<String> reply = server.admin("PUT", "/admin/api/forms/suchprofil-falsch", SOURCE_FORM
                .replace("\"suchprofil\"", "\"suchprofil-falsch\"").replace("editLinks['suchprofil-aendern']",
                        "editLinks['suchprofil']"));
        assertEquals(400, reply.statusCode(), reply.body());
        assertTrue(reply.body().contains("emails.confirmation.body: editLinks['suchprofil'] names no edit form"),
                reply.body());
    }

    @Test
    void aForgedOrMistypedTokenGetsNeitherPageNorModify() throws Exception {
        profileWithLink("bert@example.org");
        long modifies = server.simulator().actionCount("modify", "searchcriteria");
        String forged = "A".repeat(43);
        assertEquals(403, server.get("/f/suchprofil-aendern?fh_edit=" + forged).statusCode());
        assertEquals(403, server.get("/f/suchprofil-aendern").statusCode(), "an edit form opens only by its link");
        assertEquals(403, server.get("/f/suchprofil-aendern?fh_edit=1").statusCode());
        submitEdit(forged, "1", "Bonn", 403);
        submitEdit("", "1", "Bonn", 403);
        assertEquals(modifies, server.simulator().actionCount("modify", "searchcriteria"));
    }

    @Test
    void anExpiredLinkGetsAClearPageAndChangesNothing() throws Exception {
        String token = profileWithLink("carla@example.org");
        sql("UPDATE edit_link SET expires_ms = 1 WHERE token_hash = ?", EditLinks.hash(token));
        HttpResponse<String> page = server.get("/f/suchprofil-aendern?fh_edit=" + token);
        assertEquals(410, page.statusCode());
        assertTrue(page.body().contains("abgelaufen"), page.body());
        submitEdit(token, "1", "Bonn", 410);
    }

    @Test
    void aLinkWhoseRecordOnOfficeCannotGiveNowAsksToComeBackAndLosesNothing() throws Exception {
        String token = profileWithLink("dora@example.org");
        server.simulator().fault(org.formhaus.simulator.FaultMode.DOWN);
        try {
            HttpResponse<String> page = server.get("/f/suchprofil-aendern?fh_edit=" + token);
            assertEquals(503, page.statusCode());
            assertTrue(page.body().contains("nichts verloren"), page.body());
        } finally {
            server.simulator().noFault();
        }
        assertEquals(200, server.get("/f/suchprofil-aendern?fh_edit=" + token).statusCode(), "the link still works");
    }

    @Test
    void anAddressLinkLoadsTheAddressAndAForgedForcedValueNeverReachesOnOffice() throws Exception {
        String token = linkFrom("kontakt-mit-link", "erik@example.org", Map.of("vorname", List.of("Erik"),
                "ort", List.of("Aachen")));
        long addresses = server.simulator().records("address").size();
        HttpResponse<String> page = server.get("/f/adresse-aendern?fh_edit=" + token);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("value=\"Erik\"") && page.body().contains("value=\"Aachen\""), page.body());
        assertTrue(page.body().contains("Hallo Erik, stimmt Ihr Ort noch?"), "{{record.Vorname}}: " + page.body());
        awaitDelivered(submit("adresse-aendern", Map.of("_fh_edit", List.of(token), "vorname", List.of("Erika"),
                "ort", List.of("Bonn"), "bemerkung", List.of("HACKED")), 202));
        JsonObject address = addressOf("erik@example.org");
        assertEquals("Erika", address.get("Vorname").getAsString(), address.toString());
        assertEquals("Bonn", address.get("Ort").getAsString());
        assertEquals("Formhaus-Update", address.get("Bemerkung").getAsString(), "the forced value, not the posted one");
        assertFalse(server.simulator().requests().toString().contains("HACKED"), "HACKED never reached onOffice");
        assertEquals(addresses, server.simulator().records("address").size(), "no new address");
    }

    @Test
    void anAppointmentLinkLoadsItsDateAndMovesItKeepingItsLength() throws Exception {
        String token = linkFrom("termin", "fritz@example.org", Map.of("termin", List.of("2027-03-01")));
        long appointments = server.simulator().records("calendar").size();
        HttpResponse<String> page = server.get("/f/termin-aendern?fh_edit=" + token);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("value=\"2027-03-01\""), page.body());
        awaitDelivered(submit("termin-aendern", Map.of("_fh_edit", List.of(token), "termin", List.of("2027-03-05"),
                "notiz", List.of("Lieber am Freitag")), 202));
        JsonObject moved = null;
        for (JsonElement c : server.simulator().records("calendar")) {
            if (c.toString().contains("Lieber am Freitag")) {
                moved = c.getAsJsonObject();
            }
        }
        assertTrue(moved != null, server.simulator().records("calendar").toString());
        assertEquals("2027-03-05 00:00:00", moved.get("start_dt").getAsString());
        assertEquals("2027-03-05 01:00:00", moved.get("end_dt").getAsString());
        assertEquals(appointments, server.simulator().records("calendar").size(), "no new appointment");
    }

    @Test
    void anEstateLinkLoadsTheOwnersEstateAndModifiesIt() throws Exception {
        String token = linkFrom("eigentuemer", "greta@example.org", Map.of("titel", List.of("Altbau am Park"),
                "preis", List.of("450.000")));
        long estates = server.simulator().records("estate").size();
        HttpResponse<String> page = server.get("/f/objekt-aendern?fh_edit=" + token);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("value=\"Altbau am Park\"") && page.body().contains("value=\"450000\""),
                page.body());
        awaitDelivered(submit("objekt-aendern", Map.of("_fh_edit", List.of(token), "titel",
                List.of("Altbau am Park, saniert"), "preis", List.of("475.000")), 202));
        JsonObject estate = null;
        for (JsonElement e : server.simulator().records("estate")) {
            if (e.toString().contains("Altbau am Park, saniert")) {
                estate = e.getAsJsonObject();
            }
        }
        assertTrue(estate != null, server.simulator().records("estate").toString());
        assertEquals(475000, estate.get("kaufpreis").getAsDouble(), 0.001);
        assertEquals(estates, server.simulator().records("estate").size(), "no new estate");
    }

    @Test
    void aRevokedLinkGetsAClearPageAndASubmissionFromAPageShownBeforeIsRefused() throws Exception {
        String email = "hanna@example.org";
        String token = profileWithLink(email);
        String source = lastSource;
        JsonArray links = server.adminJson("GET", "/admin/api/edit-links?submission=" + source, null)
                .getAsJsonArray();
        assertEquals(1, links.size(), links.toString());
        JsonObject link = links.get(0).getAsJsonObject();
        assertEquals("suchprofil-aendern", link.get("form").getAsString());
        assertFalse(link.toString().contains(token) || link.toString().contains(EditLinks.hash(token)), "no token");
        assertEquals(200, server.get("/f/suchprofil-aendern?fh_edit=" + token).statusCode());

        JsonObject revoked = server.adminJson("POST", "/admin/api/edit-links/" + link.get("id").getAsString()
                + "/revoke", null).getAsJsonObject();
        assertEquals("revoked", revoked.get("state").getAsString());
        HttpResponse<String> page = server.get("/f/suchprofil-aendern?fh_edit=" + token);
        assertEquals(410, page.statusCode());
        assertTrue(page.body().contains("zurückgezogen"), page.body());
        long modifies = server.simulator().actionCount("modify", "searchcriteria");
        submitEdit(token, "1", "Bonn", 410);
        assertEquals(modifies, server.simulator().actionCount("modify", "searchcriteria"));

        String second = profileWithLink("ida@example.org");
        assertEquals(200, server.get("/f/suchprofil-aendern?fh_edit=" + second).statusCode());
        JsonObject all = server.adminJson("POST", "/admin/api/edit-links/revoke", "{\"submission\": \""
                + lastSource + "\"}").getAsJsonObject();
        assertEquals(1, all.get("revoked").getAsInt());
        submitEdit(second, "1", "Bonn", 410);
    }

    @Test
    void theSubmissionPageListsItsLinksAndRevokesThemAll() throws Exception {
        String token = profileWithLink("jonas@example.org");
        org.formhaus.testing.AdminBrowserSession admin = new org.formhaus.testing.AdminBrowserSession(server);
        assertEquals(303, admin.signIn("admin@formhaus.local", TestServer.ADMIN_PASSWORD).statusCode());
        HttpResponse<String> page = admin.get("/admin/submissions/" + lastSource);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"edit-links\"") && page.body().contains("suchprofil-aendern"),
                page.body());
        assertFalse(page.body().contains(token), "the page never shows a token");
        HttpResponse<String> revoked = admin.postForm("/admin/submissions/" + lastSource + "/revoke-links",
                Map.of("csrf", List.of(admin.csrf())));
        assertEquals(303, revoked.statusCode(), revoked.body());
        String after = admin.get(revoked.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(after.contains("id=\"links-revoked\"") && !after.contains("id=\"revoke-links\""), after);
        assertEquals(410, server.get("/f/suchprofil-aendern?fh_edit=" + token).statusCode());
    }

    private JsonObject addressOf(String email) throws Exception {
        for (JsonElement a : server.simulator().records("address")) {
            if (a.toString().contains(email)) {
                return a.getAsJsonObject();
            }
        }
        throw new AssertionError("no address of " + email);
    }

    /** A delivered submission of {@code form}; the edit link's token from the SENT confirmation. */
    private String linkFrom(String form, String email, Map<String, List<String>> fields) throws Exception {
        Map<String, List<String>> all = new java.util.HashMap<>(fields);
        all.put("email", List.of(email));
        awaitDelivered(submit(form, all, 202));
        List<JsonObject> mails = server.simulator().mailsTo(email);
        assertEquals(1, mails.size(), mails.toString());
        Matcher m = ANY_LINK.matcher(mails.get(0).toString());
        assertTrue(m.find(), mails.get(0).toString());
        return m.group(1);
    }

    private String submit(String form, Map<String, List<String>> fields, int status) throws Exception {
        HttpResponse<String> reply = server.submitJson(form, fields);
        assertEquals(status, reply.statusCode(), reply.body());
        return status == 202 ? JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString() : null;
    }

    /** A search profile delivered with its confirmation; the edit link's token from the SENT mail. */
    private String profileWithLink(String email) throws Exception {
        HttpResponse<String> reply = server.submitJson("suchprofil", Map.of("vorname", List.of("Anna"),
                "email", List.of(email), "preis_from", List.of("300000"), "preis_to", List.of("500000"),
                "ort", List.of("Aachen")));
        assertEquals(202, reply.statusCode(), reply.body());
        lastSource = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
        awaitDelivered(lastSource);
        List<JsonObject> mails = server.simulator().mailsTo(email);
        assertEquals(1, mails.size(), mails.toString());
        Matcher m = LINK.matcher(mails.get(0).toString());
        assertTrue(m.find(), mails.get(0).toString());
        return m.group(1);
    }

    private String onlyCriterionOf(String email) throws Exception {
        String address = null;
        for (JsonElement a : server.simulator().records("address")) {
            if (a.toString().contains(email)) {
                address = a.getAsJsonObject().get("id").getAsString();
            }
        }
        String found = null;
        JsonArray all = server.simulator().records("searchcriteria");
        for (JsonElement c : all) {
            JsonObject o = c.getAsJsonObject();
            if (address != null && address.equals(o.get("adresse").getAsString())) {
                assertEquals(null, found, "one criterion per address");
                found = o.get("id").getAsString();
            }
        }
        assertTrue(found != null, all.toString());
        return found;
    }

    private String submitEdit(String token, String from, String ort, int status) throws Exception {
        HttpResponse<String> reply = server.submitJson("suchprofil-aendern", Map.of("_fh_edit", List.of(token),
                "preis_from", List.of(from), "preis_to", List.of(""), "ort", List.of(ort)));
        assertEquals(status, reply.statusCode(), reply.body());
        return status == 202 ? JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString() : null;
    }

    private void awaitDelivered(String id) throws Exception {
        Await.until("delivery of " + id, Duration.ofSeconds(20), () -> {
            JsonObject s = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
            assertFalse(s.get("status").getAsString().equals("failed"), s.toString());
            return s.get("status").getAsString().equals("delivered") ? s : null;
        });
    }

    private void sql(String statement, Object... args) throws Exception {
        try (Database db = server.database().open(); Connection c = db.connection();
             PreparedStatement p = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            assertEquals(1, p.executeUpdate());
        }
    }
}
