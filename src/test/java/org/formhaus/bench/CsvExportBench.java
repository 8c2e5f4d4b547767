package org.formhaus.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.formhaus.privacy.TermHashes;
import org.formhaus.testing.AdminBrowserSession;
import org.formhaus.testing.TestServer;

/**
 * Issue #13's measurement, not a test: fills a fresh database with {@code BENCH_ROWS} (100,000) submissions of one
 * form, then streams {@code GET /admin/api/submissions.csv?form=bench} and prints rows, bytes, time and this JVM's
 * peak heap while streaming (run with a small -Xmx to show memory stays flat), and the time of the submissions
 * list's first page, of a page deep in the list (keyset) and of a search by e-mail. H2 (in a file) by default;
 * {@code BENCH_DB=mariadb} for MariaDB on 127.0.0.1:3306. Run it with {@code bench/csv-export.sh}.
 */
public final class CsvExportBench {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final String FORM = """
            { "key": "bench", "kind": "contact", "language": "de", "title": "Bench",
              "fields": [
                {"name": "vorname", "type": "text",  "label": "Vorname", "required": true, "maps": "address.Vorname"},
                {"name": "email",   "type": "email", "label": "E-Mail",  "required": true, "maps": "address.Email"},
                {"name": "text",    "type": "textarea", "label": "Nachricht"}
              ] }""";

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROWS", "100000"));
        boolean maria = "mariadb".equals(System.getenv("BENCH_DB"));
        java.nio.file.Path h2 = java.nio.file.Files.createTempDirectory("formhaus-bench-h2-");
        // H2 in a file, not in memory: the heap figures are then the export's, not the database's
        try (TestServer server = (maria ? TestServer.onMariaDb() : TestServer.on(
                org.formhaus.testing.TestDatabase.h2File(h2))).with("retention.days", "0").start()) {
            server.adminJson("POST", "/admin/api/forms", FORM);
            long filled = System.nanoTime();
            fill(server, rows);
            System.out.printf("database: %s, %,d submissions inserted in %.1f s%n", maria ? "MariaDB" : "H2", rows,
                    (System.nanoTime() - filled) / 1e9);

            System.gc();
            long before = MEMORY.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(before);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            HttpResponse<InputStream> reply = HttpClientHolder.send(server, "/admin/api/submissions.csv?form=bench"
                    + "&separator=semicolon");
            long bytes = 0;
            long lines = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = reply.body()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            long max = Runtime.getRuntime().maxMemory();
            System.out.printf("csv export: HTTP %d, %,d rows (+ header), %,d bytes in %.2f s = %,.0f rows/s%n",
                    reply.statusCode(), lines - 1, bytes, seconds, (lines - 1) / seconds);
            System.out.printf("heap (whole JVM: server and client): before %d MB, peak while streaming %d MB, "
                    + "max %d MB%n", before >> 20, peak.get() >> 20, max >> 20);

            AdminBrowserSession browser = new AdminBrowserSession(server);
            browser.signIn("admin@formhaus.local", TestServer.ADMIN_PASSWORD);
            browser.get("/admin/submissions?form=bench"); // warm-up
            time(browser, "list, first page", "/admin/submissions?form=bench");
            String deep = "/admin/submissions?form=bench&after=" + (1_000L + 50) + "_" + "00000000-0000-0000-0000-000000000000";
            time(browser, "list, page near the end (keyset)", deep);
            time(browser, "search by e-mail", "/admin/submissions?q=lead" + (rows / 2) + "@bench.example.org");
            time(browser, "search by name", "/admin/submissions?q=Lead" + (rows / 3));
        }
    }

    private static void time(AdminBrowserSession browser, String what, String path) throws Exception {
        long start = System.nanoTime();
        int status = browser.get(path).statusCode();
        System.out.printf("%s: HTTP %d in %.1f ms%n", what, status, (System.nanoTime() - start) / 1e6);
    }

    /** Rows straight into the tables (as accepting them would write them), in batches. */
    private static void fill(TestServer server, int rows) throws Exception {
        TermHashes hashes = new TermHashes(server.app().instance().getOrCreateSecret("search.term.key"));
        try (Connection c = server.app().database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO submission (id, account_id, form_key, "
                    + "form_version, status, data, records, created_ms, updated_ms) VALUES (?, 1, 'bench', 1, "
                    + "'delivered', ?, '{\"address\":\"1\"}', ?, ?)");
                 PreparedStatement t = c.prepareStatement("INSERT INTO submission_term (submission_id, account_id, "
                         + "term) VALUES (?, 1, ?)")) {
                for (int i = 0; i < rows; i++) {
                    String id = UUID.randomUUID().toString();
                    String email = "lead" + i + "@bench.example.org";
                    long at = 1_000L + i;
                    s.setString(1, id);
                    s.setString(2, "{\"values\":{\"vorname\":\"Lead" + i + " Müller\",\"email\":\"" + email
                            + "\",\"text\":\"" + (i % 10 == 0 ? "=1+1" : "Bitte um Rückruf, Nr. " + i)
                            + "\"},\"language\":\"de\",\"consents\":[],\"context\":{},\"files\":[]}");
                    s.setLong(3, at);
                    s.setLong(4, at);
                    s.addBatch();
                    for (String term : java.util.List.of(hashes.email(email), hashes.words("Lead" + i).iterator()
                            .next())) {
                        t.setString(1, id);
                        t.setString(2, term);
                        t.addBatch();
                    }
                    if (i % 1000 == 999) {
                        s.executeBatch();
                        t.executeBatch();
                        c.commit();
                    }
                }
                s.executeBatch();
                t.executeBatch();
                c.commit();
            }
        }
    }

    /** A client that streams the body instead of holding it. */
    private static final class HttpClientHolder {
        private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

        static HttpResponse<InputStream> send(TestServer server, String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer "
                    + TestServer.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofInputStream());
        }
    }
}
