package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.ApiRight;
import org.formhaus.testing.AdminBrowserSession;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin UI's sign-in over real HTTP on MariaDB: session cookie, CSRF on the admin API and on pages, logout,
 * throttling, API tokens, pages in both languages, and isolation between accounts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminSessionIT {

    static final String ADMIN = "admin@formhaus.local";
    static final String PASSWORD = "admin-password";
    static final String PROVISIONING_KEY = "provisioning-key-for-tests";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb()
            .with("provisioning.api.key", PROVISIONING_KEY)
            .with("admin.login.max.failures.per.email", "3")
            .with("admin.login.max.failures.per.address", "50")
            .perTestClass();

    @Test
    void pagesRedirectToTheSignInFormButTheApiAnswers401Json() throws Exception {
        HttpResponse<String> page = server.get("/admin/forms/new");
        assertEquals(303, page.statusCode());
        assertEquals(server.uri("/").getPath() + "admin/login?next=%2Fadmin%2Fforms%2Fnew",
                page.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> api = server.get("/admin/api/forms");
        assertEquals(401, api.statusCode());
        assertTrue(api.body().contains("\"error\""), api.body());
    }

    @Test
    void signingInRotatesTheSessionIdAndSetsAnHttpOnlySameSiteLaxCookie() throws Exception {
        AdminBrowserSession browser = new AdminBrowserSession(server);
        HttpResponse<String> form = browser.get("/admin/login");
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("FORMHAUS_SESSION="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: no Secure flag: " + cookie);
        String before = browser.cookies().get(0).getValue();

        HttpResponse<String> signedIn = browser.postForm("/admin/login", Map.of("email", List.of(ADMIN),
                "password", List.of(PASSWORD), "csrf", List.of(AdminBrowserSession.csrfIn(form.body()))));
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertEquals("/admin", signedIn.headers().firstValue("Location").orElseThrow());
        String after = browser.cookies().get(0).getValue();
        assertNotEquals(before, after, "a new session id after signing in");

        // The id from before signing in (perhaps planted by an attacker) is worth nothing.
        HttpResponse<String> planted = server.send(HttpRequest.newBuilder(server.uri("/admin/api/forms"))
                .header("Cookie", "FORMHAUS_SESSION=" + before));
        assertEquals(401, planted.statusCode());
        assertEquals(200, browser.get("/admin").statusCode());
    }

    @Test
    void wrongPasswordUnknownEmailAndDeactivatedUserGetOneGenericMessage() throws Exception {
        provision("inactive@agentur.example", "inactive-password");
        provisioning("updateUserByEmail", "{\"email\": \"inactive@agentur.example\", \"isActive\": false}");
        String[][] attempts = {{ADMIN, "wrong-password"}, {"nobody@agentur.example", "whatever1"},
            {"inactive@agentur.example", "inactive-password"}};
        String message = null;
        for (String[] attempt : attempts) {
            HttpResponse<String> reply = new AdminBrowserSession(server).signIn(attempt[0], attempt[1]);
            assertEquals(401, reply.statusCode(), attempt[0]);
            String shown = reply.body().replaceAll("(?s).*<p class=\"error\" role=\"alert\" id=\"login-error\">", "")
                    .replaceAll("(?s)</p>.*", "");
            if (message != null) {
                assertEquals(message, shown);
            }
            message = shown;
            assertFalse(reply.body().contains("Exception"), "no stack trace");
        }
    }

    @Test
    void repeatedFailuresForOneEmailAreThrottledEvenWithTheRightPassword() throws Exception {
        provision("guessed@agentur.example", "right-password");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, new AdminBrowserSession(server).signIn("guessed@agentur.example", "wrong" + i).statusCode());
        }
        HttpResponse<String> throttled = new AdminBrowserSession(server).signIn("guessed@agentur.example",
                "right-password");
        assertEquals(429, throttled.statusCode());
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void sessionApiWritesNeedTheCsrfHeaderButBearerCallsDoNot() throws Exception {
        AdminBrowserSession browser = signedInAdmin();
        assertEquals(200, browser.api("GET", "/admin/api/forms", null, null).statusCode(), "reads need no token");

        HttpResponse<String> missing = browser.api("POST", "/admin/api/forms", TestForms.emailOnly("csrf1", "Kontakt 1"), null);
        assertEquals(403, missing.statusCode());
        assertTrue(missing.body().contains("X-CSRF-Token"), missing.body());
        assertEquals(403, browser.api("POST", "/admin/api/forms", TestForms.emailOnly("csrf1", "Kontakt 1"), "forged").statusCode());
        assertEquals(201, browser.api("POST", "/admin/api/forms", TestForms.emailOnly("csrf1", "Kontakt 1")).statusCode());

        assertEquals(201, server.admin("POST", "/admin/api/forms", TestForms.emailOnly("csrf2", "Kontakt 2")).statusCode(),
                "Bearer needs no CSRF token");
    }

    @Test
    void pagePostsWithoutTheCsrfFieldAreRefused() throws Exception {
        AdminBrowserSession browser = signedInAdmin();
        assertEquals(403, browser.postForm("/admin/logout", Map.of()).statusCode());
        assertEquals(403, browser.postForm("/admin/settings/check", Map.of("csrf", List.of("forged"))).statusCode());
        assertEquals(200, browser.get("/admin").statusCode(), "still signed in");
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        AdminBrowserSession browser = signedInAdmin();
        HttpResponse<String> out = browser.postForm("/admin/logout", Map.of("csrf", List.of(browser.csrf())));
        assertEquals(303, out.statusCode());
        assertEquals(401, browser.api("GET", "/admin/api/forms", null).statusCode());
        assertEquals(303, browser.get("/admin").statusCode());
    }

    @Test
    void apiTokensAreShownOnceWorkAsBearerAndCanBeRevoked() throws Exception {
        AdminBrowserSession browser = signedInAdmin();
        HttpResponse<String> created = browser.api("POST", "/admin/api/tokens", "{\"label\": \"CI script\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject token = JsonParser.parseString(created.body()).getAsJsonObject();
        String secret = token.get("token").getAsString();
        String id = token.get("id").getAsString();

        HttpResponse<String> withIt = server.send(HttpRequest.newBuilder(server.uri("/admin/api/forms"))
                .header("Authorization", "Bearer " + secret));
        assertEquals(200, withIt.statusCode());
        String listed = browser.api("GET", "/admin/api/tokens", null).body();
        assertTrue(listed.contains(id) && listed.contains("CI script"), listed);
        assertFalse(listed.contains(secret), "the token is never shown again");
        assertFalse(browser.get("/admin/tokens").body().contains(secret));
        assertEquals(400, browser.api("POST", "/admin/api/tokens", "{\"label\": [1]}").statusCode());

        assertEquals(204, browser.api("DELETE", "/admin/api/tokens/" + id, null).statusCode());
        assertEquals(401, server.send(HttpRequest.newBuilder(server.uri("/admin/api/forms"))
                .header("Authorization", "Bearer " + secret)).statusCode());
        assertEquals(404, browser.api("DELETE", "/admin/api/tokens/" + id, null).statusCode());
    }

    @Test
    void anotherAccountsAdminGets404ForTheFirstAccountsFormsAndSubmissions() throws Exception {
        server.adminJson("POST", "/admin/api/forms", TestForms.emailOnly("private", "Kontakt privat"));
        HttpResponse<String> submitted = server.submitJson("private", Map.of("email", List.of("max@example.com")));
        assertEquals(202, submitted.statusCode(), submitted.body());
        String submission = JsonParser.parseString(submitted.body()).getAsJsonObject().get("id").getAsString();

        provision("second@agentur.example", "second-password");
        AdminBrowserSession other = new AdminBrowserSession(server);
        assertEquals(303, other.signIn("second@agentur.example", "second-password").statusCode());
        assertEquals(404, other.api("GET", "/admin/api/forms/private", null).statusCode());
        assertEquals(404, other.api("PUT", "/admin/api/forms/private", TestForms.emailOnly("private", "Kontakt mine")).statusCode());
        assertEquals(404, other.api("DELETE", "/admin/api/forms/private", null).statusCode());
        assertEquals(404, other.api("GET", "/admin/api/submissions/" + submission, null).statusCode());
        assertEquals(404, other.api("POST", "/admin/api/submissions/" + submission + "/retry", null).statusCode());
        JsonArray theirs = JsonParser.parseString(other.api("GET", "/admin/api/submissions?form=private", null).body())
                .getAsJsonArray();
        assertEquals(0, theirs.size());
        assertEquals(404, other.get("/admin/forms/private/submissions").statusCode());
        assertEquals(404, other.get("/admin/forms/private/edit").statusCode());
        assertFalse(other.get("/admin").body().contains("private"), "not on the other dashboard");

        AdminBrowserSession owner = signedInAdmin();
        assertTrue(owner.get("/admin/forms/private/submissions").body().contains(submission));
    }

    @Test
    void dashboardShowsEmbedSnippetAndCountsInTheChosenLanguage() throws Exception {
        server.adminJson("POST", "/admin/api/forms", TestForms.emailOnly("shown", "Kontakt gezeigt"));
        AdminBrowserSession browser = signedInAdmin();
        HttpResponse<String> german = browser.send(HttpRequest.newBuilder(server.uri("/admin"))
                .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"));
        assertTrue(german.body().contains("<html lang=\"de\">"), "German by Accept-Language");
        assertTrue(german.body().contains("Einbettungscode"));
        String snippet = "&lt;script src=&quot;" + server.uri("/embed.js") + "&quot; data-form=&quot;shown&quot; "
                + "async&gt;&lt;/script&gt;";
        assertTrue(german.body().contains(snippet), german.body());
        assertTrue(german.body().contains("&lt;iframe src=&quot;" + server.uri("/f/shown")));

        HttpResponse<String> english = browser.get("/admin?lang=en");
        assertTrue(english.body().contains("<html lang=\"en\">"));
        assertTrue(english.headers().firstValue("Set-Cookie").orElse("").contains("formhaus_lang=en"));
        assertTrue(english.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
    }

    @Test
    void editorStartsFromATemplatePerKind() throws Exception {
        AdminBrowserSession browser = signedInAdmin();
        HttpResponse<String> valuation = browser.get("/admin/forms/new?template=valuation");
        assertEquals(200, valuation.statusCode());
        assertTrue(valuation.body().contains("estate.wohnflaeche"), valuation.body());
        assertEquals(404, browser.get("/admin/forms/new?template=hologram").statusCode());
    }

    @Test
    void settingsNeverShowTheSecretAndTheConnectionCheckNamesEachRight() throws Exception {
        AdminBrowserSession browser = signedInAdmin();
        String settings = browser.get("/admin/settings").body();
        assertFalse(settings.contains(TestServer.SIM_SECRET), "the secret is write-only");
        assertTrue(settings.contains("A secret is set") || settings.contains("Ein Secret ist hinterlegt"));

        server.simulator().right(ApiRight.READ_USER_DATA, false);
        try {
            HttpResponse<String> checked = browser.postForm("/admin/settings/check", Map.of("csrf",
                    List.of(browser.csrf()), "lang", List.of("en")));
            assertEquals(200, checked.statusCode());
            assertTrue(checked.body().matches("(?s).*<th scope=\"row\">Read user data via API</th>\\s*"
                    + "<td><span class=\"badge missing\">missing</span>.*"), checked.body());
            assertFalse(checked.body().contains(TestServer.SIM_SECRET));

            JsonObject report = server.adminJson("POST", "/admin/api/connection/check", null).getAsJsonObject();
            assertFalse(report.get("ok").getAsBoolean());
            assertTrue(report.toString().contains("\"right\":\"Read user data via API\",\"setting\""));
        } finally {
            server.simulator().right(ApiRight.READ_USER_DATA, true);
        }
    }

    private AdminBrowserSession signedInAdmin() throws Exception {
        AdminBrowserSession browser = new AdminBrowserSession(server);
        HttpResponse<String> reply = browser.signIn(ADMIN, PASSWORD);
        assertEquals(303, reply.statusCode(), reply.body());
        return browser;
    }

    private void provision(String email, String password) throws Exception {
        HttpResponse<String> reply = provisioning("createUser", "{\"email\": \"" + email + "\", \"password\": \""
                + password + "\", \"displayName\": \"Test\", \"instance\": \"" + email + "\"}");
        assertEquals(200, reply.statusCode(), reply.body());
    }

    private HttpResponse<String> provisioning(String method, String params) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/api/users"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"method\": \"" + method + "\", \"params\": " + params + "}"))
                .header("x-api-key", PROVISIONING_KEY).header("Content-Type", "application/json"));
    }
}
