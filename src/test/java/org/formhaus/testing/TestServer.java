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
import java.util.function.Supplier;
import org.formhaus.EmbeddedServer;
import org.formhaus.FormhausApp;
import org.formhaus.config.AppConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Formhaus on an in-process Jetty (port 0) with the sandbox simulator, on a throw-away database, plus the HTTP calls
 * tests make. Choose the database and settings with the {@link Builder}; for a whole test class, register it as an
 * extension: it starts before the first test and closes after the last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestServer server = TestServer.onMariaDb().with("retention.days", "0").perTestClass();
 *
 * server.admin("POST", "/admin/api/forms", TestForms.CONTACT);
 * server.simulator().fault(FaultMode.DOWN);
 * }</pre>
 *
 * For one test, {@link Builder#start()} it in a try-with-resources. Defaults: sandbox on, no minimum fill time, no
 * per-client rate limit, a 50 ms delivery poll, the master key {@link #MASTER_KEY}. Thread-safe once started.
 */
public final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    public static final String ADMIN_PASSWORD = "admin-password";
    public static final String SIM_TOKEN = "simtoken0123456789abcdef01234567";
    public static final String SIM_SECRET = "simsecret0123456789abcdef0123456789abcdef0123456789abcdef012345";
    /**
     * The master key tests run with (MariaDB counts as production, which needs one). Override {@code secrets.key}
     * (empty: none, the quick start's way on H2) or set {@code secrets.key.file} to test key handling itself.
     */
    public static final String MASTER_KEY = "dGVzdC1tYXN0ZXIta2V5LW5vdC1mb3ItcHJvZHVjdGk=";

    private final Supplier<TestDatabase> database;
    private final boolean ownsDatabase;
    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final SimulatorControls simulator = new SimulatorControls(this);
    private volatile TestDatabase db;
    private volatile EmbeddedServer server;
    private volatile String console;

    private TestServer(Supplier<TestDatabase> database, boolean ownsDatabase, Map<String, String> settings) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.settings = Map.copyOf(settings);
    }

    /** On a fresh schema of the machine's MariaDB, the production database. */
    public static Builder onMariaDb() {
        return new Builder(TestDatabase::mariaDb, true);
    }

    /** On a fresh in-memory H2 in MariaDB mode. */
    public static Builder onH2() {
        return new Builder(TestDatabase::h2, true);
    }

    /**
     * Another instance on a database that a running TestServer owns (several Formhaus instances sharing one
     * database); closing it leaves the database to its owner.
     */
    public static Builder joining(TestDatabase db) {
        return new Builder(() -> db, false);
    }

    /** On {@code db}, which this server drops when it closes. */
    public static Builder on(TestDatabase db) {
        return new Builder(() -> db, true);
    }

    /** What to start: the database and configuration overrides. Immutable once built; each call returns itself. */
    public static final class Builder {
        private final Supplier<TestDatabase> database;
        private final boolean ownsDatabase;
        private final Map<String, String> settings = new HashMap<>();

        private Builder(Supplier<TestDatabase> database, boolean ownsDatabase) {
            this.database = database;
            this.ownsDatabase = ownsDatabase;
            settings.put("sandbox", "true");
            settings.put("spam.min.fill.seconds", "0");
            settings.put("ratelimit.submissions.per.minute", "0");
            settings.put("delivery.poll.millis", "50");
            settings.put("secrets.key", MASTER_KEY);
        }

        /** A configuration key of {@code conf/formhaus.properties} and its value for this server. */
        public Builder with(String key, String value) {
            if (key.equals("secrets.key.file")) {
                settings.remove("secrets.key"); // one or the other
            }
            settings.put(key, value);
            return this;
        }

        public Builder with(Map<String, String> overrides) {
            overrides.forEach(this::with);
            return this;
        }

        /** Started, and closed, by JUnit around the test class that registers it with {@code @RegisterExtension}. */
        public TestServer perTestClass() {
            return new TestServer(database, ownsDatabase, settings);
        }

        /** Started now; close it yourself. */
        public TestServer start() throws Exception {
            TestServer server = new TestServer(database, ownsDatabase, settings);
            server.open();
            return server;
        }
    }

    private void open() throws Exception {
        db = database.get();
        try {
            Map<String, String> overrides = new HashMap<>(settings);
            overrides.put("db.url", db.url());
            AppConfig config = AppConfig.of(overrides, Map.of("FORMHAUS_ADMIN_TOKEN", ADMIN_TOKEN,
                    "FORMHAUS_ADMIN_PASSWORD", ADMIN_PASSWORD, "FORMHAUS_SIM_TOKEN", SIM_TOKEN,
                    "FORMHAUS_SIM_SECRET", SIM_SECRET));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
            FormhausApp app = FormhausApp.start(config, printed);
            server = EmbeddedServer.start(app, "127.0.0.1", 0);
            app.connectSandbox(server.baseUri(), printed);
            console = out.toString(StandardCharsets.UTF_8);
        } catch (Exception | Error e) {
            if (ownsDatabase) {
                db.close();
            }
            throw e;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    private EmbeddedServer running() {
        EmbeddedServer running = server;
        if (running == null) {
            throw new IllegalStateException("The test server is not started: register it with @RegisterExtension "
                    + "(perTestClass) or call start()");
        }
        return running;
    }

    public URI uri(String path) {
        return running().baseUri().resolve(path);
    }

    public FormhausApp app() {
        return running().app();
    }

    /** The database this server runs on. */
    public TestDatabase database() {
        running();
        return db;
    }

    /** What the app printed while starting. */
    public String console() {
        running();
        return console;
    }

    /** The in-process onOffice simulator: faults, rights, mailboxes, and what it holds and received. */
    public SimulatorControls simulator() {
        return simulator;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #send}, keeping the body's bytes (downloads, CSV with a byte order mark). */
    public HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
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

    public static String encode(Map<String, List<String>> fields) {
        StringJoiner joined = new StringJoiner("&");
        fields.forEach((name, values) -> values.forEach(v -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return joined.toString();
    }

    /** Stops the server, then drops its database unless it joined another server's. Idempotent. */
    @Override
    public void close() throws Exception {
        EmbeddedServer running = server;
        server = null;
        try {
            if (running != null) {
                running.close();
            }
        } finally {
            if (ownsDatabase && db != null) {
                db.close();
            }
        }
    }
}
