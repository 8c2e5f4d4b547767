package org.formhaus.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.formhaus.EmbeddedServer;
import org.formhaus.FormhausApp;
import org.formhaus.config.AppConfig;

/**
 * The form page benchmark (bench/form-page.sh; not a test): Formhaus serving {@code GET /f/kontakt} and, in the same
 * JVM with the same Jetty settings (a default {@link Server} with one connector on 127.0.0.1 and a
 * {@link ServletContextHandler}, as {@link EmbeddedServer} builds it), a bare servlet that returns a fixed string.
 * A separate {@link LoadGenerator} process drives both, alternately, and this prints their requests per second, the
 * ratio, and the form page's latency at half its throughput.
 *
 * <p>Arguments (all optional): seconds per measurement (10), connections (16), rounds (2).
 */
public final class FormPageBench {

    static final String FORM = """
            { "key": "kontakt", "kind": "contact", "language": "de", "title": "Kontakt",
              "fields": [
                {"name": "vorname", "type": "text",  "label": "Vorname", "required": true, "maps": "address.Vorname"},
                {"name": "name",    "type": "text",  "label": "Nachname", "required": true, "maps": "address.Name"},
                {"name": "email",   "type": "email", "label": "E-Mail",  "required": true, "maps": "address.Email"},
                {"name": "telefon", "type": "phone", "label": "Telefon", "maps": "address.Telefon1"},
                {"name": "text",    "type": "textarea", "label": "Nachricht", "maps": "agentslog.Bemerkung"},
                {"name": "dsgvo",   "type": "consent", "label": "Ich stimme der Datenschutzerklärung zu.", "required": true}
              ] }""";
    static final byte[] FIXED = "Hello from a bare servlet".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String token = "bench-admin-token-0123456789";
        AppConfig config = AppConfig.of(Map.of("db.url", "jdbc:h2:mem:bench;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "ratelimit.submissions.per.minute", "0"), Map.of("FORMHAUS_ADMIN_TOKEN", token,
                "FORMHAUS_ADMIN_PASSWORD", "bench-password"));
        try (FormhausApp app = FormhausApp.start(config, new PrintStream(PrintStream.nullOutputStream()));
             EmbeddedServer formhaus = EmbeddedServer.start(app, "127.0.0.1", 0)) {
            Server bare = bareServer();
            try {
                URI formPage = formhaus.baseUri().resolve("/f/kontakt");
                URI fixed = URI.create("http://127.0.0.1:" + ((ServerConnector) bare.getConnectors()[0]).getLocalPort() + "/");
                define(formhaus.baseUri(), token);
                System.out.println("Warming up both servers ...");
                load("max", fixed, connections, seconds);
                load("max", formPage, connections, seconds);
                List<Double> bareRps = new ArrayList<>();
                List<Double> formRps = new ArrayList<>();
                for (int r = 1; r <= rounds; r++) {
                    String b = load("max", fixed, connections, seconds);
                    String f = load("max", formPage, connections, seconds);
                    System.out.println("round " + r + ": bare servlet " + b + " | GET /f/kontakt " + f);
                    bareRps.add(number(b, "rps"));
                    formRps.add(number(f, "rps"));
                }
                double bareAvg = bareRps.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                double formAvg = formRps.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                double half = formAvg / 2;
                String latency = load("rate", formPage, half, connections, seconds);
                System.out.printf("%nbare servlet:    %8.0f req/s%n", bareAvg);
                System.out.printf("GET /f/kontakt:  %8.0f req/s%n", formAvg);
                System.out.printf("ratio:           %8.1f %%   (target >= 70 %%)%n", 100 * formAvg / bareAvg);
                System.out.printf("p99 at %.0f req/s (half load): %.2f ms   (target < 10 ms; p50 %.2f ms, %s)%n", half,
                        number(latency, "p99"), number(latency, "p50"), latency);
            } finally {
                bare.stop();
            }
        }
    }

    /** The same Jetty setup as EmbeddedServer: default Server, one ServerConnector, a ServletContextHandler. */
    static Server bareServer() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/plain;charset=UTF-8");
                response.setContentLength(FIXED.length);
                response.getOutputStream().write(FIXED);
            }
        }), "/*");
        server.setHandler(context);
        server.start();
        return server;
    }

    static void define(URI base, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/admin/api/forms"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(FORM)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("Cannot define the form: " + r.statusCode() + " " + r.body());
        }
    }

    /** Runs the load generator in its own JVM and returns its result line. */
    static String load(String mode, URI uri, Object... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), LoadGenerator.class.getName(), mode, uri.toString()));
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("load generator failed: " + out);
        }
        return out.lines().reduce((a, b) -> b).orElse("");
    }

    static double number(String line, String name) {
        Matcher m = Pattern.compile(name + "=([0-9.]+)").matcher(line);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
