package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.formhaus.testing.Await;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TcpProxy;
import org.formhaus.testing.TestDatabase;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * When the database blinks: Formhaus reaches MariaDB through a TCP proxy on 127.0.0.1 that the test stalls (every byte
 * and every new connection held, as a stalled network or a black-holed route does). With the default timeouts a
 * visitor has an answer within 3 s: 503 with Retry-After in Formhaus's own HTML or JSON, never an exception's name;
 * /healthz answers within 1 s; once the database is back, the same submission is accepted. In Chromium, form.js keeps a
 * submission the server could not store, says it is being saved and sends it again by itself until it is stored, once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseBlinkIT {

    private static final Duration VISITOR_WAIT = Duration.ofSeconds(3);
    private TcpProxy proxy;
    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        proxy = TcpProxy.to(3306);
        server = TestServer.on(TestDatabase.mariaDb().through(proxy.port())).start(); // default database timeouts
        server.adminJson("POST", "/admin/api/forms", TestForms.contact("blink"));
        server.adminJson("POST", "/admin/api/forms", TestForms.contact("blink-browser"));
    }

    @AfterEach
    void heal() {
        proxy.resume();
    }

    @AfterAll
    void stop() throws Exception {
        proxy.resume();
        server.close();
        proxy.close();
    }

    @Test
    void aSubmissionWhileTheDatabaseStallsGets503WithRetryAfterInJsonWithinThreeSeconds() throws Exception {
        awaitHealthy();
        proxy.stall();
        long started = System.nanoTime();
        HttpResponse<String> reply = server.submitJson("blink", ContactFormEndToEnd.entry("blink.json@example.org"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(VISITOR_WAIT) < 0, "answered after " + took);
        assertEquals(503, reply.statusCode(), reply.body());
        assertTrue(Integer.parseInt(reply.headers().firstValue("Retry-After").orElseThrow()) > 0);
        JsonObject body = JsonParser.parseString(reply.body()).getAsJsonObject();
        assertTrue(body.has("error"), reply.body());
        assertNoInternals(reply.body());

        proxy.resume();
        awaitHealthy();
        HttpResponse<String> again = server.submitJson("blink", ContactFormEndToEnd.entry("blink.json@example.org"));
        assertEquals(202, again.statusCode(), again.body());
    }

    @Test
    void aFormPageAndABrowserSubmissionWhileTheDatabaseStallsGetFormhausOwn503Page() throws Exception {
        awaitHealthy();
        proxy.stall();
        long started = System.nanoTime();
        // A form this instance has not cached must be read from the database (a cached one is still served).
        HttpResponse<String> page = server.send(HttpRequest.newBuilder(server.uri("/f/not-cached-here"))
                .header("Accept-Language", "de").GET());
        HttpResponse<String> post = server.send(HttpRequest.newBuilder(server.uri("/f/blink"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "de")
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode(
                        ContactFormEndToEnd.entry("blink.html@example.org")))));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(VISITOR_WAIT.multipliedBy(2)) < 0, "both answered after " + took);
        for (HttpResponse<String> reply : java.util.List.of(page, post)) {
            assertEquals(503, reply.statusCode(), reply.body());
            assertTrue(reply.headers().firstValue("Retry-After").isPresent());
            assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(reply.body().contains("form.css"), "Formhaus's own page: " + reply.body());
            assertNoInternals(reply.body());
        }
        assertTrue(page.body().contains("Dieses Formular kann gerade nicht angezeigt werden"), page.body());
        // The form filled in again when it is cached, else a short page; either way in German.
        assertTrue(post.body().contains("konnten gerade nicht gespeichert werden"), post.body());
    }

    @Test
    void healthzAnswersWithinOneSecondWhileTheDatabaseStalls() throws Exception {
        awaitHealthy();
        proxy.stall();
        for (int i = 0; i < 3; i++) { // also while earlier checks are still stuck
            long started = System.nanoTime();
            HttpResponse<String> health = server.get("/healthz");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "answered after " + took);
            assertEquals(503, health.statusCode(), health.body());
            assertFalse(health.body().contains("Exception"), health.body());
        }
        proxy.resume();
        awaitHealthy();
    }

    @Test
    void inChromiumASubmissionTheDatabaseCouldNotStoreIsSentAgainByItselfAndStoredOnce() throws Exception {
        awaitHealthy();
        try (HeadlessChrome chrome = HeadlessChrome.start("de")) {
            WebDriver browser = chrome.driver();
            browser.get(server.uri("/f/blink-browser").toString());
            browser.findElement(By.id("fh-vorname")).sendKeys("Lotte");
            browser.findElement(By.id("fh-email")).sendKeys("lotte.kept@example.org");
            browser.findElement(By.id("fh-text")).sendKeys("Bitte um Rückruf");
            browser.findElement(By.id("fh-dsgvo")).click();
            proxy.stall();
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement saving = Await.until("the visitor to be told the entry is being saved", Duration.ofSeconds(20),
                    () -> {
                        WebElement status = browser.findElement(By.cssSelector("[role=status].fh-saving"));
                        return status.getText().contains("werden gespeichert") ? status : null;
                    });
            assertEquals("polite", saving.getAttribute("aria-live"));
            assertEquals(0, stored("lotte.kept@example.org"), "nothing stored while the database stalls");

            proxy.resume();
            Await.until("the thank-you page", Duration.ofSeconds(30),
                    () -> browser.getCurrentUrl().contains("/f/blink-browser/thanks") ? true : null);
        }
        assertEquals(1, stored("lotte.kept@example.org"), "stored once");
    }

    private long stored(String email) throws Exception {
        return Await.until("the database to count", Duration.ofSeconds(10), () -> {
            // Straight to MariaDB, not through the proxy the test stalls.
            String direct = server.database().url().replace(":" + proxy.port() + "/", ":3306/");
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(direct);
                 java.sql.PreparedStatement count = c.prepareStatement(
                         "SELECT COUNT(*) FROM submission WHERE form_key = 'blink-browser' AND data LIKE ?")) {
                count.setString(1, "%" + email + "%");
                try (java.sql.ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private void awaitHealthy() throws Exception {
        Await.until("the database to answer again", Duration.ofSeconds(20),
                () -> server.get("/healthz").statusCode() == 200 ? true : null);
    }

    private static void assertNoInternals(String body) {
        for (String internal : new String[] {"Exception", "java.", "SQL", "storage unavailable"}) {
            assertFalse(body.contains(internal), "'" + internal + "' shown: " + body);
        }
    }
}
