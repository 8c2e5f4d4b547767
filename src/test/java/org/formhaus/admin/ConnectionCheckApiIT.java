package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.onoffice.ApiRight;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connection check as an admin calls it, against the sandbox simulator's API user. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionCheckApiIT {

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    @BeforeAll
    void start() throws Exception {
        server.adminJson("PUT", "/admin/api/forms/kontakt", """
                {"kind": "contact", "fields": [
                  {"name": "email", "type": "email", "required": true, "maps": "address.Email"},
                  {"name": "agent", "type": "userselect"}]}""");
    }

    @BeforeEach
    void fullRights() throws Exception {
        server.simulator().reset();
        server.adminJson("PUT", "/admin/api/settings/onoffice", "{\"secret\": \"" + TestServer.SIM_SECRET + "\"}");
    }

    JsonObject check() throws Exception {
        return server.adminJson("POST", "/admin/api/connection/check", "{}").getAsJsonObject();
    }

    static List<String> missing(JsonObject report) {
        List<String> names = new ArrayList<>();
        for (JsonElement r : report.getAsJsonArray("rights")) {
            if (r.getAsJsonObject().get("status").getAsString().equals("MISSING")) {
                names.add(r.getAsJsonObject().get("right").getAsString());
            }
        }
        return names;
    }

    @Test
    void aFullRightsApiUserPasses() throws Exception {
        JsonObject report = check();
        assertTrue(report.get("ok").getAsBoolean(), report.toString());
        assertEquals(List.of(), missing(report));
    }

    @Test
    void aMissingRightIsNamedAsOnOfficesRightsTabNamesIt() throws Exception {
        server.simulator().right(ApiRight.READ_USER_DATA, false);
        JsonObject report = check();
        assertFalse(report.get("ok").getAsBoolean());
        assertEquals(List.of("Read user data via API"), missing(report));
    }

    @Test
    void theExternalPropertyNumberRightIsNeededOnlyOnceAnOwnerFormExists() throws Exception {
        server.simulator().right(ApiRight.EDIT_EXTERNAL_PROPERTY_NUMBER, false);
        assertEquals("NOT_NEEDED", status(check(), "Allows external property numbers to be edited"), "a contact form needs no estate");
        server.adminJson("PUT", "/admin/api/forms/verkauf", """
                {"kind": "owner", "fields": [
                  {"name": "email", "type": "email", "required": true, "maps": "address.Email"},
                  {"name": "ort", "type": "text", "maps": "estate.ort"}]}""");
        try {
            assertEquals(List.of("Allows external property numbers to be edited"), missing(check()));
        } finally {
            server.admin("DELETE", "/admin/api/forms/verkauf", null);
        }
    }

    @Test
    void aFormMappingTopListingIsToldItNeedsTheMissingRightInTheCheckAndWhenSaved() throws Exception {
        server.simulator().right(ApiRight.MARKETING_TOP_LISTING, false);
        assertEquals("NOT_NEEDED", status(check(), "Marketing (Top Listing)"), "no form features estates yet");
        String featured = """
                {"kind": "owner", "fields": [
                  {"name": "email", "type": "email", "required": true, "maps": "address.Email"},
                  {"name": "top", "type": "hidden", "default": "1", "maps": "estate.top_angebot"}]}""";
        try {
            // The check that ran before the form existed found the right missing: saving the form says so at once.
            JsonObject saved = server.adminJson("PUT", "/admin/api/forms/topobjekt", featured).getAsJsonObject();
            assertEquals("[\"Form 'topobjekt' needs \\\"Marketing (Top Listing)\\\", which is missing.\"]",
                    String.valueOf(saved.get("warnings")), saved.toString());
            JsonObject report = check();
            assertEquals("MISSING", status(report, "Marketing (Top Listing)"));
            JsonObject form = null;
            for (JsonElement f : report.getAsJsonArray("forms")) {
                if (f.getAsJsonObject().get("form").getAsString().equals("topobjekt")) form = f.getAsJsonObject();
            }
            assertTrue(form != null, report.toString());
            assertEquals("[\"Marketing (Top Listing)\"]", form.get("missing").toString());
            assertTrue(form.get("needs").toString().contains("Write properties"), form.toString());
            server.simulator().right(ApiRight.MARKETING_TOP_LISTING, true);
            check();
            assertFalse(server.adminJson("PUT", "/admin/api/forms/topobjekt", featured).getAsJsonObject()
                    .has("warnings"), "no warning once the right is there");
        } finally {
            server.admin("DELETE", "/admin/api/forms/topobjekt", null);
        }
    }

    static String status(JsonObject report, String right) {
        for (JsonElement r : report.getAsJsonArray("rights")) {
            if (r.getAsJsonObject().get("right").getAsString().equals(right)) {
                return r.getAsJsonObject().get("status").getAsString();
            }
        }
        throw new AssertionError(right + " not in " + report);
    }

    @Test
    void aWrongSecretGetsItsOwnMessageAndTheSecretIsNeverShown() throws Exception {
        server.adminJson("PUT", "/admin/api/settings/onoffice", "{\"secret\": \"wrong-secret-value\"}");
        JsonObject report = check();
        JsonObject credentials = report.getAsJsonObject("credentials");
        assertFalse(credentials.get("ok").getAsBoolean());
        assertTrue(credentials.get("message").getAsString().toLowerCase().contains("secret"), credentials.toString());
        assertFalse(report.toString().contains("wrong-secret-value"));
    }

    @Test
    void aTestEmailGoesFromAConfiguredMailboxToItself() throws Exception {
        String mailbox = server.adminJson("GET", "/admin/api/settings/onoffice", null).getAsJsonObject()
                .getAsJsonArray("senders").get(0).getAsString();
        HttpResponse<String> sent = server.admin("POST", "/admin/api/connection/test-email",
                "{\"mailbox\": \"" + mailbox + "\"}");
        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(server.simulator().mails().toString().contains(mailbox));
        HttpResponse<String> unknown = server.admin("POST", "/admin/api/connection/test-email",
                "{\"mailbox\": \"someone@else.example\"}");
        assertEquals(400, unknown.statusCode());
        assertTrue(JsonParser.parseString(unknown.body()).getAsJsonObject().get("error").getAsString().startsWith("mailbox"));
    }
}
