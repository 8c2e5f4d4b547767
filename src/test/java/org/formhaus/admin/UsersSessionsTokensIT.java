package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.formhaus.audit.SecurityLog;
import org.formhaus.testing.AdminBrowserSession;
import org.formhaus.testing.LegacyPasswordHash;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Users, sessions and tokens over real HTTP on MariaDB, with the default sign-in limits (issue 15): tokens belong to
 * a user and stop with them, password changes end other sessions, the throttle holds under parallel attempts,
 * Argon2id replaces older hashes, weak passwords are refused, and the security event log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersSessionsTokensIT {

    static final String KEY = "provisioning-key-for-tests";
    static final String FORM = """
            {"key": "%s", "kind": "contact", "title": "Kontakt", "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"}]}""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("provisioning.api.key", KEY).perTestClass();
    /** Held here: the logging framework keeps loggers only weakly, and would forget the capturing handler. */
    final Logger securityLogger = Logger.getLogger(SecurityLog.LOGGER);
    final List<String> serverLog = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (serverLog) {
                serverLog.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    void capture() {
        securityLogger.addHandler(capture);
    }

    @AfterAll
    void release() {
        securityLogger.removeHandler(capture);
    }

    // Issue 15: a deactivated user's Bearer tokens kept working and could even mint new ones.
    @Test
    void aDeactivatedUsersSessionAndTokensAreRefusedAtOnceAndMintNothing() throws Exception {
        provision("leaver@agentur.example", "leaver-password-1");
        AdminBrowserSession browser = signedIn("leaver@agentur.example", "leaver-password-1");
        String token = createToken(browser, "deploy script");
        assertEquals(200, bearer("GET", "/admin/api/forms", token, null).statusCode());

        assertEquals(200, provisioning("updateUserByEmail",
                "{\"email\": \"leaver@agentur.example\", \"isActive\": false}").statusCode());

        assertEquals(401, bearer("GET", "/admin/api/forms", token, null).statusCode(), "the token stops at once");
        assertEquals(401, bearer("POST", "/admin/api/tokens", token, "{\"label\": \"new\"}").statusCode(),
                "and cannot mint a new one");
        assertEquals(401, browser.api("GET", "/admin/api/forms", null).statusCode(), "the session stops at once");
        assertEquals(303, browser.get("/admin").statusCode());

        assertEquals(200, provisioning("updateUserByEmail",
                "{\"email\": \"leaver@agentur.example\", \"isActive\": true}").statusCode());
        assertEquals(200, bearer("GET", "/admin/api/forms", token, null).statusCode(), "back with its user");
        assertEquals(401, browser.api("GET", "/admin/api/forms", null).statusCode(), "an ended session stays ended");
    }

    @Test
    void tokensBelongToTheUserWhoMadeThemAndActAsThatUser() throws Exception {
        provision("maker@agentur.example", "maker-password-1");
        AdminBrowserSession browser = signedIn("maker@agentur.example", "maker-password-1");
        String token = createToken(browser, "mine");
        String listed = bearer("GET", "/admin/api/tokens", token, null).body();
        assertTrue(listed.contains("\"user\":\"maker@agentur.example\""), listed);
        String minted = JsonParser.parseString(bearer("POST", "/admin/api/tokens", token, "{\"label\": \"child\"}")
                .body()).getAsJsonObject().get("user").getAsString();
        assertEquals("maker@agentur.example", minted, "a token made with a token belongs to the same user");
        assertTrue(browser.get("/admin/tokens").body().contains("maker@agentur.example"));
    }

    @Test
    void changingThePasswordEndsTheUsersOtherSessionsButNotThisOne() throws Exception {
        provision("changer@agentur.example", "changer-password-1");
        AdminBrowserSession here = signedIn("changer@agentur.example", "changer-password-1");
        AdminBrowserSession elsewhere = signedIn("changer@agentur.example", "changer-password-1");
        String before = here.cookies().get(0).getValue();

        HttpResponse<String> changed = here.postForm("/admin/password", Map.of("csrf", List.of(here.csrf()),
                "currentPassword", List.of("changer-password-1"), "newPassword", List.of("changer-password-2")));
        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(changed.body().contains("id=\"password-changed\""), changed.body());

        assertEquals(200, here.get("/admin").statusCode(), "this session goes on");
        assertFalse(before.equals(here.cookies().get(0).getValue()), "with a new session id");
        assertEquals(401, elsewhere.api("GET", "/admin/api/forms", null).statusCode(), "the other one ended");
        assertEquals(401, new AdminBrowserSession(server).signIn("changer@agentur.example", "changer-password-1")
                .statusCode(), "the old password is gone");
        signedIn("changer@agentur.example", "changer-password-2");
    }

    @Test
    void changingThePasswordWithAnApiTokenEndsEverySessionOfTheUser() throws Exception {
        provision("scripted@agentur.example", "scripted-password-1");
        AdminBrowserSession browser = signedIn("scripted@agentur.example", "scripted-password-1");
        String token = createToken(browser, "script");
        HttpResponse<String> changed = bearer("PUT", "/admin/api/user/password", token,
                "{\"currentPassword\": \"scripted-password-1\", \"newPassword\": \"scripted-password-2\"}");
        assertEquals(204, changed.statusCode(), changed.body());
        assertEquals(401, browser.api("GET", "/admin/api/forms", null).statusCode());
        assertEquals(200, bearer("GET", "/admin/api/forms", token, null).statusCode(), "tokens stay: revoke them apart");
    }

    @Test
    void aPasswordResetByProvisioningEndsEverySessionOfTheUser() throws Exception {
        provision("forgetful@agentur.example", "forgetful-password-1");
        AdminBrowserSession browser = signedIn("forgetful@agentur.example", "forgetful-password-1");
        assertEquals(200, provisioning("resetPasswordByEmail",
                "{\"email\": \"forgetful@agentur.example\", \"password\": \"forgetful-password-2\"}").statusCode());
        assertEquals(401, browser.api("GET", "/admin/api/forms", null).statusCode());
        signedIn("forgetful@agentur.example", "forgetful-password-2");
    }

    // Issue 15: 14 parallel wrong passwords were all checked although the limit was 5. Default limits.
    @Test
    void fourteenParallelWrongPasswordsGetAtMostFiveChecksTheRestAreThrottled() throws Exception {
        provision("target@agentur.example", "target-password-1");
        List<AdminBrowserSession> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            AdminBrowserSession browser = new AdminBrowserSession(server);
            tokens.add(AdminBrowserSession.csrfIn(browser.get("/admin/login").body()));
            browsers.add(browser);
        }
        List<CompletableFuture<Integer>> replies = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            AdminBrowserSession browser = browsers.get(i);
            Map<String, List<String>> fields = Map.of("email", List.of("target@agentur.example"),
                    "password", List.of("wrong-guess-" + i), "csrf", List.of(tokens.get(i)));
            replies.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return browser.postForm("/admin/login", fields).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<Integer> statuses = replies.stream().map(CompletableFuture::join).toList();
        assertEquals(5, statuses.stream().filter(s -> s == 401).count(), "checked: " + statuses);
        assertEquals(9, statuses.stream().filter(s -> s == 429).count(), "throttled: " + statuses);
        assertEquals(429, new AdminBrowserSession(server).signIn("target@agentur.example", "target-password-1")
                .statusCode(), "even the right password waits now");
    }

    // Issue 15: hashes were PBKDF2 and stayed so.
    @Test
    void anOlderPbkdf2HashIsReplacedByArgon2idAtTheNextSignIn() throws Exception {
        provision("veteran@agentur.example", "veteran-password-1");
        String legacy = LegacyPasswordHash.of("veteran-password-1");
        sql("UPDATE admin_user SET password_hash = ? WHERE email = ?", legacy, "veteran@agentur.example");

        signedIn("veteran@agentur.example", "veteran-password-1");
        String upgraded = passwordHash("veteran@agentur.example");
        assertTrue(upgraded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), upgraded);
        signedIn("veteran@agentur.example", "veteran-password-1");
        assertEquals(upgraded, passwordHash("veteran@agentur.example"), "a current hash is left alone");
    }

    @Test
    void shortAndCommonPasswordsAreRefusedNamingTheFieldInProvisioning() throws Exception {
        HttpResponse<String> shortOne = provisioning("createUser",
                "{\"email\": \"weak@agentur.example\", \"password\": \"elevenchars\"}");
        assertEquals(400, shortOne.statusCode());
        assertTrue(shortOne.body().contains("params.password: must have at least 12 characters"), shortOne.body());
        HttpResponse<String> common = provisioning("createUser",
                "{\"email\": \"weak@agentur.example\", \"password\": \"password1234\"}");
        assertEquals(400, common.statusCode());
        assertTrue(common.body().contains("params.password: is one of the 10,000 most common passwords"),
                common.body());

        provision("weak@agentur.example", "a-decent-passphrase");
        HttpResponse<String> reset = provisioning("resetPasswordByEmail",
                "{\"email\": \"weak@agentur.example\", \"password\": \"qwertyuiop12\"}");
        assertEquals(400, reset.statusCode());
        assertTrue(reset.body().contains("params.password: is one of"), reset.body());
        signedIn("weak@agentur.example", "a-decent-passphrase");
    }

    @Test
    void shortAndCommonPasswordsAreRefusedNamingTheFieldInTheAdminUiAndApi() throws Exception {
        provision("careful@agentur.example", "careful-password-1");
        AdminBrowserSession browser = signedIn("careful@agentur.example", "careful-password-1");

        HttpResponse<String> api = browser.api("PUT", "/admin/api/user/password",
                "{\"currentPassword\": \"careful-password-1\", \"newPassword\": \"short\"}");
        assertEquals(400, api.statusCode());
        assertTrue(api.body().contains("newPassword: must have at least 12 characters"), api.body());
        HttpResponse<String> wrong = browser.api("PUT", "/admin/api/user/password",
                "{\"currentPassword\": \"not-my-password\", \"newPassword\": \"a fine new passphrase\"}");
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("currentPassword: is not your current password"), wrong.body());
        HttpResponse<String> unknown = browser.api("PUT", "/admin/api/user/password",
                "{\"currentPassword\": \"careful-password-1\", \"newPassword\": \"a fine new passphrase\", \"x\": 1}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("x: unknown key"), unknown.body());

        HttpResponse<String> german = browser.postForm("/admin/password?lang=de", Map.of("csrf",
                List.of(browser.csrf()), "currentPassword", List.of("careful-password-1"),
                "newPassword", List.of("iloveyou1234")));
        assertEquals(400, german.statusCode());
        assertTrue(german.body().matches("(?s).*aria-describedby=\"password-rules password-error\"\\s*"
                + "aria-invalid=\"true\">\\s*<span class=\"error-text\" id=\"password-error\" role=\"alert\">"
                + "Das ist eines der 10.000 häufigsten Passwörter.*"), german.body());
        HttpResponse<String> english = browser.postForm("/admin/password?lang=en", Map.of("csrf",
                List.of(browser.csrf()), "currentPassword", List.of("careful-password-1"),
                "newPassword", List.of("tiny")));
        assertTrue(english.body().contains("The new password needs at least 12 characters."), english.body());
        signedIn("careful@agentur.example", "careful-password-1");
    }

    @Test
    void theSecurityLogShowsTheAccountsEventsToItsOwnerAndTheServerLogHasNoPersonalData() throws Exception {
        provision("owner@agentur.example", "owner-password-1");
        assertEquals(401, new AdminBrowserSession(server).signIn("owner@agentur.example", "wrong-password-1")
                .statusCode());
        AdminBrowserSession owner = signedIn("owner@agentur.example", "owner-password-1");
        String token = createToken(owner, "log test");
        String tokenId = JsonParser.parseString(bearer("GET", "/admin/api/tokens", token, null).body())
                .getAsJsonArray().get(0).getAsJsonObject().get("id").getAsString();
        assertEquals(204, owner.api("DELETE", "/admin/api/tokens/" + tokenId, null).statusCode());
        assertEquals(201, owner.api("POST", "/admin/api/forms", FORM.formatted("owner-form")).statusCode());
        assertEquals(200, owner.api("PUT", "/admin/api/settings/onoffice",
                "{\"token\": \"a-new-onoffice-token\", \"secret\": \"a-new-onoffice-secret\"}").statusCode());
        provision("colleague@agentur.example", "colleague-password-1");
        provisioning("updateUserByEmail", "{\"email\": \"owner@agentur.example\", \"isActive\": false}");
        provisioning("updateUserByEmail", "{\"email\": \"owner@agentur.example\", \"isActive\": true}");
        owner = signedIn("owner@agentur.example", "owner-password-1");
        assertEquals(200, owner.postForm("/admin/password", Map.of("csrf", List.of(owner.csrf()),
                "currentPassword", List.of("owner-password-1"), "newPassword", List.of("owner-password-2")))
                .statusCode());
        for (int i = 0; i < 6; i++) {
            new AdminBrowserSession(server).signIn("owner@agentur.example", "guess-number-" + i);
        }

        String page = owner.get("/admin/security?lang=en").body();
        for (String kind : List.of("sign-in", "sign-in-failed", "sign-in-throttled", "token-created", "token-revoked",
                "user-created", "user-activated", "user-deactivated", "password-changed", "onoffice-settings-changed",
                "form-published")) {
            assertTrue(page.contains("<tr class=\"event-" + kind + "\">"), kind + " in " + page);
        }
        assertTrue(page.contains("API token revoked") && page.contains("token " + tokenId), page);
        assertTrue(page.contains("changed: token, secret"), page);
        assertFalse(page.contains("a-new-onoffice") || page.contains(token) || page.contains("owner-password"), page);
        assertEquals(1, count(page, "<tr class=\"event-sign-in-throttled\">"), "throttling is one event, not six");
        assertTrue(owner.get("/admin/security?lang=de").body().contains("Anmeldung fehlgeschlagen"));

        AdminBrowserSession stranger = signedIn("colleague@agentur.example", "colleague-password-1");
        String theirs = stranger.get("/admin/security").body();
        assertFalse(theirs.contains("owner@agentur.example"), "another account's log is not shown");

        List<String> lines;
        synchronized (serverLog) {
            lines = List.copyOf(serverLog);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("security event sign-in-throttled account=")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("security event onoffice-settings-changed account=")));
        for (String line : lines) {
            assertFalse(line.contains("@") || line.contains("owner-password") || line.contains("guess-number")
                    || line.contains("wrong-password") || line.contains("127.0.0.1") || line.contains(token)
                    || line.contains("a-new-onoffice"), "no personal data or secret: " + line);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private AdminBrowserSession signedIn(String email, String password) throws Exception {
        AdminBrowserSession browser = new AdminBrowserSession(server);
        HttpResponse<String> reply = browser.signIn(email, password);
        assertEquals(303, reply.statusCode(), reply.body());
        return browser;
    }

    private String createToken(AdminBrowserSession browser, String label) throws Exception {
        HttpResponse<String> created = browser.api("POST", "/admin/api/tokens", "{\"label\": \"" + label + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject json = JsonParser.parseString(created.body()).getAsJsonObject();
        return json.get("token").getAsString();
    }

    private HttpResponse<String> bearer(String method, String path, String token, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json"));
    }

    private void provision(String email, String password) throws Exception {
        HttpResponse<String> reply = provisioning("createUser", "{\"email\": \"" + email + "\", \"password\": \""
                + password + "\", \"instance\": \"" + email + "\"}");
        assertEquals(200, reply.statusCode(), reply.body());
    }

    private HttpResponse<String> provisioning(String method, String params) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/api/users"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"method\": \"" + method + "\", \"params\": " + params + "}"))
                .header("x-api-key", KEY).header("Content-Type", "application/json"));
    }

    private void sql(String statement, Object... args) throws Exception {
        try (Connection c = server.app().database().connection();
             PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private String passwordHash(String email) throws Exception {
        try (Connection c = server.app().database().connection();
             PreparedStatement s = c.prepareStatement("SELECT password_hash FROM admin_user WHERE email = ?")) {
            s.setString(1, email);
            try (ResultSet row = s.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }
}
