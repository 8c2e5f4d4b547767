package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.AdminBrowserSession;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The admin session's absolute lifetime and its {@code __Host-} cookie over HTTPS, each on a server of its own
 * (issue 15). The default lifetime (12 h) is proved in {@code AdminSessionTest}.
 */
class SessionCookieAndLifetimeIT {

    @Test
    void aBusySessionStillEndsWhenItsAbsoluteLifetimeIsOver() throws Exception {
        try (TestServer server = TestServer.onMariaDb().with("admin.session.max.lifetime.seconds", "3").start()) {
            AdminBrowserSession browser = new AdminBrowserSession(server);
            long signedIn = System.nanoTime();
            assertEquals(303, browser.signIn("admin@formhaus.local", "admin-password").statusCode());
            assertEquals(200, browser.api("GET", "/admin/api/forms", null).statusCode());
            // Used all the time, so the idle timeout (minutes) never strikes; only the lifetime can end it.
            Await.until("the session to end", Duration.ofSeconds(30),
                    () -> browser.api("GET", "/admin/api/forms", null).statusCode() == 401 ? true : null);
            long lived = Duration.ofNanos(System.nanoTime() - signedIn).toMillis();
            assertTrue(lived >= 3000, "ended after " + lived + " ms");
            assertEquals(303, browser.get("/admin").statusCode(), "the pages send it to sign in again");
            assertEquals(303, browser.signIn("admin@formhaus.local", "admin-password").statusCode());
            assertEquals(200, browser.api("GET", "/admin/api/forms", null).statusCode());
        }
    }

    @Test
    void overHttpsTheSessionCookieIsAHostPrefixedSecureCookieForTheWholeHost() throws Exception {
        try (TestServer server = TestServer.onMariaDb().with("public.url", "https://forms.agentur.example")
                .with("http.forwarded", "true").start()) {
            HttpResponse<String> form = server.send(HttpRequest.newBuilder(server.uri("/admin/login"))
                    .header("X-Forwarded-Proto", "https"));
            String cookie = form.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.startsWith(AdminSession.SECURE_COOKIE + "="), cookie);
            assertTrue(cookie.contains("; Secure") && cookie.contains("; Path=/;") && cookie.contains("HttpOnly")
                    && cookie.toLowerCase().contains("samesite=lax"), cookie);
            assertFalse(cookie.toLowerCase().contains("domain="), "a __Host- cookie has no Domain: " + cookie);

            String session = cookie.substring(0, cookie.indexOf(';'));
            HttpResponse<String> signedIn = server.send(HttpRequest.newBuilder(server.uri("/admin/login"))
                    .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode(Map.of("email",
                            List.of("admin@formhaus.local"), "password", List.of("admin-password"),
                            "csrf", List.of(AdminBrowserSession.csrfIn(form.body()))))))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-Proto", "https").header("Cookie", session));
            assertEquals(303, signedIn.statusCode(), signedIn.body());
            String renewed = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(renewed.startsWith(AdminSession.SECURE_COOKIE + "=") && renewed.contains("; Secure"), renewed);
            HttpResponse<String> admin = server.send(HttpRequest.newBuilder(server.uri("/admin"))
                    .header("X-Forwarded-Proto", "https").header("Cookie", renewed.substring(0, renewed.indexOf(';'))));
            assertEquals(200, admin.statusCode());
        }
    }
}
