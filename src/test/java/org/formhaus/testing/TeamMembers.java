package org.formhaus.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Makes the people of a team test over HTTP, as they would come: invited by an owner's link and joining through the
 * join page, or provisioned into an account of their own. Each {@link Member} has a signed-in browser session and an
 * API token of their own. Not thread-safe.
 */
public final class TeamMembers {

    /** Someone who can sign in: their user id, email, password, an API token and a signed-in browser session. */
    public record Member(long id, String email, String password, String token, AdminBrowserSession browser) {
    }

    public static final String PASSWORD = "a long team password";

    private final TestServer server;

    public TeamMembers(TestServer server) {
        this.server = server;
    }

    /** The first admin (owner of the first account), with the test token and a fresh session. */
    public Member firstAdmin() throws Exception {
        AdminBrowserSession browser = new AdminBrowserSession(server);
        assertEquals(303, browser.signIn("admin@formhaus.local", TestServer.ADMIN_PASSWORD).statusCode());
        long id = JsonParser.parseString(server.admin("GET", "/admin/api/accounts", null).body()).getAsJsonObject()
                .get("userId").getAsLong();
        return new Member(id, "admin@formhaus.local", TestServer.ADMIN_PASSWORD, TestServer.ADMIN_TOKEN, browser);
    }

    /** An invitation link into the account of {@code ownerToken}, for {@code role}. */
    public String invite(String ownerToken, String role) throws Exception {
        HttpResponse<String> created = bearer(ownerToken, "POST", "/admin/api/team/invitations",
                "{\"role\": \"" + role + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        return JsonParser.parseString(created.body()).getAsJsonObject().get("link").getAsString();
    }

    /** A new user who joins through {@code link} on the join page, then makes an API token. */
    public Member join(String link, String email) throws Exception {
        AdminBrowserSession browser = new AdminBrowserSession(server);
        String path = URI.create(link).getPath();
        HttpResponse<String> page = browser.get(path);
        assertEquals(200, page.statusCode(), page.body());
        HttpResponse<String> joined = browser.postForm(path, Map.of("name", List.of("Team Member"),
                "email", List.of(email), "password", List.of(PASSWORD),
                "csrf", List.of(AdminBrowserSession.csrfIn(page.body()))));
        assertEquals(303, joined.statusCode(), joined.body());
        browser.refreshCsrf();
        return withToken(email, PASSWORD, browser);
    }

    /** Invites and joins in one: a new member of the owner's account in {@code role}. */
    public Member member(String ownerToken, String role, String email) throws Exception {
        return join(invite(ownerToken, role), email);
    }

    /** A user provisioned with the instance's provisioning key {@code key}: owner of an account of their own. */
    public Member provisioned(String key, String email) throws Exception {
        HttpResponse<String> created = server.send(HttpRequest.newBuilder(server.uri("/api/users"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"method\": \"createUser\", \"params\": {\"email\": \""
                        + email + "\", \"instance\": \"Agentur " + email + "\", \"password\": \"" + PASSWORD + "\"}}"))
                .header("x-api-key", key).header("Content-Type", "application/json"));
        assertEquals(200, created.statusCode(), created.body());
        AdminBrowserSession browser = new AdminBrowserSession(server);
        assertEquals(303, browser.signIn(email, PASSWORD).statusCode());
        return withToken(email, PASSWORD, browser);
    }

    private Member withToken(String email, String password, AdminBrowserSession browser) throws Exception {
        HttpResponse<String> token = browser.api("POST", "/admin/api/tokens", "{\"label\": \"tests\"}");
        assertEquals(201, token.statusCode(), token.body());
        JsonObject json = JsonParser.parseString(token.body()).getAsJsonObject();
        HttpResponse<String> accounts = bearer(json.get("token").getAsString(), "GET", "/admin/api/accounts", null);
        assertEquals(200, accounts.statusCode(), accounts.body());
        long id = JsonParser.parseString(accounts.body()).getAsJsonObject().get("userId").getAsLong();
        return new Member(id, email, password, json.get("token").getAsString(), browser);
    }

    /** An admin API call with {@code token}; {@code body} may be null. */
    public HttpResponse<String> bearer(String token, String method, String path, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path)).method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json"));
    }
}
