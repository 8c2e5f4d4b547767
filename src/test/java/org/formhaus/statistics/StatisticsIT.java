package org.formhaus.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.storage.Account;
import org.formhaus.testing.AdminBrowserSession;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestDatabase;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Statistics over two Formhaus instances on one MariaDB database: views, starts, steps, submissions, spam and sources
 * counted on either instance add up in one report; the beacon refuses junk without counting it; the API and page
 * refuse another account's form and a period other than 7, 30 or 90 days.
 */
class StatisticsIT {

    static final String FORM = """
            { "key": "%s", "kind": "contact", "language": "de", "title": "Drei Schritte",
              "fields": [
                {"name": "s1", "type": "break", "label": "Name"},
                {"name": "vorname", "type": "text", "label": "Vorname", "required": true, "maps": "address.Vorname"},
                {"name": "s2", "type": "break", "label": "Kontakt"},
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                {"name": "s3", "type": "break", "label": "Nachricht"},
                {"name": "text", "type": "textarea", "label": "Nachricht"}
              ] }""";
    private static final Pattern TOKEN = Pattern.compile("name=\"_fh_token\" value=\"([^\"]+)\"");
    private static final String PAGE_QUERY = "?fh_page=" + enc("https://www.agentur.example/haus?email=a@b.example#x")
            + "&utm_source=newsletter&utm_medium=email&utm_campaign=herbst";

    @Test
    void twoInstancesOnOneDatabaseCountIntoOneReport() throws Exception {
        TestDatabase db = TestDatabase.mariaDb();
        try (TestServer a = TestServer.on(db).start(); TestServer b = TestServer.joining(db).start()) {
            a.adminJson("POST", "/admin/api/forms", FORM.formatted("drei"));
            String tokenA = tokenOf(a.get("/f/drei" + PAGE_QUERY));
            String tokenB = tokenOf(b.get("/f/drei" + PAGE_QUERY));
            b.get("/f/drei"); // opened at its own address: (direct), no UTM
            assertEquals(404, a.get("/f/unknown").statusCode());

            assertEquals(204, beacon(b, "drei", Map.of("event", "start", "_fh_token", tokenB,
                    "fh_page", "https://www.agentur.example/haus?email=a@b.example", "utm_source", "newsletter",
                    "utm_medium", "email", "utm_campaign", "herbst")).statusCode());
            assertEquals(204, beacon(a, "drei", Map.of("event", "start", "_fh_token", tokenA)).statusCode());
            assertEquals(204, beacon(a, "drei", Map.of("event", "step", "step", "2", "_fh_token", tokenA))
                    .statusCode());
            assertEquals(204, beacon(b, "drei", Map.of("event", "step", "step", "2", "_fh_token", tokenB))
                    .statusCode());
            assertEquals(204, beacon(b, "drei", Map.of("event", "step", "step", "3", "_fh_token", tokenB))
                    .statusCode());

            // Sent from the served page: its Referer carries the source.
            assertEquals(202, submit(a, tokenA, a.uri("/f/drei" + PAGE_QUERY).toString(), "").statusCode());
            assertEquals(202, submit(b, tokenB, null, "").statusCode());
            assertEquals(202, submit(b, tokenOf(b.get("/f/drei")), null, "http://spam.example").statusCode());

            JsonObject report = Await.until("both instances' counts in one report", Duration.ofSeconds(20), () -> {
                JsonObject r = a.adminJson("GET", "/admin/api/statistics/drei?days=7", null).getAsJsonObject();
                return r.getAsJsonObject("totals").get("views").getAsLong() == 4
                        && r.getAsJsonObject("totals").get("submissions").getAsLong() == 2 ? r : null;
            });
            JsonObject totals = report.getAsJsonObject("totals");
            assertEquals(2, totals.get("starts").getAsLong());
            assertEquals(1, totals.get("spam").getAsLong());
            assertEquals(50.0, totals.get("conversion").getAsDouble());
            assertEquals(1, report.getAsJsonObject("spamByReason").get("honeypot").getAsLong());
            assertEquals(7, report.getAsJsonArray("days").size());
            JsonObject today = report.getAsJsonArray("days").get(6).getAsJsonObject();
            assertEquals(4, today.get("views").getAsLong());
            assertEquals(2, today.get("submissions").getAsLong());

            assertEquals(List.of("view:4:0", "start:2:2", "step2:2:0", "step3:1:1", "submission:2:0"),
                    funnel(report.getAsJsonArray("funnel")));

            Map<String, String> pages = rows(report, "page");
            assertEquals("2/1/1", pages.get("https://www.agentur.example/haus"), "the page without its query");
            assertEquals("2/1/1", pages.get("(direct)"), "opened at its own address, or no source told");
            assertEquals(2, pages.size());
            assertEquals("2/1/1", rows(report, "utm_source").get("newsletter"));
            assertEquals("2/1/1", rows(report, "utm_campaign").get("(none)"));
        }
    }

