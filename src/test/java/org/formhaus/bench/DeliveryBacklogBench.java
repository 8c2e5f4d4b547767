package org.formhaus.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.formhaus.EmbeddedServer;
import org.formhaus.FormhausApp;
import org.formhaus.config.AppConfig;
import org.formhaus.simulator.SimulatorServer;

/**
 * Issue #6's measurement, not a test: accepts {@code BENCH_SUBMISSIONS} (10,000) submissions over HTTP while the
 * onOffice simulator is down, brings it back answering every request in {@code BENCH_LATENCY_MS} (200 ms), and
 * prints the drain time and rate, lost and duplicated leads (counted in the simulator), and this JVM's heap used
 * after GC while the backlog builds and drains. The simulator runs in a JVM of its own, so the heap figures are the
 * app's. Run it with {@code bench/delivery-backlog.sh}.
 */
public final class DeliveryBacklogBench {

    private static final String TOKEN = "benchtoken0123456789abcdef012345";
    private static final String SECRET = "benchsecret0123456789abcdef0123456789abcdef0123456789abcdef0123";
    private static final String FORM = """
            { "key": "bench", "kind": "contact", "language": "de", "title": "Bench",
              "fields": [
                {"name": "vorname", "type": "text",  "label": "Vorname", "required": true, "maps": "address.Vorname"},
                {"name": "email",   "type": "email", "label": "E-Mail",  "required": true, "maps": "address.Email"},
                {"name": "text",    "type": "textarea", "label": "Nachricht"}
              ],
              "emails": {"confirmation": {"enabled": true}} }""";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final String ADMIN_TOKEN = "bench-admin-token-0123456789";

