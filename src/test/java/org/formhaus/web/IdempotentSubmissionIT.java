package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 15, public forms: a served form's token is single-use and expires. A double click or a browser's retry gets
 * the first answer and makes no second lead, across two instances on one MariaDB; the token with other values is
 * refused with 409. The honeypot's silent answer looks like a real one, repeats included. Runs with the default spam
 * settings (minimum fill time 2 s, 20 submissions per client and form and minute).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotentSubmissionIT {

    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    static final Map<String, String> DEFAULT_SPAM = Map.of("spam.min.fill.seconds", "2",
            "ratelimit.submissions.per.minute", "20");

    TestServer first;
    TestServer second;
    int forms;

    @BeforeAll
    void start() throws Exception {
        first = TestServer.onMariaDb().with(DEFAULT_SPAM).start();
        second = TestServer.joining(first.database()).with(DEFAULT_SPAM).start();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            second.close();
        } finally {
            first.close();
        }
    }

    /** A form of its own for each test: the per-client limit and the counts stay apart. */
    String newForm() throws Exception {
        String key = "once" + (++forms);
        first.adminJson("POST", "/admin/api/forms", TestForms.contact(key));
        return key;
    }

    /** The token of a freshly served page, once the minimum fill time has passed for it. */
    static String servedToken(TestServer server, String key) throws Exception {
        return ripe(token(server, key));
    }

    static String token(TestServer server, String key) throws Exception {
        Matcher m = Pattern.compile("name=\"_fh_token\" value=\"([^\"]+)\"").matcher(server.get("/f/" + key).body());
        assertTrue(m.find());
        return m.group(1);
    }

    /** {@code token} once the minimum fill time has passed for it. */
    static String ripe(String token) throws Exception {
        long servedAt = Long.parseLong(token.substring(0, token.indexOf('.')));
        Await.until("the minimum fill time to pass", Duration.ofSeconds(10),
                () -> System.currentTimeMillis() - servedAt > 2100 ? true : null);
        return token;
    }

    static Map<String, List<String>> entry(String token, String email) {
        Map<String, List<String>> e = new HashMap<>(ContactFormEndToEnd.entry(email));
        e.put("_fh_token", List.of(token));
        e.put("_fh_website", List.of(""));
        return e;
    }

    static HttpResponse<String> browserPost(TestServer server, String key, Map<String, List<String>> fields)
            throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/f/" + key))
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode(fields)))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    int stored(String key) throws Exception {
        return first.adminJson("GET", "/admin/api/submissions?form=" + key, null).getAsJsonArray().size();
    }

    static String id(HttpResponse<String> reply) {
        assertEquals(202, reply.statusCode(), reply.body());
        return JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
    }

    @Test
    void aRepeatedSubmissionGetsTheSameIdAndStoresNothingNew() throws Exception {
        String key = newForm();
        Map<String, List<String>> entry = entry(servedToken(first, key), "double.click@example.org");
        String id = id(first.submitJson(key, entry));
        assertTrue(UUID.matcher(id).matches(), id);
        assertEquals(id, id(first.submitJson(key, entry)), "a browser's retry");
        assertEquals(id, id(second.submitJson(key, entry)), "the retry reached the other instance");
        assertEquals(1, stored(key));
        JsonObject submission = first.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
        assertEquals("double.click@example.org", submission.getAsJsonObject("data").getAsJsonObject("values")
                .get("email").getAsString());
    }

    @Test
    void oneTokenSentManyTimesAtOnceToTwoInstancesMakesOneLead() throws Exception {
        String key = newForm();
        Map<String, List<String>> entry = entry(servedToken(first, key), "many.clicks@example.org");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                TestServer server = i % 2 == 0 ? first : second;
                Callable<HttpResponse<String>> send = () -> server.submitJson(key, entry);
                replies.add(pool.submit(send));
            }
            Set<String> ids = new HashSet<>();
            for (Future<HttpResponse<String>> reply : replies) {
                ids.add(id(reply.get()));
            }
            assertEquals(1, ids.size(), "every repeat answered with the one id: " + ids);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, stored(key));
    }

    @Test
    void theTokenOfAnAcceptedSubmissionWithOtherValuesIsRefusedWith409() throws Exception {
        String key = newForm();
        String token = servedToken(first, key);
        id(first.submitJson(key, entry(token, "first@example.org")));

        HttpResponse<String> json = second.submitJson(key, entry(token, "changed@example.org"));
        assertEquals(409, json.statusCode(), json.body());
        JsonObject body = JsonParser.parseString(json.body()).getAsJsonObject();
        assertEquals(Set.of("error"), body.keySet(), json.body());
        assertTrue(body.get("error").getAsString().contains("bereits mit anderen Angaben gesendet"), json.body());

        HttpResponse<String> page = browserPost(first, key, entry(token, "changed@example.org"));
        assertEquals(409, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<h1 class=\"fh-title\">Bereits gesendet</h1>"), page.body());
        assertTrue(page.body().contains("bereits mit anderen Angaben gesendet"), page.body());
        assertEquals(1, stored(key));
    }

    @Test
    void aBrowserThatSendsAgainIsSentToTheThankYouPageAgain() throws Exception {
        String key = newForm();
        Map<String, List<String>> entry = entry(servedToken(first, key), "browser.retry@example.org");
        HttpResponse<String> firstTry = browserPost(first, key, entry);
        assertEquals(303, firstTry.statusCode(), firstTry.body());
        HttpResponse<String> retry = browserPost(second, key, entry);
        assertEquals(303, retry.statusCode(), retry.body());
        assertEquals(firstTry.headers().firstValue("Location"), retry.headers().firstValue("Location"));
        assertEquals(1, stored(key));
    }

    @Test
    void aTokenServedLongerAgoThanItsValidityIsRefused() throws Exception {
        String key = newForm();
        // A token this instance really issued, 24 hours and a minute ago (the default validity is 24 hours).
        FormToken tokens = new FormToken(first.app().instance().getOrCreateSecret("form.token.key"));
        String old = tokens.issue(key, System.currentTimeMillis() - Duration.ofHours(24).plusMinutes(1).toMillis());
        HttpResponse<String> reply = first.submitJson(key, entry(old, "late@example.org"));
        assertEquals(400, reply.statusCode(), reply.body());
        assertTrue(reply.body().contains("abgelaufen"), reply.body());
        String fresh = tokens.issue(key, System.currentTimeMillis() - Duration.ofHours(23).toMillis());
        id(first.submitJson(key, entry(fresh, "in.time@example.org")));
        assertEquals(1, stored(key));
    }

    @Test
    void theHoneypotsAnswerLooksLikeARealOneRepeatsIncluded() throws Exception {
        String key = newForm();
        String realToken = token(first, key);
        Map<String, List<String>> bot = entry(servedToken(first, key), "bot@example.org");
        Map<String, List<String>> real = entry(ripe(realToken), "real@example.org");
        bot.put("_fh_website", List.of("http://cheap-pills.example"));

        HttpResponse<String> realReply = first.submitJson(key, real);
        HttpResponse<String> botReply = first.submitJson(key, bot);
        assertEquals(realReply.statusCode(), botReply.statusCode());
        assertEquals(headerNames(realReply), headerNames(botReply));
        JsonObject realBody = JsonParser.parseString(realReply.body()).getAsJsonObject();
        JsonObject botBody = JsonParser.parseString(botReply.body()).getAsJsonObject();
        assertEquals(realBody.keySet(), botBody.keySet());
        assertEquals(realBody.get("status"), botBody.get("status"));
        String botId = botBody.get("id").getAsString();
        assertTrue(UUID.matcher(botId).matches(), "the same id format as a real submission's: " + botId);
        assertFalse(botReply.body().contains("spam"), botReply.body());

        assertEquals(botId, id(second.submitJson(key, bot)), "a repeat gets the same id, as a real one would");
        Map<String, List<String>> botChanged = new HashMap<>(bot);
        botChanged.put("email", List.of("other.bot@example.org"));
        assertEquals(409, first.submitJson(key, botChanged).statusCode(), "other values: 409, as a real one");

        assertEquals(1, stored(key), "only the real one is stored");
        assertEquals(404, first.admin("GET", "/admin/api/submissions/" + botId, null).statusCode());
        assertEquals(1, first.adminJson("GET", "/admin/api/forms/" + key, null).getAsJsonObject()
                .getAsJsonObject("spam").get("honeypot").getAsLong());
    }

    @Test
    void aBotThatFillsTheHoneypotIsToldWhatAPersonWouldBeTold() throws Exception {
        String key = newForm();
        String botToken = token(first, key);
        String browserBotToken = token(first, key);
        String realToken = token(first, key);
        Map<String, List<String>> bot = entry(ripe(botToken), "not-an-address");
        bot.put("_fh_website", List.of("http://cheap-pills.example"));
        HttpResponse<String> invalid = first.submitJson(key, bot);
        assertEquals(422, invalid.statusCode(), "invalid values: the errors a person gets");
        assertTrue(invalid.body().contains("\"email\""), invalid.body());

        Map<String, List<String>> browserBot = entry(ripe(browserBotToken), "browser.bot@example.org");
        browserBot.put("_fh_website", List.of("http://cheap-pills.example"));
        HttpResponse<String> page = browserPost(first, key, browserBot);
        HttpResponse<String> real = browserPost(first, key, entry(ripe(realToken), "browser.real@example.org"));
        assertEquals(real.statusCode(), page.statusCode());
        // the same page, each with an id of the same shape (the bot's is made up, as its discard's receipt)
        assertEquals(real.headers().firstValue("Location").map(IdempotentSubmissionIT::withoutId),
                page.headers().firstValue("Location").map(IdempotentSubmissionIT::withoutId));
        assertTrue(real.headers().firstValue("Location").orElseThrow().matches(".*fh_submission=[0-9a-f-]{36}"));
        assertTrue(page.headers().firstValue("Location").orElseThrow().matches(".*fh_submission=[0-9a-f-]{36}"));
        assertEquals(headerNames(real), headerNames(page));
    }

    static String withoutId(String location) {
        return location.replaceAll("fh_submission=[0-9a-f-]{36}", "fh_submission=ID");
    }

    static Set<String> headerNames(HttpResponse<String> reply) {
        Set<String> names = new TreeSet<>();
        reply.headers().map().keySet().forEach(name -> names.add(name.toLowerCase(java.util.Locale.ROOT)));
        return names;
    }
}
