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

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    @BeforeAll
    void forms() throws Exception {
        server.adminJson("PUT", "/admin/api/forms/suchprofil-aendern", EDIT_FORM);
        server.adminJson("PUT", "/admin/api/forms/suchprofil", SOURCE_FORM);
    }

    @Test
    void aLinkFromTheConfirmationLoadsTheSearchCriterionAndItsSubmissionModifiesItWithoutCreatingOne()
            throws Exception {
        String token = profileWithLink("anna@example.org");
        long criteria = server.simulator().records("searchcriteria").size();
        String id = onlyCriterionOf("anna@example.org");

        HttpResponse<String> page = server.get("/f/suchprofil-aendern?fh_edit=" + token);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("value=\"300000\""), "the loaded price: " + page.body());
        assertTrue(page.body().contains("value=\"Aachen\""), page.body());
        assertFalse(page.body().contains("value=\"" + id + "\""), "no onOffice id in the page");
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));

        String submission = submitEdit(token, "350000", "Köln", 202);
        awaitDelivered(submission);
        JsonObject criterion = server.simulator().record("searchcriteria", id);
        assertEquals("350000", criterion.get("kaufpreis__von").getAsString(), criterion.toString());
        assertEquals("Köln", criterion.get("range_ort").getAsString(), criterion.toString());
        assertEquals(criteria, server.simulator().records("searchcriteria").size(), "no new search criterion");
        assertEquals(1, server.simulator().actionCount("modify", "searchcriteria"));
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

    /** A search profile delivered with its confirmation; the edit link's token from the SENT mail. */
    private String profileWithLink(String email) throws Exception {
        HttpResponse<String> reply = server.submitJson("suchprofil", Map.of("vorname", List.of("Anna"),
                "email", List.of(email), "preis_from", List.of("300000"), "preis_to", List.of("500000"),
                "ort", List.of("Aachen")));
        assertEquals(202, reply.statusCode(), reply.body());
        awaitDelivered(JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString());
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