    public static void main(String[] args) throws Exception {
        int n = env("BENCH_SUBMISSIONS", 10_000);
        int latency = env("BENCH_LATENCY_MS", 200);
        int workers = env("BENCH_WORKERS", 32);
        String dbUrl = System.getenv().getOrDefault("BENCH_DB_URL",
                "jdbc:h2:file:./target/bench-db/formhaus-" + System.currentTimeMillis()
                        + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE");
        Process simulator = startSimulator();
        try {
            String simBase = simulatorBase(simulator);
            run(n, latency, workers, dbUrl, simBase);
        } finally {
            simulator.destroy();
        }
    }

    private static void run(int n, int latency, int workers, String dbUrl, String simBase) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("db.url", dbUrl, "db.pool.size", String.valueOf(workers + 8),
                "spam.min.fill.seconds", "0", "ratelimit.submissions.per.minute", "0",
                "delivery.workers", String.valueOf(workers), "delivery.per.account", String.valueOf(workers),
                "delivery.backoff.base.millis", "1000", "delivery.backoff.max.millis", "5000",
                "delivery.poll.millis", "100"));
        settings.put("ratelimit.form.submissions.per.minute", "0"); // one form takes the whole backlog
        settings.put("onoffice.hosts", "localhost"); // the simulator process on this machine
        settings.put("secrets.key", org.formhaus.testing.TestServer.MASTER_KEY); // MariaDB needs a master key
        FormhausApp app = FormhausApp.start(AppConfig.of(settings, Map.of("FORMHAUS_ADMIN_TOKEN", ADMIN_TOKEN,
                "FORMHAUS_ADMIN_PASSWORD", "bench-password")), System.out);
        try (EmbeddedServer server = EmbeddedServer.start(app, "127.0.0.1", 0)) {
            String base = server.baseUri().toString().replaceAll("/$", "");
            admin(base, "PUT", "/admin/api/settings/onoffice", "{\"url\": \"" + simBase + "api/stable/api.php\", "
                    + "\"token\": \"" + TOKEN + "\", \"secret\": \"" + SECRET + "\", \"senders\": [\"info@agentur.example\"]}");
            admin(base, "POST", "/admin/api/forms", FORM);
            post(simBase + "faults", "{\"mode\": \"down\"}");
            HeapSampler heap = new HeapSampler();

            long acceptStart = System.nanoTime();
            int accepted = acceptAll(base, n, heap);
            double acceptSeconds = (System.nanoTime() - acceptStart) / 1e9;
            System.out.printf(Locale.ROOT, "%nAccepted %d of %d submissions in %.1f s (%.0f/s) while onOffice was down%n",
                    accepted, n, acceptSeconds, accepted / acceptSeconds);
            System.out.printf(Locale.ROOT, "Heap used after GC with the backlog built: %s%n", heap.summary());

            HeapSampler drainHeap = new HeapSampler();
            post(simBase + "faults", "{\"mode\": \"slow\", \"latencyMs\": " + latency + "}");
            long drainStart = System.nanoTime();
            long delivered = 0;
            long lastReport = 0;
            while (delivered < accepted) {
                Thread.sleep(2000);
                delivered = count(dbUrl, "SELECT COUNT(*) FROM submission WHERE status = 'delivered'");
                drainHeap.sample();
                long elapsed = (System.nanoTime() - drainStart) / 1_000_000_000L;
                if (elapsed - lastReport >= 10) {
                    lastReport = elapsed;
                    System.out.printf(Locale.ROOT, "  %4d s: %d delivered, heap after GC %d MiB%n", elapsed, delivered,
                            drainHeap.last() >> 20);
                }
            }
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            report(simBase, n, accepted, delivered, latency, workers, drainSeconds, drainHeap);
        } // closing the server closes the app: delivery stops, the pool closes
    }

    private static void report(String simBase, int n, int accepted, long delivered, int latency, int workers,
                               double drainSeconds, HeapSampler heap) throws Exception {
        JsonArray addresses = JsonParser.parseString(get(simBase + "records/address")).getAsJsonArray();
        JsonArray mails = JsonParser.parseString(get(simBase + "mails")).getAsJsonArray();
        Map<String, Integer> byEmail = new HashMap<>();
        for (JsonElement a : addresses) {
            String s = a.toString();
            int at = s.indexOf("bench.");
            if (at >= 0) {
                byEmail.merge(s.substring(at, s.indexOf('"', at)), 1, Integer::sum);
            }
        }
        Map<String, Integer> mailsTo = new HashMap<>();
        for (JsonElement m : mails) {
            mailsTo.merge(m.getAsJsonObject().getAsJsonArray("to").get(0).getAsString(), 1, Integer::sum);
        }
        long duplicates = byEmail.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
        long mailDuplicates = mailsTo.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
        System.out.printf(Locale.ROOT, "%n=== Delivery backlog bench ===%n");
        System.out.printf(Locale.ROOT, "submissions accepted while down : %d of %d%n", accepted, n);
        System.out.printf(Locale.ROOT, "delivered (database)            : %d%n", delivered);
        System.out.printf(Locale.ROOT, "addresses in simulator (unique)  : %d%n", byEmail.size());
        System.out.printf(Locale.ROOT, "lost                             : %d%n", accepted - byEmail.size());
        System.out.printf(Locale.ROOT, "duplicate addresses              : %d%n", duplicates);
        System.out.printf(Locale.ROOT, "confirmation mails (unique/dups) : %d / %d%n", mailsTo.size(), mailDuplicates);
        System.out.printf(Locale.ROOT, "drain                            : %.1f s, %.1f submissions/s "
                + "(2 onOffice requests each, %d ms per request, %d workers)%n",
                drainSeconds, delivered / drainSeconds, latency, workers);
        System.out.printf(Locale.ROOT, "heap used after GC while draining: %s%n", heap.summary());
        if (accepted != n || byEmail.size() != accepted || duplicates > 0 || mailDuplicates > 0) {
            // A figure that does not hold must not pass for a measurement.
            throw new IllegalStateException("Bench failed: not every submission was accepted and delivered exactly once");
        }
    }

    private static int acceptAll(String base, int n, HeapSampler heap) throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int i = 0; i < n; i++) {
            int k = i;
            clients.execute(() -> {
                String body = "vorname=Bench&email=bench." + k + "%40example.org&text=Bitte+um+R%C3%BCckruf";
                try {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/f/bench"))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 202) {
                        accepted.incrementAndGet();
                    } else {
                        System.err.println("submission " + k + " → " + r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    System.err.println("submission " + k + " failed: " + e);
                }
                if (k % 1000 == 999) {
                    heap.sample();
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.HOURS);
        return accepted.get();
    }

    /** Heap used right after a full GC: what the app really holds, not garbage waiting to be collected. */
    private static final class HeapSampler {
        private final List<Long> samples = new ArrayList<>();

        synchronized void sample() {
            System.gc();
            samples.add(MEMORY.getHeapMemoryUsage().getUsed());
        }

        synchronized long last() {
            return samples.isEmpty() ? 0 : samples.get(samples.size() - 1);
        }

        synchronized String summary() {
            if (samples.isEmpty()) {
                return "no samples";
            }
            long min = samples.stream().mapToLong(Long::longValue).min().orElse(0);
            long max = samples.stream().mapToLong(Long::longValue).max().orElse(0);
            return String.format(Locale.ROOT, "min %d MiB, max %d MiB, first %d MiB, last %d MiB (%d samples)",
                    min >> 20, max >> 20, samples.get(0) >> 20, last() >> 20, samples.size());
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

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long count(String dbUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl); ResultSet row = c.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }
}
