package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 11, protection: each kind enforced on GET (a page that says why) and POST (status and message), over two
 * instances on one MariaDB: the last place and a one-time key go to exactly one of two racing visitors; wrong
 * passwords are counted over both instances. Runs with the default spam settings (minimum fill time 2 s, 20
 * submissions per client and form and minute).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormProtectionIT {

    TestServer first;
    TestServer second;
    int forms;

    @BeforeAll
    void start() throws Exception {
        first = TestServer.onMariaDb().with(IdempotentSubmissionIT.DEFAULT_SPAM).start();
        second = TestServer.joining(first.database()).with(IdempotentSubmissionIT.DEFAULT_SPAM).start();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            second.close();
        } finally {
            first.close();
        }
    }

    /** A new form of its own with this {@code protection} section; its key. */
    String form(String protection) throws Exception {
        String key = "guarded" + (++forms);
        JsonObject definition = JsonParser.parseString(TestForms.emailOnly(key, "Tender")).getAsJsonObject();
        definition.add("protection", JsonParser.parseString(protection));
        first.adminJson("POST", "/admin/api/forms", definition.toString());
        return key;
    }

    /** The page at {@code path}: its status and body. */
    static HttpResponse<String> page(TestServer server, String path) throws Exception {
        return server.get(path);
    }

    /** What a served form page asks to be sent back: its hidden inputs, with a ripe token. */
    static Map<String, List<String>> hiddenInputs(HttpResponse<String> page) throws Exception {
        assertEquals(200, page.statusCode(), page.body());
        Map<String, List<String>> inputs = new HashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(page.body());
        while (m.find()) {
            inputs.put(m.group(1), List.of(m.group(2).replace("&amp;", "&")));
        }
        IdempotentSubmissionIT.ripe(inputs.get("_fh_token").get(0));
        inputs.put("_fh_website", List.of(""));
        return inputs;
    }

    static Map<String, List<String>> entry(Map<String, List<String>> hidden, String email) {
        Map<String, List<String>> e = new HashMap<>(hidden);
        e.put("email", List.of(email));
        return e;
    }

    static JsonObject json(HttpResponse<String> reply) {
        return JsonParser.parseString(reply.body()).getAsJsonObject();
    }

    static void assertRefused(HttpResponse<String> reply, int status, String reason) {
        assertEquals(status, reply.statusCode(), reply.body());
        JsonObject body = json(reply);
        assertEquals(reason, body.get("protection").getAsString(), reply.body());
        assertFalse(body.get("error").getAsString().isBlank());
    }

    int stored(String key) throws Exception {
        return first.adminJson("GET", "/admin/api/submissions?form=" + key, null).getAsJsonArray().size();
    }

    static HttpResponse<String> unlock(TestServer server, String key, String query, String password, boolean json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/f/" + key + "/unlock" + query))
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode(Map.of("password", List.of(password)))))
                .header("Content-Type", "application/x-www-form-urlencoded");
        return server.send(json ? request.header("Accept", "application/json") : request);
    }

    @Test
    void aPasswordFormAsksForItsPasswordAndOpensWithTheUnlockToken() throws Exception {
        String key = form("{\"password\": \"Tender-2027!\"}");
        JsonObject stored = first.adminJson("GET", "/admin/api/forms/" + key, null).getAsJsonObject();
        String hash = stored.getAsJsonObject("protection").get("password").getAsString();
        assertTrue(hash.startsWith("$argon2id$"), hash);
        assertFalse(stored.toString().contains("Tender-2027!"), "never stored or shown in clear");

        HttpResponse<String> prompt = page(first, "/f/" + key + "?utm_source=news");
        assertEquals(200, prompt.statusCode());
        assertTrue(prompt.body().contains("type=\"password\""), prompt.body());
        assertFalse(prompt.body().contains("_fh_token"), "no form before the password");
        assertTrue(prompt.body().contains("/f/" + key + "/unlock?utm_source=news"), "the page's query goes along");
        assertRefused(first.submitJson(key, Map.of("email", List.of("a@example.org"))), 403, "password");

        HttpResponse<String> wrong = unlock(first, key, "?utm_source=news", "tender-2027!", false);
        assertEquals(403, wrong.statusCode());
        assertTrue(wrong.body().contains("type=\"password\""));
        HttpResponse<String> right = unlock(second, key, "?utm_source=news", "Tender-2027!", false);
        assertEquals(303, right.statusCode(), right.body());
        String location = right.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/f/" + key + "\\?utm_source=news&fh_unlock=[A-Za-z0-9_.-]+"), location);

        Map<String, List<String>> hidden = hiddenInputs(page(first, location));
        assertTrue(hidden.containsKey("_fh_unlock"), "the page carries the unlock token");
        assertEquals(202, first.submitJson(key, entry(hidden, "bidder@example.org")).statusCode());
        Map<String, List<String>> forged = entry(hiddenInputs(page(second, location)), "forger@example.org");
        forged.put("_fh_unlock", List.of(forged.get("_fh_unlock").get(0) + "x"));
        assertRefused(second.submitJson(key, forged), 403, "password");

        // GET, edit, PUT: the hash comes back unchanged and the password still works
        stored.addProperty("title", "Tender (edited)");
        first.adminJson("PUT", "/admin/api/forms/" + key, stored.toString());
        String token = json(unlock(first, key, "", "Tender-2027!", true)).get("unlock").getAsString();
        assertEquals(200, page(second, "/f/" + key + "?fh_unlock=" + token).statusCode());
        // a new password ends every earlier unlock
        stored = first.adminJson("GET", "/admin/api/forms/" + key, null).getAsJsonObject();
        stored.getAsJsonObject("protection").addProperty("password", "Another-2028!");
        first.adminJson("PUT", "/admin/api/forms/" + key, stored.toString());
        assertTrue(page(first, "/f/" + key + "?fh_unlock=" + token).body().contains("type=\"password\""));
    }

    @Test
    void wrongPasswordsAreThrottledOverBothInstances() throws Exception {
        String key = form("{\"password\": \"Tender-2027!\"}");
        for (int i = 0; i < 5; i++) {
            TestServer server = i % 2 == 0 ? first : second;
            assertRefused(unlock(server, key, "", "guess-" + i, true), 403, "password");
        }
        HttpResponse<String> throttled = unlock(second, key, "", "Tender-2027!", true);
        assertRefused(throttled, 429, "password");
        assertEquals("900", throttled.headers().firstValue("Retry-After").orElse(""));
        assertEquals(429, unlock(first, key, "", "Tender-2027!", false).statusCode(), "the right one waits too");
    }

    @Test
    void onlyTheAllowedNetworksMayOpenOrSend() throws Exception {
        String closed = form("{\"allowedIps\": [\"203.0.113.0/24\", \"2001:db8::/32\"]}");
        HttpResponse<String> refused = page(first, "/f/" + closed);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Netzwerk"), refused.body());
        assertFalse(refused.body().contains("_fh_token"));
        assertRefused(second.submitJson(closed, Map.of("email", List.of("a@example.org"))), 403, "address");

        String open = form("{\"allowedIps\": [\"203.0.113.0/24\", \"127.0.0.0/8\", \"::1\"]}");
        assertEquals(202, second.submitJson(open, entry(hiddenInputs(page(first, "/f/" + open)), "in@example.org"))
                .statusCode());
    }

    @Test
    void behindAProxyTheForwardedAddressDecides() throws Exception {
        try (TestServer proxied = TestServer.onH2().with("http.forwarded", "true").start()) {
            proxied.adminJson("PUT", "/admin/api/forms/office", withProtection(TestForms.emailOnly("office", "Office"),
                    "{\"allowedIps\": [\"203.0.113.0/24\", \"2001:db8::/32\"]}"));
            assertEquals(200, via(proxied, "203.0.113.7").statusCode());
            assertEquals(200, via(proxied, "2001:db8::7").statusCode());
            assertEquals(403, via(proxied, "198.51.100.7").statusCode());
        }
        try (TestServer direct = TestServer.onH2().start()) {
            direct.adminJson("PUT", "/admin/api/forms/office", withProtection(TestForms.emailOnly("office", "Office"),
                    "{\"allowedIps\": [\"203.0.113.0/24\"]}"));
            assertEquals(403, via(direct, "203.0.113.7").statusCode(), "a client cannot pick its own address");
        }
    }

    static HttpResponse<String> via(TestServer server, String visitor) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/f/office")).GET().header("X-Forwarded-For", visitor));
    }

    static String withProtection(String definition, String protection) {
        JsonObject d = JsonParser.parseString(definition).getAsJsonObject();
        d.add("protection", JsonParser.parseString(protection));
        return d.toString();
    }

    @Test
    void beforeItOpensAndAfterItClosesTheFormSaysSo() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(1));
        String early = form("{\"opensAt\": \"" + now.plusDays(2).withNano(0) + "\"}");
        HttpResponse<String> notYet = page(first, "/f/" + early);
        assertEquals(403, notYet.statusCode());
        assertTrue(notYet.body().contains("öffnet am"), notYet.body());
        assertRefused(second.submitJson(early, Map.of("email", List.of("a@example.org"))), 403, "notYetOpen");

        String late = form("{\"closesAt\": \"" + now.minusMinutes(1).withNano(0)
                + "\", \"closedMessage\": {\"de\": \"Die Ausschreibung ist beendet.\", \"en\": \"The tender is over.\"}}");
        HttpResponse<String> over = page(second, "/f/" + late);
        assertEquals(403, over.statusCode());
        assertTrue(over.body().contains("Die Ausschreibung ist beendet."), over.body());
        HttpResponse<String> post = first.submitJson(late, Map.of("email", List.of("a@example.org")));
        assertRefused(post, 403, "closed");
        assertEquals("Die Ausschreibung ist beendet.", json(post).get("error").getAsString());

        String window = form("{\"opensAt\": \"" + now.minusDays(1).withNano(0) + "\", \"closesAt\": \""
                + now.plusDays(1).withNano(0) + "\"}");
        assertEquals(202, first.submitJson(window, entry(hiddenInputs(page(first, "/f/" + window)), "w@example.org"))
                .statusCode());
    }

    @Test
    void twoVisitorsOnTwoInstancesRaceForTheLastPlaceAndOneGetsIt() throws Exception {
        String key = form("{\"maxSubmissions\": 2, \"closedMessage\": \"Alle Plätze sind vergeben.\"}");
        assertEquals(202, first.submitJson(key, entry(hiddenInputs(page(first, "/f/" + key)), "early@example.org"))
                .statusCode());
        Map<String, List<String>> one = entry(hiddenInputs(page(first, "/f/" + key)), "one@example.org");
        Map<String, List<String>> two = entry(hiddenInputs(page(second, "/f/" + key)), "two@example.org");
        List<HttpResponse<String>> replies = race(List.of(() -> first.submitJson(key, one),
                () -> second.submitJson(key, two)));
        List<Integer> statuses = replies.stream().map(HttpResponse::statusCode).sorted().toList();
        assertEquals(List.of(202, 403), statuses, replies.toString());
        HttpResponse<String> loser = replies.stream().filter(r -> r.statusCode() == 403).findFirst().orElseThrow();
        assertRefused(loser, 403, "full");
        assertEquals("Alle Plätze sind vergeben.", json(loser).get("error").getAsString());
        assertEquals(2, stored(key));
        HttpResponse<String> full = page(second, "/f/" + key);
        assertEquals(403, full.statusCode());
        assertTrue(full.body().contains("Alle Plätze sind vergeben."));
        // the winner's browser retry is still answered as before, though the form is full now
        Map<String, List<String>> winner = replies.get(0).statusCode() == 202 ? one : two;
        assertEquals(json(replies.stream().filter(r -> r.statusCode() == 202).findFirst().orElseThrow()).get("id"),
                json(first.submitJson(key, winner)).get("id"));
    }

    @Test
    void manyVisitorsOnTwoInstancesFillExactlyThePlaces() throws Exception {
        String key = form("{\"maxSubmissions\": 3}");
        List<Callable<HttpResponse<String>>> visitors = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TestServer server = i % 2 == 0 ? first : second;
            Map<String, List<String>> e = entry(hiddenInputs(page(server, "/f/" + key)), "v" + i + "@example.org");
            visitors.add(() -> server.submitJson(key, e));
        }
        List<HttpResponse<String>> replies = race(visitors);
        assertEquals(3, replies.stream().filter(r -> r.statusCode() == 202).count(), replies.toString());
        assertEquals(7, replies.stream().filter(r -> r.statusCode() == 403).count(), replies.toString());
        assertEquals(3, stored(key));
    }

    @Test
    void aOneTimeKeyOpensTheFormForOneSubmissionOverBothInstances() throws Exception {
        String key = form("{\"closedMessage\": \"-\"}");
        JsonObject batch = first.adminJson("POST", "/admin/api/forms/" + key + "/one-time-keys", "{\"count\": 3}")
                .getAsJsonObject();
        JsonArray keys = batch.getAsJsonArray("keys");
        assertEquals(3, keys.size());
        String k = keys.get(0).getAsString();
        String definition = first.adminJson("GET", "/admin/api/forms/" + key, null).toString();
        assertFalse(definition.contains(k), "only its hash is stored");
        assertTrue(definition.contains("sha256:"), definition);

        assertEquals(403, page(first, "/f/" + key).statusCode());
        assertEquals(403, page(first, "/f/" + key + "?fh_key=not-a-key-of-this-form").statusCode());
        assertRefused(first.submitJson(key, Map.of("email", List.of("a@example.org"))), 403, "keyMissing");

        Map<String, List<String>> one = entry(hiddenInputs(page(first, "/f/" + key + "?fh_key=" + k)), "1@example.org");
        Map<String, List<String>> two = entry(hiddenInputs(page(second, "/f/" + key + "?fh_key=" + k)), "2@example.org");
        assertEquals(List.of(k), one.get("_fh_key"));
        List<HttpResponse<String>> replies = race(List.of(() -> first.submitJson(key, one),
                () -> second.submitJson(key, two)));
        assertEquals(List.of(202, 403), replies.stream().map(HttpResponse::statusCode).sorted().toList());
        assertRefused(replies.stream().filter(r -> r.statusCode() == 403).findFirst().orElseThrow(), 403, "keyUsed");
        HttpResponse<String> used = page(second, "/f/" + key + "?fh_key=" + k);
        assertEquals(403, used.statusCode());
        assertTrue(used.body().contains("bereits verwendet"), used.body());
        String other = keys.get(1).getAsString();
        assertEquals(202, second.submitJson(key, entry(hiddenInputs(page(second, "/f/" + key + "?fh_key=" + other)),
                "3@example.org")).statusCode());
        assertEquals(2, stored(key));
        assertEquals(400, first.admin("POST", "/admin/api/forms/" + key + "/one-time-keys", "{\"count\": 0}")
                .statusCode());
    }

    @Test
    void aSectionThatCannotWorkIsRefusedNamingItsPlace() throws Exception {
        for (String[] bad : new String[][] {
                {"{\"captcha\": true}", "protection.captcha"},
                {"{\"allowedIps\": [\"office.example\"]}", "protection.allowedIps[0]"},
                {"{\"opensAt\": \"2027-03-01\"}", "protection.opensAt"},
                {"{\"maxSubmissions\": -1}", "protection.maxSubmissions"},
                {"{\"password\": \"\"}", "protection.password"}}) {
            HttpResponse<String> reply = first.admin("POST", "/admin/api/forms",
                    withProtection(TestForms.emailOnly("bad" + (++forms), "Bad"), bad[0]));
            assertEquals(400, reply.statusCode(), bad[0]);
            assertTrue(reply.body().contains(bad[1]), reply.body());
        }
    }

    /** Sends all at once (each waits for the others to be ready) and returns the replies in order. */
    static List<HttpResponse<String>> race(List<Callable<HttpResponse<String>>> sends) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sends.size());
        try {
            CountDownLatch ready = new CountDownLatch(sends.size());
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Callable<HttpResponse<String>> send : sends) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return send.call();
                }));
            }
            List<HttpResponse<String>> replies = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                replies.add(f.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
