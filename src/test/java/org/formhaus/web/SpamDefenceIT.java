package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spam and abuse defences over HTTP, on H2, with the checks switched on: honeypot, form token, minimum fill time,
 * rate limits, size limits; rejected spam is counted per form and never stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpamDefenceIT {

    @RegisterExtension
    final TestServer server = TestServer.onH2()
            .with("spam.min.fill.seconds", "1")
            .with("ratelimit.submissions.per.minute", "1000")
            .with("ratelimit.form.submissions.per.minute", "1000")
            .with("forms.max.body.bytes", "50000")
            .perTestClass();

    @BeforeAll
    void start() throws Exception {
        for (String key : List.of("spam", "limited")) {
            server.adminJson("POST", "/admin/api/forms", TestForms.contact(key));
        }
    }

    String token(String key) throws Exception {
        Matcher m = Pattern.compile("name=\"_fh_token\" value=\"([^\"]+)\"").matcher(server.get("/f/" + key).body());
        assertTrue(m.find());
        return m.group(1);
    }

    Map<String, List<String>> entry(String token) {
        Map<String, List<String>> e = new HashMap<>(ContactFormEndToEnd.entry("spam.test@example.org"));
        e.put("_fh_token", List.of(token));
        e.put("_fh_website", List.of(""));
        return e;
    }

    long spamCount(String key) throws Exception {
        return server.adminJson("GET", "/admin/api/forms/" + key, null).getAsJsonObject().get("spamCount").getAsLong();
    }

    @Test
    void aFilledHoneypotLooksAcceptedButIsCountedAndNeverStored() throws Exception {
        Map<String, List<String>> bot = entry(token("spam"));
        bot.put("_fh_website", List.of("http://cheap-pills.example"));
        long before = spamCount("spam");
        HttpResponse<String> reply = server.submitJson("spam", bot);
        assertEquals(202, reply.statusCode());
        String id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
        assertEquals(404, server.admin("GET", "/admin/api/submissions/" + id, null).statusCode());
        assertEquals(before + 1, spamCount("spam"));
        JsonObject byReason = server.adminJson("GET", "/admin/api/forms/spam", null).getAsJsonObject().getAsJsonObject("spam");
        assertTrue(byReason.get("honeypot").getAsLong() >= 1);
    }

    @Test
    void withoutATokenOrTooFastASubmissionIsRefusedAndCounted() throws Exception {
        long before = spamCount("spam");
        Map<String, List<String>> noToken = entry("");
        HttpResponse<String> reply = server.submitJson("spam", noToken);
        assertEquals(400, reply.statusCode());
        assertTrue(reply.body().contains("Bitte laden Sie die Seite neu"), reply.body());
        HttpResponse<String> tooFast = server.submitJson("spam", entry(token("spam")));
        assertEquals(422, tooFast.statusCode());
        assertTrue(tooFast.body().contains("Das ging zu schnell"), tooFast.body());
        assertEquals(before + 2, spamCount("spam"));
    }

    @Test
    void aVisitorWhoSendsBackWhatThePageGaveAfterTheFillTimeIsAccepted() throws Exception {
        String token = token("spam");
        long servedAt = Long.parseLong(token.substring(0, token.indexOf('.')));
        // Wait out the minimum fill time without sending: every early try would count as spam.
        Await.until("the minimum fill time to pass", java.time.Duration.ofSeconds(5),
                () -> System.currentTimeMillis() - servedAt > 1100 ? true : null);
        HttpResponse<String> reply = server.submitJson("spam", entry(token));
        assertEquals(202, reply.statusCode(), reply.body());
        assertEquals("received", JsonParser.parseString(reply.body()).getAsJsonObject().get("status").getAsString());
    }

    @Test
    void tooLargeABodyIs413() throws Exception {
        Map<String, List<String>> big = entry(token("spam"));
        big.put("text", List.of("x".repeat(60_000)));
        HttpResponse<String> reply = server.send(HttpRequest.newBuilder(server.uri("/f/spam"))
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode(big)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json"));
        assertEquals(413, reply.statusCode());
        assertTrue(reply.body().contains("Ihre Einsendung ist zu groß."), reply.body());
    }

    @Test
    void overTheRateLimitA429SaysWhenToComeBack() throws Exception {
        // A server of its own: the other tests must not share this budget.
        try (TestServer limited = TestServer.onH2().with("ratelimit.submissions.per.minute", "2").start()) {
            limited.adminJson("POST", "/admin/api/forms", TestForms.CONTACT);
            assertEquals(202, limited.submitJson("kontakt", ContactFormEndToEnd.entry("a@example.org")).statusCode());
            assertEquals(202, limited.submitJson("kontakt", ContactFormEndToEnd.entry("b@example.org")).statusCode());
            HttpResponse<String> third = limited.submitJson("kontakt", ContactFormEndToEnd.entry("c@example.org"));
            assertEquals(429, third.statusCode());
            long retryAfter = Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter > 0 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertTrue(third.body().contains("Zu viele Einsendungen"), third.body());
            HttpResponse<String> browser = limited.send(HttpRequest.newBuilder(limited.uri("/f/kontakt"))
                    .POST(HttpRequest.BodyPublishers.ofString("vorname=Max")).header("Content-Type",
                            "application/x-www-form-urlencoded"));
            assertEquals(429, browser.statusCode());
            assertTrue(browser.body().contains("value=\"Max\""), "the browser gets its form back, values kept");
            assertEquals(2, limited.adminJson("GET", "/admin/api/forms/kontakt", null).getAsJsonObject()
                    .getAsJsonObject("spam").get("rate-limit").getAsLong());
        }
    }
}
