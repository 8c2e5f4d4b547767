package org.formhaus.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.formhaus.EmbeddedServer;
import org.formhaus.FormhausApp;
import org.formhaus.config.AppConfig;
import org.formhaus.simulator.SimulatorServer;

/**
 * Issue 14's measurements on MariaDB, not a test (run {@code bench/operations.sh}):
 * <ol>
 *   <li>acceptance throughput: submissions accepted per second over HTTP (8 clients, each submission stored with its
 *   delivery job in one transaction) as a share of a bare JDBC insert-and-commit of a row of the same size through
 *   HikariCP (same pool size, same 8 threads) on the same database, in the same run;</li>
 *   <li>time from acceptance to delivered, p50 and p99, with the onOffice simulator answering at once and in 200 ms,
 *   submissions arriving at a steady rate, the delivery settings as shipped.</li>
 * </ol>
 * The simulator runs in its own JVM. Tunables: BENCH_MARIADB (server URL, default jdbc:mariadb://127.0.0.1:3306/),
 * BENCH_SUBMISSIONS (3000), BENCH_RATE (2 a second: well within what delivery.per.account=2 delivers at 200 ms a
 * request), BENCH_SECONDS (50).
 */
public final class OperationsBench {

    private static final String TOKEN = "benchtoken0123456789abcdef012345";
    private static final String SECRET = "benchsecret0123456789abcdef0123456789abcdef0123456789abcdef0123";
    private static final String ADMIN_TOKEN = "bench-admin-token-0123456789";
    private static final String FORM = """
            { "key": "bench", "kind": "contact", "language": "de", "title": "Bench",
              "fields": [
                {"name": "vorname", "type": "text",  "label": "Vorname", "required": true, "maps": "address.Vorname"},
                {"name": "email",   "type": "email", "label": "E-Mail",  "required": true, "maps": "address.Email"},
                {"name": "text",    "type": "textarea", "label": "Nachricht"}
              ] }""";
    private static final int CLIENTS = 8;
    private static final int POOL = 10; // the shipped db.pool.size
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String SERVER = System.getenv().getOrDefault("BENCH_MARIADB", "jdbc:mariadb://127.0.0.1:3306/");

    public static void main(String[] args) throws Exception {
        int n = env("BENCH_SUBMISSIONS", 3000);
        int rate = env("BENCH_RATE", 2);
        int seconds = env("BENCH_SECONDS", 50);
        Process simulator = startSimulator();
        try {
            String sim = simulatorBase(simulator);
            System.out.printf(Locale.ROOT, "Formhaus operations bench (%d cores, load average %s)%n",
                    Runtime.getRuntime().availableProcessors(), loadAverage());
            throughput(n, sim);
            for (int latency : new int[]{0, 200}) {
                deliveryLatency(rate, seconds, latency, sim);
            }
        } finally {
            simulator.destroy();
        }
    }

    /** (a) Accepted submissions per second against a bare insert-and-commit, same database, same run. */
    private static void throughput(int n, String sim) throws Exception {
        String db = createDatabase();
        try {
            measureThroughput(db, n, sim);
        } finally {
            dropDatabase(db);
        }
    }

    private static void measureThroughput(String db, int n, String sim) throws Exception {
        double bare;
        double accepted;
        // The app first: it migrates the database, which Flyway wants empty; the bare table is added next to it.
        try (Running app = Running.on(db, sim)) {
            try (HikariDataSource pool = bareInsertPool(SERVER + db + "?user=root")) {
                runBareInserts(pool, n / 6); // warm-up
                long start = System.nanoTime();
                runBareInserts(pool, n);
                bare = n / ((System.nanoTime() - start) / 1e9);
            }
            post(sim + "faults", "{\"mode\": \"down\"}"); // acceptance only: delivery waits for onOffice
            submitAll(app.base, n / 6, CLIENTS); // warm-up
            long start = System.nanoTime();
            int ok = submitAll(app.base, n, CLIENTS);
            accepted = ok / ((System.nanoTime() - start) / 1e9);
            post(sim + "faults", "{\"mode\": \"ok\"}");
            if (ok != n) {
                throw new IllegalStateException("Bench failed: " + (n - ok) + " submissions not accepted");
            }
        }
        System.out.printf(Locale.ROOT, "%n(a) acceptance throughput on MariaDB, %d clients, %d submissions:%n",
                CLIENTS, n);
        System.out.printf(Locale.ROOT, "    bare JDBC insert-and-commit (HikariCP, pool %d): %.0f/s%n", POOL, bare);
        System.out.printf(Locale.ROOT, "    Formhaus submissions accepted (HTTP, stored with their delivery job): "
                + "%.0f/s = %.0f %% of the bare insert%n", accepted, 100 * accepted / bare);
    }

