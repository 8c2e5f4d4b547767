package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.AdminBrowserSession;
import org.formhaus.testing.TeamMembers;
import org.formhaus.testing.TeamMembers.Member;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A consultant over real HTTP on MariaDB (issue 13): they belong to their own account and, invited, to an agency's;
 * switch between the two in the UI (each switch in both accounts' security log); and copy forms from their own
 * account to the agency's, where each copy is checked against the agency's onOffice fields (the sandbox simulator):
 * the form that maps a field the agency's onOffice lacks is not copied and the answer names the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultantIT {

    static final String KEY = "instance-key-for-consultants";
    static final String FITS = """
            {"key": "berater-kontakt", "kind": "contact", "title": "Kontakt", "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"}]}""";
    static final String MISSING_FIELD = """
            {"key": "berater-hobby", "kind": "contact", "title": "Hobby", "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "hobby", "type": "text", "label": "Hobby", "maps": "address.Lieblingshobby"}]}""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("provisioning.api.key", KEY).perTestClass();

    @Test
    void aConsultantSwitchesAccountsAndCopiesFormsThatFitTheTargetsOnOfficeFields() throws Exception {
        TeamMembers team = new TeamMembers(server);
        Member agency = team.firstAdmin();
        Member consultant = team.provisioned(KEY, "berater@consult.example");
        long own = account(team, consultant.token()).get("current").getAsLong();
        // The consultant's own account has no onOffice yet: both forms save there.
        assertEquals(201, team.bearer(consultant.token(), "POST", "/admin/api/forms", FITS).statusCode());
        assertEquals(201, team.bearer(consultant.token(), "POST", "/admin/api/forms", MISSING_FIELD).statusCode());

        // Invited by the agency, joined signed in: the session now works in the agency's account (1).
        AdminBrowserSession browser = consultant.browser();
        String link = team.invite(agency.token(), "editor");
        String joinPath = URI.create(link).getPath();
        browser.get(joinPath);
        assertEquals(303, browser.postForm(joinPath, Map.of("csrf", List.of(browser.csrf()))).statusCode());
        browser.refreshCsrf();
        HttpResponse<String> accounts = browser.get("/admin/accounts");
        assertTrue(accounts.body().contains("aria-current=\"true\"") && accounts.body().contains("id=\"account-1\""),
                accounts.body());

        // Switch back to the own account.
        HttpResponse<String> switched = browser.postForm("/admin/accounts/" + own + "/switch",
                Map.of("csrf", List.of(browser.csrf())));
        assertEquals(303, switched.statusCode(), switched.body());
        browser.refreshCsrf();
        JsonObject who = JsonParser.parseString(browser.api("GET", "/admin/api/accounts", null).body())
                .getAsJsonObject();
        assertEquals(own, who.get("current").getAsLong());
        assertEquals("owner", who.get("role").getAsString());
        assertTrue(browser.get("/admin").body().contains("berater-hobby"), "the own account's forms show");
        // A stale page of the other account cannot change anything: the switch renewed the CSRF token.
        assertEquals(403, browser.api("POST", "/admin/api/forms", FITS, "stale-token").statusCode());
        // Switching to an account one does not belong to: 404, nothing changes.
        assertEquals(404, browser.postForm("/admin/accounts/999/switch", Map.of("csrf", List.of(browser.csrf())))
                .statusCode());

        // Both accounts' security logs show the switches.
        assertTrue(agency.browser().get("/admin/security").body().contains("event-account-switched"));
        assertTrue(browser.get("/admin/security").body().contains("event-account-switched"));

        // Check first: nothing is copied.
        JsonObject dry = copy(browser, "{\"toAccount\": 1, \"forms\": [\"berater-kontakt\", \"berater-hobby\"], "
                + "\"dryRun\": true}");
        assertFalse(server.admin("GET", "/admin/api/forms", null).body().contains("berater-kontakt-2"));
        assertEquals(2, dry.getAsJsonArray("forms").size());

        JsonArray outcome = copy(browser, "{\"toAccount\": 1, \"forms\": [\"berater-kontakt\", \"berater-hobby\"]}")
                .getAsJsonArray("forms");
        JsonObject fits = outcome.get(0).getAsJsonObject();
        JsonObject refused = outcome.get(1).getAsJsonObject();
        assertTrue(fits.get("copied").getAsBoolean(), fits.toString());
        assertEquals("berater-kontakt-2", fits.get("newKey").getAsString());
        assertFalse(refused.get("copied").getAsBoolean(), refused.toString());
        assertTrue(refused.get("problems").toString().contains("Lieblingshobby"), refused.toString());
        String agencyForms = server.admin("GET", "/admin/api/forms", null).body();
        assertTrue(agencyForms.contains("berater-kontakt-2") && !agencyForms.contains("berater-hobby"), agencyForms);
        assertTrue(agency.browser().get("/admin/security").body().contains("event-forms-copied"));

        // The same through the page's form, with its report.
        HttpResponse<String> page = browser.postForm("/admin/accounts/copy", Map.of("csrf", List.of(browser.csrf()),
                "forms", List.of("berater-hobby"), "toAccount", List.of("1")));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"copy-report\"") && page.body().contains("Lieblingshobby"), page.body());

        // Not a member there: 404; a form of another account: 404.
        assertEquals(404, browser.api("POST", "/admin/api/copies", "{\"toAccount\": 999, \"forms\": [\"berater-kontakt\"]}")
                .statusCode());
        assertEquals(404, browser.api("POST", "/admin/api/copies", "{\"toAccount\": 1, \"forms\": [\"kontakt\"]}")
                .statusCode());
        // The consultant's API token keeps acting in the account it was made in.
        assertEquals(own, account(team, consultant.token()).get("current").getAsLong());
    }

    @Test
    void aViewerOfTheTargetMayNotCopyThere() throws Exception {
        TeamMembers team = new TeamMembers(server);
        Member agency = team.firstAdmin();
        Member consultant = team.provisioned(KEY, "zweite@consult.example");
        assertEquals(201, team.bearer(consultant.token(), "POST", "/admin/api/forms",
                FITS.replace("berater-kontakt", "zweite-kontakt")).statusCode());
        AdminBrowserSession browser = consultant.browser();
        String joinPath = URI.create(team.invite(agency.token(), "viewer")).getPath();
        browser.get(joinPath);
        browser.postForm(joinPath, Map.of("csrf", List.of(browser.csrf())));
        HttpResponse<String> refused = team.bearer(consultant.token(), "POST", "/admin/api/copies",
                "{\"toAccount\": 1, \"forms\": [\"zweite-kontakt\"]}");
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("viewer"), refused.body());
    }

    @Test
    void aConsultantCopiesAGroupAndTheCopiesLandInAGroupOfTheSameName() throws Exception {
        TeamMembers team = new TeamMembers(server);
        Member agency = team.firstAdmin();
        Member consultant = team.provisioned(KEY, "gruppe@consult.example");
        String token = consultant.token();
        assertEquals(201, team.bearer(token, "POST", "/admin/api/forms", FITS.replace("berater-kontakt",
                "gruppe-kontakt")).statusCode());
        assertEquals(201, team.bearer(token, "POST", "/admin/api/forms", MISSING_FIELD.replace("berater-hobby",
                "gruppe-hobby")).statusCode());
        HttpResponse<String> created = team.bearer(token, "POST", "/admin/api/form-groups", "{\"name\": \"Vorlagen\"}");
        assertEquals(201, created.statusCode(), created.body());
        long group = JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsLong();
        assertEquals(200, team.bearer(token, "PUT", "/admin/api/form-groups/" + group + "/forms/gruppe-kontakt", null)
                .statusCode());
        assertEquals(200, team.bearer(token, "PUT", "/admin/api/form-groups/" + group + "/forms/gruppe-hobby", null)
                .statusCode());
        // An archived form of the group stays behind.
        assertEquals(201, team.bearer(token, "POST", "/admin/api/forms", FITS.replace("berater-kontakt",
                "gruppe-alt")).statusCode());
        assertEquals(200, team.bearer(token, "PUT", "/admin/api/form-groups/" + group + "/forms/gruppe-alt", null)
                .statusCode());
        assertEquals(204, team.bearer(token, "POST", "/admin/api/forms/gruppe-alt/archive", "{}").statusCode());
        AdminBrowserSession browser = consultant.browser();
        String joinPath = URI.create(team.invite(agency.token(), "editor")).getPath();
        browser.get(joinPath);
        assertEquals(303, browser.postForm(joinPath, Map.of("csrf", List.of(browser.csrf()))).statusCode());

        // Another account's group (the agency's own) is not found from the consultant's account.
        long agencyGroup = server.adminJson("POST", "/admin/api/form-groups", "{\"name\": \"Agentur\"}")
                .getAsJsonObject().get("id").getAsLong();
        assertEquals(404, team.bearer(token, "POST", "/admin/api/copies", "{\"toAccount\": 1, \"group\": "
                + agencyGroup + "}").statusCode());

        HttpResponse<String> copied = team.bearer(token, "POST", "/admin/api/copies",
                "{\"toAccount\": 1, \"group\": " + group + "}");
        assertEquals(200, copied.statusCode(), copied.body());
        JsonArray outcome = JsonParser.parseString(copied.body()).getAsJsonObject().getAsJsonArray("forms");
        assertEquals(2, outcome.size(), outcome.toString());
        // Each form is checked as any copy: the one mapping a field the agency lacks is refused.
        assertTrue(outcome.toString().contains("Lieblingshobby"), outcome.toString());
        JsonArray agencyGroups = server.adminJson("GET", "/admin/api/form-groups", null).getAsJsonArray();
        JsonObject vorlagen = agencyGroups.asList().stream().map(g -> g.getAsJsonObject())
                .filter(g -> g.get("name").getAsString().equals("Vorlagen")).findFirst().orElseThrow();
        assertEquals("[\"gruppe-kontakt-2\"]", vorlagen.get("forms").toString());

        // The Accounts page (back in the own account) offers the group in its copy form; a check through it lists
        // both forms.
        long own = account(team, token).get("current").getAsLong();
        browser.refreshCsrf(); // joining renewed the session
        assertEquals(303, browser.postForm("/admin/accounts/" + own + "/switch", Map.of("csrf",
                List.of(browser.csrf()))).statusCode());
        browser.refreshCsrf();
        assertTrue(browser.get("/admin/accounts").body().contains("id=\"copy-group\""));
        HttpResponse<String> page = browser.postForm("/admin/accounts/copy", Map.of("csrf", List.of(browser.csrf()),
                "group", List.of(Long.toString(group)), "toAccount", List.of("1"), "check", List.of("1")));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("gruppe-kontakt") && page.body().contains("Lieblingshobby"), page.body());
    }

    private static JsonObject account(TeamMembers team, String token) throws Exception {
        return JsonParser.parseString(team.bearer(token, "GET", "/admin/api/accounts", null).body()).getAsJsonObject();
    }

    private static JsonObject copy(AdminBrowserSession browser, String body) throws Exception {
        HttpResponse<String> reply = browser.api("POST", "/admin/api/copies", body);
        assertEquals(200, reply.statusCode(), reply.body());
        return JsonParser.parseString(reply.body()).getAsJsonObject();
    }
}
