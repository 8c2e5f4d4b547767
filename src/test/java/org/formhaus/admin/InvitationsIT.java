package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.AdminBrowserSession;
import org.formhaus.testing.TeamMembers;
import org.formhaus.testing.TeamMembers.Member;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invitations and members over real HTTP on MariaDB (issue 13): a link works once and only until it expires, a new
 * user sets name and password under the password rules, an existing user joins with one click, roles change and
 * members leave, and the last owner stays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationsIT {

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("provisioning.api.key", "instance-key-for-invitations")
            .perTestClass();

    TeamMembers team;
    Member owner;

    @BeforeAll
    void owner() throws Exception {
        team = new TeamMembers(server);
        owner = team.firstAdmin();
    }

    @Test
    void aLinkIsUsedOnceThenRefused() throws Exception {
        String link = team.invite(owner.token(), "editor");
        Member anna = team.join(link, "anna@agentur.example");
        assertEquals("editor", role(anna));

        AdminBrowserSession second = new AdminBrowserSession(server);
        HttpResponse<String> again = second.get(URI.create(link).getPath());
        assertEquals(404, again.statusCode());
        assertTrue(again.body().contains("already used or has expired"), again.body());
        assertEquals(1, members("anna@agentur.example"));
    }

    @Test
    void anExpiredLinkIsRefusedAndMakesNoUser() throws Exception {
        String link = team.invite(owner.token(), "viewer");
        AdminBrowserSession browser = new AdminBrowserSession(server);
        String path = URI.create(link).getPath();
        String csrf = AdminBrowserSession.csrfIn(browser.get(path).body());
        try (Connection c = server.app().database().connection();
             PreparedStatement expire = c.prepareStatement("UPDATE invitation SET expires_ms = ?")) {
            expire.setLong(1, System.currentTimeMillis() - 1);
            expire.executeUpdate();
        }
        HttpResponse<String> joined = browser.postForm(path, Map.of("name", List.of("Spät"),
                "email", List.of("spaet@agentur.example"), "password", List.of(TeamMembers.PASSWORD),
                "csrf", List.of(csrf)));
        assertEquals(404, joined.statusCode());
        assertEquals(0, members("spaet@agentur.example"));
        assertEquals(404, browser.get(path).statusCode());
    }

    @Test
    void aWeakPasswordIsRefusedNamingTheRuleAndTheLinkStaysUsable() throws Exception {
        String link = team.invite(owner.token(), "viewer");
        AdminBrowserSession browser = new AdminBrowserSession(server);
        String path = URI.create(link).getPath();
        String csrf = AdminBrowserSession.csrfIn(browser.get(path + "?lang=de").body());
        HttpResponse<String> weak = browser.postForm(path, Map.of("name", List.of("Kurt"),
                "email", List.of("kurt@agentur.example"), "password", List.of("kurz"), "csrf", List.of(csrf)));
        assertEquals(400, weak.statusCode());
        assertTrue(weak.body().contains("mindestens 12 Zeichen"), weak.body());
        Member kurt = team.join(link, "kurt@agentur.example");
        assertEquals("viewer", role(kurt));
    }

    @Test
    void anExistingUserJoinsWithOneClickAndSwitchesThere() throws Exception {
        Member consultant = team.provisioned("instance-key-for-invitations", "berater@consult.example");
        String link = team.invite(owner.token(), "editor");
        AdminBrowserSession browser = consultant.browser();
        String path = URI.create(link).getPath();
        HttpResponse<String> page = browser.get(path);
        assertTrue(page.body().contains("berater@consult.example"), page.body());
        HttpResponse<String> joined = browser.postForm(path, Map.of("csrf", List.of(browser.csrf())));
        assertEquals(303, joined.statusCode(), joined.body());
        browser.refreshCsrf();
        JsonObject accounts = JsonParser.parseString(browser.api("GET", "/admin/api/accounts", null).body())
                .getAsJsonObject();
        assertEquals(2, accounts.getAsJsonArray("accounts").size(), accounts.toString());
        assertEquals(1, accounts.get("current").getAsLong(), "the session works in the account joined");
        // The consultant's own token stays in their own account.
        JsonObject viaToken = JsonParser.parseString(team.bearer(consultant.token(), "GET", "/admin/api/accounts",
                null).body()).getAsJsonObject();
        assertTrue(viaToken.get("current").getAsLong() != 1, viaToken.toString());
    }

    @Test
    void theOwnerChangesRolesRemovesMembersButNeverTheLastOwner() throws Exception {
        Member eva = team.member(owner.token(), "viewer", "eva@agentur.example");
        HttpResponse<String> promoted = team.bearer(owner.token(), "PUT", "/admin/api/team/members/" + eva.id(),
                "{\"role\": \"editor\"}");
        assertEquals(200, promoted.statusCode(), promoted.body());
        assertEquals("editor", role(eva));
        HttpResponse<String> badRole = team.bearer(owner.token(), "PUT", "/admin/api/team/members/" + eva.id(),
                "{\"role\": \"admin\"}");
        assertEquals(400, badRole.statusCode());
        assertTrue(badRole.body().contains("role"), badRole.body());

        HttpResponse<String> lastOwner = team.bearer(owner.token(), "PUT", "/admin/api/team/members/" + owner.id(),
                "{\"role\": \"viewer\"}");
        assertEquals(409, lastOwner.statusCode(), lastOwner.body());
        assertEquals(409, team.bearer(owner.token(), "DELETE", "/admin/api/team/members/" + owner.id(), null)
                .statusCode());

        assertEquals(204, team.bearer(owner.token(), "DELETE", "/admin/api/team/members/" + eva.id(), null)
                .statusCode());
        // Gone at once: her token and her session.
        assertEquals(401, team.bearer(eva.token(), "GET", "/admin/api/forms", null).statusCode());
        assertEquals(303, eva.browser().get("/admin").statusCode());
        String events = server.admin("GET", "/admin/api/team/members", null).body();
        assertTrue(!events.contains("eva@agentur.example"), events);
    }

    private String role(Member member) throws Exception {
        return JsonParser.parseString(team.bearer(member.token(), "GET", "/admin/api/accounts", null).body())
                .getAsJsonObject().get("role").getAsString();
    }

    private int members(String email) throws Exception {
        JsonArray list = JsonParser.parseString(server.admin("GET", "/admin/api/team/members", null).body())
                .getAsJsonArray();
        int n = 0;
        for (var m : list) {
            n += m.getAsJsonObject().get("email").getAsString().equals(email) ? 1 : 0;
        }
        return n;
    }
}