    /** (c) Acceptance → delivered, p50 and p99, the simulator answering after {@code latencyMs}. */
    private static void deliveryLatency(int rate, int seconds, int latencyMs, String sim) throws Exception {
        String db = createDatabase();
        try (Running app = Running.on(db, sim)) {
            post(sim + "faults", latencyMs == 0 ? "{\"mode\": \"ok\"}"
                    : "{\"mode\": \"slow\", \"latencyMs\": " + latencyMs + "}");
            int n = rate * seconds;
            ExecutorService clients = Executors.newFixedThreadPool(4);
            long start = System.nanoTime();
            AtomicInteger accepted = new AtomicInteger();
            for (int i = 0; i < n; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int k = i;
                clients.execute(() -> {
                    if (submit(app.base, k)) {
                        accepted.incrementAndGet();
                    }
                });
            }
            clients.shutdown();
            clients.awaitTermination(5, TimeUnit.MINUTES);
            String url = SERVER + db + "?user=root";
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (count(url, "SELECT COUNT(*) FROM submission WHERE status = 'delivered'") < accepted.get()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Bench failed: not everything delivered within 5 minutes");
                }
                Thread.sleep(200);
            }
            List<Long> millis = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT MIN(a.finished_ms) - MIN(s.created_ms) FROM submission s JOIN "
                         + "delivery_attempt a ON a.submission_id = s.id AND a.outcome = 'delivered' GROUP BY s.id")) {
                while (r.next()) {
                    millis.add(r.getLong(1));
                }
            }
            Collections.sort(millis);
            System.out.printf(Locale.ROOT, "%n(c) acceptance → delivered, onOffice answering %s, %d submissions at "
                    + "%d/s: p50 %d ms, p99 %d ms, max %d ms%n", latencyMs == 0 ? "at once" : "in " + latencyMs + " ms",
                    millis.size(), rate, percentile(millis, 50), percentile(millis, 99), millis.get(millis.size() - 1));
        } finally {
            dropDatabase(db);
        }
    }

    /** The app on a database of the MariaDB server, with the shipped settings but spam checks that a bench trips. */
    private record Running(FormhausApp app, EmbeddedServer server, String base) implements AutoCloseable {
        static Running on(String db, String sim) throws Exception {
            Map<String, String> settings = new HashMap<>(Map.of("db.url", SERVER + db, "db.user", "root",
                    "spam.min.fill.seconds", "0", "ratelimit.submissions.per.minute", "0",
                    "ratelimit.form.submissions.per.minute", "0", "onoffice.hosts", "localhost",
                    "secrets.key", org.formhaus.testing.TestServer.MASTER_KEY));
            FormhausApp app = FormhausApp.start(AppConfig.of(settings, Map.of("FORMHAUS_ADMIN_TOKEN", ADMIN_TOKEN,
                    "FORMHAUS_ADMIN_PASSWORD", "bench-password-0815")), new java.io.PrintStream(
                    java.io.OutputStream.nullOutputStream()));
            EmbeddedServer server = EmbeddedServer.start(app, "127.0.0.1", 0);
            String base = server.baseUri().toString().replaceAll("/$", "");
            admin(base, "PUT", "/admin/api/settings/onoffice", "{\"url\": \"" + sim + "api/stable/api.php\", "
                    + "\"token\": \"" + TOKEN + "\", \"secret\": \"" + SECRET + "\"}");
            admin(base, "POST", "/admin/api/forms", FORM);
            return new Running(app, server, base);
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    private static HikariDataSource bareInsertPool(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bare_insert (id CHAR(36) PRIMARY KEY, data MEDIUMTEXT NOT NULL, "
                    + "created_ms BIGINT NOT NULL)");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(POOL);
        return new HikariDataSource(config);
    }

    private static void runBareInserts(HikariDataSource pool, int n) throws Exception {
        // About the size of a stored submission of the bench form.
        String data = "{\"values\": {\"vorname\": \"Bench\", \"email\": \"bench.1@example.org\", \"text\": "
                + "\"Bitte um Rückruf\"}, \"context\": {}, \"files\": []}";
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < n; i++) {
            clients.execute(() -> {
                try (Connection c = pool.getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO bare_insert VALUES (?, ?, ?)")) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, data);
                        insert.setLong(3, System.currentTimeMillis());
                        insert.executeUpdate();
                    }
                    c.commit();
                } catch (Exception e) {
                    System.err.println("bare insert failed: " + e);
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.HOURS);
    }

    private static int submitAll(String base, int n, int threads) throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < n; i++) {
            int k = i;
            clients.execute(() -> {
                if (submit(base, k)) {
                    accepted.incrementAndGet();
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.HOURS);
        return accepted.get();
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static boolean submit(String base, int k) {
        String body = "vorname=Bench&email=bench." + SEQUENCE.incrementAndGet() + "%40example.org&text=Bitte+um+R%C3%BCckruf";
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/f/bench"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 202) {
                return true;
            }
            System.err.println("submission " + k + " → " + r.statusCode() + " " + r.body());
        } catch (Exception e) {
            System.err.println("submission " + k + " failed: " + e);
        }
        return false;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String createDatabase() throws Exception {
        String name = "formhaus_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return name;
    }

    private static void dropDatabase(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); ResultSet row = c.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Process startSimulator() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                SimulatorServer.class.getName(), "--port", "0").redirectErrorStream(true);
        builder.environment().put("FORMHAUS_SIM_TOKEN", TOKEN);
        builder.environment().put("FORMHAUS_SIM_SECRET", SECRET);
        return builder.start();
    }

    private static String simulatorBase(Process simulator) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            int at = line.indexOf("http://");
            if (line.startsWith("onOffice simulator listening on") && at >= 0) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "simulator-output");
                drain.setDaemon(true);
                drain.start();
                return line.substring(at, line.indexOf("api/stable/api.php"));
            }
        }
        throw new IllegalStateException("The simulator did not start");
    }

    private static void admin(String base, String method, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
        }
    }

    private static void post(String url, String body) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }
}
