package org.formhaus.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.simulator.Simulator;
import org.formhaus.simulator.SimulatorServer;
import org.formhaus.testing.AdminBrowserSession;
import org.formhaus.testing.Await;
import org.formhaus.testing.TcpProxy;
import org.formhaus.testing.TestDatabase;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 14, scale-out: two instances on one MariaDB behind a round-robin load balancer (a {@link TcpProxy} sending
 * each new connection to the next instance) count as one: the per-client rate limit and the per-form flood threshold
 * over both, a proof of work used on one is refused on the other, the sign-in throttle counts failures made on either,
 * every lead is delivered exactly once, and a served form's token is single-use over both. The visitor's address comes
 * from X-Forwarded-For, as behind a real load balancer ({@code http.forwarded=true}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {

    private static final Map<String, String> SETTINGS = Map.of("sandbox", "false", "onoffice.hosts", "localhost",
            "http.forwarded", "true", "ratelimit.submissions.per.minute", "3",
            "ratelimit.form.submissions.per.minute", "4", "admin.login.max.failures.per.email", "3",
            "delivery.poll.millis", "20");

    private SimulatorServer sim;
    private TestServer a;
    private TestServer b;
    private TcpProxy balancer;

    @BeforeAll
    void start() throws Exception {
        sim = SimulatorServer.start(Simulator.create(TestServer.SIM_TOKEN, TestServer.SIM_SECRET), 0);
        TestDatabase db = TestDatabase.mariaDb();
        a = TestServer.on(db).with(SETTINGS).start();
        b = TestServer.joining(db).with(SETTINGS).start();
        balancer = TcpProxy.roundRobin(a.uri("/").getPort(), b.uri("/").getPort());
        a.adminJson("PUT", "/admin/api/settings/onoffice", Leads.onOfficeSettings(sim.apiUri()));
        for (String key : List.of("limited", "flooded", "once-0", "once-1", "once-2", "tokened")) {
            a.adminJson("POST", "/admin/api/forms", Leads.FORM.replace("\"key\": \"lead\"", "\"key\": \"" + key + "\""));
        }
    }

    @AfterAll
    void stop() throws Exception {
        balancer.close();
        b.close();
        a.close();
        sim.close();
    }

    @Test
    void thePerClientRateLimitCountsSubmissionsToEitherInstance() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(submit("limited", "10.0.0.1", Leads.entry("client" + i + "@example.org")).statusCode());
        }
        // Each instance saw two: alone, either would have let all four through.
        assertEquals(List.of(202, 202, 202, 429), statuses);
        assertBothAnswered();
    }

    @Test
    void theFloodThresholdCountsOverBothAndAProofUsedOnOneIsRefusedOnTheOther() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertEquals(202, submit("flooded", "10.0.1." + i, Leads.entry("flood" + i + "@example.org"))
                    .statusCode());
        }
        HttpResponse<String> asked = submit("flooded", "10.0.1.10", Leads.entry("asked@example.org"));
        assertEquals(428, asked.statusCode(), "the fifth of the form within a minute, over both: " + asked.body());
        String solution = solve(JsonParser.parseString(asked.body()).getAsJsonObject().getAsJsonObject("proofOfWork"));

        Map<String, List<String>> solved = new HashMap<>(Leads.entry("solved@example.org"));
        solved.put("_fh_pow", List.of(solution));
        HttpResponse<String> accepted = submit("flooded", "10.0.1.11", solved);
        assertEquals(202, accepted.statusCode(), accepted.body());
        int solvedOn = last();
        Map<String, List<String>> replayed = new HashMap<>(Leads.entry("replayed@example.org"));
        replayed.put("_fh_pow", List.of(solution));
        HttpResponse<String> refused = submit("flooded", "10.0.1.12", replayed);
        assertNotEquals(solvedOn, last(), "the replay went to the other instance");
        assertEquals(400, refused.statusCode(), refused.body());
    }

    @Test
    void theSignInThrottleCountsFailuresOnEitherInstance() throws Exception {
        String email = "guesser.target@agentur.example";
        // Each attempt in its own session, the instances taking turns (as a balancer with sticky sessions does for
        // different clients).
        for (TestServer instance : List.of(a, b, a)) {
            assertEquals(401, new AdminBrowserSession(instance).signIn(email, "wrong-guess").statusCode());
        }
        assertEquals(429, new AdminBrowserSession(b).signIn(email, "another-guess").statusCode(),
                "the fourth failure within the window, over both instances");
    }

    @Test
    void everyLeadSentThroughTheBalancerIsDeliveredExactlyOnce() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // over three forms: four a minute each is their flood threshold here
            String email = "once." + i + "@example.org";
            emails.add(email);
            assertEquals(202, submit("once-" + i % 3, "10.0.2." + i, Leads.entry(email)).statusCode());
        }
        Await.until("the leads delivered", Duration.ofSeconds(60), () -> Leads.count(a.database().url(),
                "SELECT COUNT(*) FROM submission WHERE form_key LIKE 'once-%' AND status = 'delivered'") == 12
                ? true : null);
        Leads.assertExactlyOnce(sim.simulator().records("address"), sim.simulator().mails(), emails);
    }

    @Test
    void aServedFormsTokenIsSingleUseOverBothInstances() throws Exception {
        Matcher token = Pattern.compile("name=\"_fh_token\" value=\"([^\"]+)\"").matcher(
                send(HttpRequest.newBuilder(URI.create(base() + "/f/tokened")).GET(), "10.0.3.1").body());
        assertEquals(true, token.find());
        Map<String, List<String>> entry = new HashMap<>(Leads.entry("token.once@example.org"));
        entry.put("_fh_token", List.of(token.group(1)));
        HttpResponse<String> first = submit("tokened", "10.0.3.1", entry);
        int firstOn = last();
        HttpResponse<String> repeat = submit("tokened", "10.0.3.1", entry);
        assertNotEquals(firstOn, last(), "the repeat went to the other instance");
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(id(first), id(repeat), "a repeat gets the first answer");
        entry.put("email", List.of("other.values@example.org"));
        assertEquals(409, submit("tokened", "10.0.3.1", entry).statusCode());
        assertEquals(1, Leads.count(a.database().url(), "SELECT COUNT(*) FROM submission WHERE form_key = 'tokened'"));
    }

    private HttpResponse<String> submit(String form, String client, Map<String, List<String>> fields)
            throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + "/f/" + form))
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode(fields)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json"),
                client);
    }

    /** Through the balancer on a connection of its own, so that the next request goes to the other instance. */
    private HttpResponse<String> send(HttpRequest.Builder request, String client) throws Exception {
        HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return fresh.send(request.header("X-Forwarded-For", client).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + balancer.port();
    }

    /** The instance (port) the last request went to. */
    private int last() {
        List<Integer> routed = balancer.routed();
        return routed.get(routed.size() - 1);
    }

    private void assertBothAnswered() {
        assertEquals(2, balancer.routed().stream().distinct().count(), "both instances answered");
    }

    private static String id(HttpResponse<String> reply) {
        return JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
    }

    /** What form.js does: tries the numbers until one hashes to the challenge. */
    private static String solve(JsonObject challenge) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String salt = challenge.get("salt").getAsString();
        String target = challenge.get("challenge").getAsString();
        for (int n = 0; n <= challenge.get("maxnumber").getAsInt(); n++) {
            if (HexFormat.of().formatHex(sha.digest((salt + n).getBytes(StandardCharsets.UTF_8))).equals(target)) {
                JsonObject solution = new JsonObject();
                solution.addProperty("algorithm", "SHA-256");
                solution.addProperty("challenge", target);
                solution.addProperty("number", n);
                solution.addProperty("salt", salt);
                solution.addProperty("signature", challenge.get("signature").getAsString());
                return Base64.getEncoder().encodeToString(solution.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("no solution");
    }
}
