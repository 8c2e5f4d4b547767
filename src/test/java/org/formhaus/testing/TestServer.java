package org.formhaus.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.formhaus.EmbeddedServer;
import org.formhaus.FormhausApp;
import org.formhaus.config.AppConfig;

/**
 * Formhaus on an in-process Jetty (port 0) with the sandbox simulator, on a throw-away database, plus the HTTP calls
 * tests make. One per test class; close it after.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.start(TestDatabase.mariaDb(), Map.of())) {
 *     server.admin("POST", "/admin/api/forms", json);
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    public static final String SIM_TOKEN = "simtoken0123456789abcdef01234567";
    public static final String SIM_SECRET = "simsecret0123456789abcdef0123456789abcdef0123456789abcdef012345";

    private final TestDatabase db;
    private final boolean ownsDatabase;
    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String console;

    private TestServer(TestDatabase db, boolean ownsDatabase, EmbeddedServer server, String console) {
        this.db = db;
        this.ownsDatabase = ownsDatabase;
        this.server = server;
        this.console = console;
    }

    /** Starts with sandbox on, no spam timing, and the given configuration overrides. */
    public static TestServer start(TestDatabase db, Map<String, String> overrides) throws Exception {
        return start(db, true, overrides);
    }

    /**
     * Another instance on a database a running TestServer owns (several Formhaus instances sharing one database);
     * closing it leaves the database to its owner.
     */
    public static TestServer join(TestDatabase db, Map<String, String> overrides) throws Exception {
        return start(db, false, overrides);
    }

    private static TestServer start(TestDatabase db, boolean ownsDatabase, Map<String, String> overrides)
            throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("db.url", db.url());
        settings.put("sandbox", "true");
        settings.put("spam.min.fill.seconds", "0");
        settings.put("ratelimit.submissions.per.minute", "0");
        settings.put("delivery.poll.millis", "50");
        settings.putAll(overrides);
        Map<String, String> env = Map.of("FORMHAUS_ADMIN_TOKEN", ADMIN_TOKEN, "FORMHAUS_ADMIN_PASSWORD", "admin-password",
                "FORMHAUS_SIM_TOKEN", SIM_TOKEN, "FORMHAUS_SIM_SECRET", SIM_SECRET);
        AppConfig config = AppConfig.of(settings, env);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);
        FormhausApp app = FormhausApp.start(config, console);
        EmbeddedServer server = EmbeddedServer.start(app, "127.0.0.1", 0);
        app.connectSandbox(server.baseUri(), console);
        return new TestServer(db, ownsDatabase, server, out.toString(StandardCharsets.UTF_8));
    }

    public URI uri(String path) {
        return server.baseUri().resolve(path);
    }

    public FormhausApp app() {
        return server.app();
    }

    /** What the app printed while starting. */
    public String console() {
        return console;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** An admin API call with the first admin's token; {@code body} may be null. */
    public HttpResponse<String> admin(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return send(HttpRequest.newBuilder(uri(path)).method(method, publisher)
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json"));
    }

    public JsonElement adminJson(String method, String path, String body) throws Exception {
        HttpResponse<String> response = admin(method, path, body);
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " → " + response.statusCode() + " " + response.body());
        }
        return JsonParser.parseString(response.body());
    }

    /** POSTs a form urlencoded, asking for JSON. */
    public HttpResponse<String> submitJson(String formKey, Map<String, List<String>> fields) throws Exception {
        return send(HttpRequest.newBuilder(uri("/f/" + formKey)).POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json"));
    }

    /** GET on the in-process simulator's inspection endpoints, e.g. "records/address". */
    public JsonElement simulator(String path) throws Exception {
        HttpResponse<String> response = get("/sandbox/onoffice/" + path);
        if (response.statusCode() != 200) {
            throw new AssertionError("simulator " + path + " → " + response.statusCode() + " " + response.body());
        }
        return JsonParser.parseString(response.body());
    }

    public HttpResponse<String> simulatorPost(String method, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/sandbox/onoffice/" + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
    }

    public static String encode(Map<String, List<String>> fields) {
        StringJoiner joined = new StringJoiner("&");
        fields.forEach((name, values) -> values.forEach(v -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return joined.toString();
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            if (ownsDatabase) {
                db.close();
            }
        }
    }
}
