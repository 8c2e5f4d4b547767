package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 15, public forms: the headers that harden every response in a browser, TRACE refused everywhere, thank-you
 * URLs that can neither run script nor lead to another site unseen, and body limits that hold for chunked bodies.
 * Over real HTTP, with the default settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSurfaceIT {

    TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.onH2().with(IdempotentSubmissionIT.DEFAULT_SPAM).start();
        server.adminJson("POST", "/admin/api/forms", TestForms.CONTACT);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    HttpResponse<String> call(String method, String path) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Cookie", "FORMHAUS_SESSION=secret-session-id"));
    }

    List<HttpResponse<String>> everyKindOfResponse() throws Exception {
        String token = IdempotentSubmissionIT.servedToken(server, "kontakt");
        return List.of(server.get("/f/kontakt"), server.get("/f/kontakt/thanks"), server.get("/f/nowhere"),
                server.get("/embed.js"), server.get("/static/form.css"), server.get("/static/nothing.js"),
                server.get("/healthz"), server.get("/admin/login"), server.get("/admin/api/forms"), server.get("/nowhere"),
                server.submitJson("kontakt", Map.of("vorname", List.of("Max"))),
                server.submitJson("kontakt", IdempotentSubmissionIT.entry(token, "headers@example.org")),
                IdempotentSubmissionIT.browserPost(server, "kontakt", Map.of("vorname", List.of("Max"))));
    }

    @Test
    void everyResponseForbidsSniffingLimitsTheReferrerAndAllowsScriptsOnlyFromFormhaus() throws Exception {
        for (HttpResponse<String> reply : everyKindOfResponse()) {
            String what = reply.request().method() + " " + reply.uri() + " → " + reply.statusCode();
            assertEquals(List.of("nosniff"), reply.headers().allValues("X-Content-Type-Options"), what);
            assertTrue(List.of("strict-origin-when-cross-origin", "same-origin", "no-referrer")
                    .contains(reply.headers().firstValue("Referrer-Policy").orElse("")), what);
            List<String> policies = reply.headers().allValues("Content-Security-Policy");
            assertTrue(policies.stream().anyMatch(p -> p.contains("script-src 'self'")), what + ": " + policies);
            assertFalse(policies.stream().anyMatch(p -> p.contains("unsafe-inline") && p.contains("script-src 'self' ")
                    || p.contains("unsafe-eval")), what + ": " + policies);
            assertTrue(policies.stream().anyMatch(p -> p.contains("frame-ancestors")), what + ": " + policies);
        }
        // Who may frame a form stays as the account says (every site while the list is empty).
        assertEquals("frame-ancestors *", server.get("/f/kontakt").headers().firstValue("Content-Security-Policy")
                .orElseThrow());
        assertEquals(List.of("frame-ancestors 'none'"), server.get("/admin/login").headers()
                .allValues("Content-Security-Policy").stream().map(p -> p.replaceAll(".*(frame-ancestors [^;]+).*", "$1"))
                .toList());
    }

    @Test
    void noPageRunsAnInlineScript() throws Exception {
        Pattern inline = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:",
                Pattern.CASE_INSENSITIVE);
        for (HttpResponse<String> reply : everyKindOfResponse()) {
            if (reply.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                assertFalse(inline.matcher(reply.body()).find(), reply.uri() + ": " + reply.body());
            }
        }
    }

    @Test
    void traceIsRefusedEverywhereAndEchoesNothing() throws Exception {
        for (String path : List.of("/f/kontakt", "/admin", "/admin/api/forms", "/static/form.css", "/embed.js",
                "/healthz", "/marketplace/activate", "/nowhere")) {
            HttpResponse<String> reply = call("TRACE", path);
            assertEquals(405, reply.statusCode(), path + ": " + reply.body());
            assertFalse(reply.body().contains("secret-session-id"), path + " echoed the cookie: " + reply.body());
            assertEquals(List.of("nosniff"), reply.headers().allValues("X-Content-Type-Options"), path);
        }
    }

    @Test
    void aThankYouUrlThatCouldRunScriptOrLeadElsewhereIsRefusedAtSave() throws Exception {
        for (String bad : List.of("javascript:alert(document.cookie)", "//evil.example/danke", "/\\evil.example",
                "data:text/html,<script>alert(1)</script>", "https:evil.example", "ftp://agentur.example/",
                "https://user:pw@agentur.example/", " https://agentur.example/")) {
            HttpResponse<String> reply = server.admin("POST", "/admin/api/forms", thankYouForm("bad", bad));
            assertEquals(400, reply.statusCode(), bad + " → " + reply.body());
            assertTrue(reply.body().contains("thankYouUrl"), bad + " → " + reply.body());
            assertEquals(404, server.get("/f/bad").statusCode(), bad + " was saved");
        }
    }

    @Test
    void anAbsoluteAddressOrAPathOnTheSameSiteIsWhereTheBrowserGoes() throws Exception {
        for (String good : List.of("https://agentur.example/danke?quelle=formular", "http://agentur.example", "/danke")) {
            server.adminJson("POST", "/admin/api/forms", thankYouForm("good", good));
            try {
                String token = IdempotentSubmissionIT.servedToken(server, "good");
                HttpResponse<String> reply = IdempotentSubmissionIT.browserPost(server, "good",
                        IdempotentSubmissionIT.entry(token, "thanks@example.org"));
                assertEquals(303, reply.statusCode(), reply.body());
                assertEquals(good, reply.headers().firstValue("Location").orElseThrow());
            } finally {
                server.admin("DELETE", "/admin/api/forms/good", null);
            }
        }
    }

    @Test
    void aStoredThankYouUrlFromBeforeTheRuleIsNeverRedirectedTo() throws Exception {
        server.adminJson("POST", "/admin/api/forms", thankYouForm("legacy", "https://agentur.example/danke"));
        try (Connection c = server.app().database().connection()) {
            // As a definition saved before the rule may be: written straight into the database.
            long account;
            try (PreparedStatement s = c.prepareStatement("SELECT account_id FROM form WHERE form_key = 'legacy'");
                 ResultSet row = s.executeQuery()) {
                assertTrue(row.next());
                account = row.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO form (form_key, account_id, version, deleted, "
                    + "updated_ms) VALUES ('legacy2', ?, 1, FALSE, 0)")) {
                s.setLong(1, account);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO form_version (form_key, version, definition, "
                    + "created_ms) VALUES ('legacy2', 1, ?, 0)")) {
                s.setString(1, thankYouForm("legacy2", "javascript:alert(document.cookie)"));
                s.executeUpdate();
            }
        }
        String token = IdempotentSubmissionIT.servedToken(server, "legacy2");
        HttpResponse<String> reply = IdempotentSubmissionIT.browserPost(server, "legacy2",
                IdempotentSubmissionIT.entry(token, "legacy@example.org"));
        assertEquals(303, reply.statusCode(), reply.body());
        assertTrue(reply.headers().firstValue("Location").orElseThrow().startsWith("/f/legacy2/thanks?fh_submission="));
    }

    static String thankYouForm(String key, String thankYouUrl) {
        JsonObject form = JsonParser.parseString(TestForms.contact(key)).getAsJsonObject();
        form.addProperty("thankYouUrl", thankYouUrl);
        return form.toString();
    }

    /** A body sent without a Content-Length, in chunks, as a client may. */
    static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    @Test
    void aChunkedSubmissionOverTheBodyLimitIs413() throws Exception {
        String token = IdempotentSubmissionIT.servedToken(server, "kontakt");
        String body = TestServer.encode(IdempotentSubmissionIT.entry(token, "chunked@example.org"))
                + "&text=" + "x".repeat(3 * 1024 * 1024);
        HttpResponse<String> reply = server.send(HttpRequest.newBuilder(server.uri("/f/kontakt"))
                .POST(chunked(body.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json"));
        assertEquals(413, reply.statusCode(), reply.body());
        assertEquals(0, server.adminJson("GET", "/admin/api/submissions?form=kontakt", null).getAsJsonArray().asList()
                .stream().filter(s -> s.toString().contains("chunked@example.org")).count());
    }

    @Test
    void aChunkedJsonBodyOverTheLimitIs413() throws Exception {
        JsonObject form = JsonParser.parseString(TestForms.contact("chunky")).getAsJsonObject();
        form.addProperty("title", "x".repeat(3 * 1024 * 1024));
        String big = form.toString();
        HttpResponse<String> reply = server.send(HttpRequest.newBuilder(server.uri("/admin/api/forms"))
                .POST(chunked(big.getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN).header("Content-Type", "application/json"));
        assertEquals(413, reply.statusCode(), reply.body());
        assertTrue(reply.body().startsWith("{\"error\":"), reply.body());
        assertEquals(404, server.get("/f/chunky").statusCode());
    }
}