    @Test
    void theBeaconRefusesJunkAndCountsNothingOfIt() throws Exception {
        try (TestServer server = TestServer.onMariaDb().start()) {
            server.adminJson("POST", "/admin/api/forms", FORM.formatted("junk"));
            server.adminJson("POST", "/admin/api/forms", TestServerForms.single("einfach"));
            String token = tokenOf(server.get("/f/junk"));

            assertRefused(beacon(server, "junk", Map.of("event", "start")), 400, "_fh_token");
            assertRefused(beacon(server, "junk", Map.of("event", "start", "_fh_token", "forged.123.abc")), 400,
                    "_fh_token");
            assertRefused(beacon(server, "einfach", Map.of("event", "start", "_fh_token", token)), 400, "_fh_token");
            assertRefused(beacon(server, "junk", Map.of("event", "start", "_fh_token", token, "email", "x@y.example")),
                    400, "email");
            assertRefused(beacon(server, "junk", Map.of("event", "purchase", "_fh_token", token)), 400, "event");
            assertRefused(beacon(server, "junk", Map.of("event", "step", "step", "4", "_fh_token", token)), 400,
                    "step");
            assertRefused(beacon(server, "junk", Map.of("event", "step", "step", "x", "_fh_token", token)), 400,
                    "step");
            assertRefused(beacon(server, "nope", Map.of("event", "start", "_fh_token", token)), 404, "Form");
            assertRefused(beacon(server, "junk", Map.of("event", "start", "_fh_token", token,
                    "utm_source", "x".repeat(3000))), 413, "2048");
            assertEquals(405, server.get("/beacon/junk").statusCode());

            int accepted = 0;
            HttpResponse<String> reply;
            do {
                reply = beacon(server, "junk", Map.of("event", "start", "_fh_token", token,
                        "utm_source", "bot-" + accepted));
                accepted += reply.statusCode() == 204 ? 1 : 0;
            } while (reply.statusCode() == 204 && accepted < 200);
            assertRefused(reply, 429, "beacons");
            assertTrue(reply.headers().firstValue("Retry-After").isPresent());

            JsonObject report = server.adminJson("GET", "/admin/api/statistics/junk?days=30", null).getAsJsonObject();
            // Only the accepted ones; the earlier refusals count nothing (the limit also counts refused beacons).
            assertTrue(accepted > 0 && accepted < 60, "accepted " + accepted);
            assertEquals(accepted, report.getAsJsonObject("totals").get("starts").getAsLong());
            assertEquals(30, report.getAsJsonArray("days").size());
        }
    }

    @Test
    void anotherAccountsFormAndOtherPeriodsAreRefused() throws Exception {
        try (TestServer server = TestServer.onH2().start()) {
            server.adminJson("POST", "/admin/api/forms", FORM.formatted("meins"));
            Account other = server.app().database().inTransaction(c -> server.app().accounts().create(c, "Andere"));
            server.app().forms().save(other.id(), new DefinitionParser().parse(
                    JsonParser.parseString(FORM.formatted("fremd")).getAsJsonObject()));

            assertRefused(server.admin("GET", "/admin/api/statistics/fremd", null), 404, "fremd");
            assertRefused(server.admin("GET", "/admin/api/statistics/meins?days=365", null), 400, "days");
            assertRefused(server.admin("GET", "/admin/api/statistics/meins?tage=7", null), 400, "tage");
            assertEquals(401, server.send(HttpRequest.newBuilder(server.uri("/admin/api/statistics/meins")).GET())
                    .statusCode());
            assertEquals(200, server.admin("GET", "/admin/api/statistics/meins", null).statusCode());

            AdminBrowserSession browser = new AdminBrowserSession(server);
            browser.signIn("admin@formhaus.local", TestServer.ADMIN_PASSWORD);
            assertEquals(404, browser.get("/admin/statistics/fremd").statusCode());
            assertEquals(400, browser.get("/admin/statistics/meins?days=1").statusCode());
            HttpResponse<String> page = browser.get("/admin/statistics/meins?days=90");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<svg"), "a chart");
            assertTrue(page.body().contains("id=\"daily-table\""), "its table");
            assertEquals(303, new AdminBrowserSession(server).get("/admin/statistics/meins").statusCode());
        }
    }

    private static List<String> funnel(JsonArray funnel) {
        return funnel.asList().stream().map(JsonElement::getAsJsonObject).map(s -> s.get("stage").getAsString()
                + (s.has("step") ? s.get("step").getAsString() : "") + ":" + s.get("count").getAsLong() + ":"
                + s.get("dropOff").getAsLong()).toList();
    }

    /** value → "views/starts/submissions" of one kind of source. */
    private static Map<String, String> rows(JsonObject report, String kind) {
        Map<String, String> out = new HashMap<>();
        for (JsonElement e : report.getAsJsonObject("sources").getAsJsonArray(kind)) {
            JsonObject r = e.getAsJsonObject();
            out.put(r.get("value").getAsString(), r.get("views").getAsLong() + "/" + r.get("starts").getAsLong() + "/"
                    + r.get("submissions").getAsLong());
        }
        return out;
    }

    static String tokenOf(HttpResponse<String> page) {
        assertEquals(200, page.statusCode());
        Matcher m = TOKEN.matcher(page.body());
        assertTrue(m.find(), "the page's form token");
        return m.group(1);
    }

    static HttpResponse<String> beacon(TestServer server, String key, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return server.send(HttpRequest.newBuilder(server.uri("/beacon/" + key))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    private static HttpResponse<String> submit(TestServer server, String token, String referer, String honeypot)
            throws Exception {
        String body = TestServer.encode(Map.of("vorname", List.of("Anna"), "email", List.of("anna@example.org"),
                "_fh_token", List.of(token), "_fh_website", List.of(honeypot)));
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/f/drei"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (referer != null) {
            request.header("Referer", referer);
        }
        return server.send(request);
    }

    private static void assertRefused(HttpResponse<String> reply, int status, String named) {
        assertEquals(status, reply.statusCode(), reply.body());
        assertTrue(reply.body().contains(named), "names " + named + ": " + reply.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A one-step form. */
    private static final class TestServerForms {
        static String single(String key) {
            return org.formhaus.testing.TestForms.emailOnly(key, "Einfach");
        }
    }
}
