package org.formhaus.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.simulator.FaultMode;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: {@code GET /metrics} in Prometheus's text format, scraped as Prometheus would, with counters that move
 * when visitors submit and deliveries run.
 */
class MetricsIT {

    @Test
    void countersMoveWithSubmissionsAndDeliveriesWithDefaultSettings() throws Exception {
        try (TestServer server = TestServer.onMariaDb().start()) {
            server.adminJson("POST", "/admin/api/forms", TestForms.emailOnly("lead", "Anfrage"));
            String before = scrape(server);
            assertTrue(before.contains("jvm_memory_used_bytes"), "JVM meters");
            assertTrue(before.contains("hikaricp_connections_active{pool=\"formhaus\"}"), "pool meters");
            assertEquals(0, value(before, "formhaus_delivery_queue_depth"));

            server.simulator().fault(FaultMode.DOWN);
            assertEquals(202, server.submitJson("lead", Map.of("email", List.of("a@example.org"))).statusCode());
            assertEquals(422, server.submitJson("lead", Map.of("email", List.of("no address"))).statusCode());
            server.submitJson("lead", Map.of("email", List.of("bot@example.org"), "_fh_website", List.of("x")));

            String waiting = Await.until("a failed try while onOffice is down", Duration.ofSeconds(20), () -> {
                String text = scrape(server);
                // the outbox gauges may show a reading up to a second old, and the age counts whole seconds
                return value(text, "formhaus_deliveries_total{outcome=\"retry\"}") >= 1
                        && value(text, "formhaus_delivery_queue_depth") >= 1
                        && value(text, "formhaus_delivery_oldest_job_age_seconds") > 0 ? text : null;
            });
            assertEquals(1, value(waiting, "formhaus_submissions_total{form=\"lead\",outcome=\"accepted\"}"));
            assertEquals(1, value(waiting, "formhaus_submissions_total{form=\"lead\",outcome=\"refused\"}"));
            assertEquals(1, value(waiting, "formhaus_submissions_total{form=\"lead\",outcome=\"spam\"}"));
            assertEquals(1, value(waiting, "formhaus_delivery_queue_depth"));
            assertTrue(value(waiting, "formhaus_onoffice_errors_total{reason=\"server_error\"}")
                    + value(waiting, "formhaus_onoffice_errors_total{reason=\"transport\"}") >= 1, waiting);

            server.simulator().noFault();
            String delivered = Await.until("the delivery once onOffice is back", Duration.ofSeconds(30), () -> {
                String text = scrape(server);
                return value(text, "formhaus_deliveries_total{outcome=\"delivered\"}") >= 1
                        && value(text, "formhaus_delivery_queue_depth") == 0 ? text : null;
            });
            assertEquals(0, value(delivered, "formhaus_delivery_queue_depth"));
            assertEquals(0, value(delivered, "formhaus_delivery_oldest_job_age_seconds"));
            assertTrue(value(delivered, "formhaus_onoffice_requests_seconds_count{outcome=\"ok\"}") >= 1, delivered);
            assertTrue(delivered.contains("formhaus_onoffice_requests_seconds_bucket{outcome=\"ok\",le=\""),
                    "latency is a histogram");
            for (String name : dashboardMetrics()) {
                assertTrue(delivered.contains(name), "the Grafana dashboard's " + name + " is scraped");
            }
        }
    }

    @Test
    void aConfiguredTokenGuardsTheMetrics() throws Exception {
        String token = "metrics-token-0123456789";
        try (TestServer server = TestServer.onH2().with("metrics.token", token).start()) {
            HttpResponse<String> anonymous = server.get("/metrics");
            assertEquals(401, anonymous.statusCode());
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            assertEquals(401, server.send(HttpRequest.newBuilder(server.uri("/metrics"))
                    .header("Authorization", "Bearer wrong-token-0123456789")).statusCode());
            HttpResponse<String> scraped = server.send(HttpRequest.newBuilder(server.uri("/metrics"))
                    .header("Authorization", "Bearer " + token));
            assertEquals(200, scraped.statusCode());
            assertTrue(scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            assertTrue(scraped.body().contains("formhaus_delivery_queue_depth"), scraped.body());
        }
    }

    /** Formhaus's and the pool's metric names the dashboard in ops/grafana queries. */
    private static java.util.Set<String> dashboardMetrics() throws java.io.IOException {
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("ops/grafana/formhaus.json"));
        java.util.Set<String> names = new java.util.TreeSet<>();
        Matcher m = Pattern.compile("\\b(?:formhaus|hikaricp)_[a-z_]+").matcher(dashboard);
        while (m.find()) {
            names.add(m.group());
        }
        assertTrue(names.size() >= 6, "names found: " + names);
        return names;
    }

    private static String scrape(TestServer server) throws Exception {
        HttpResponse<String> reply = server.get("/metrics");
        assertEquals(200, reply.statusCode(), reply.body());
        return reply.body();
    }

    /** The sample's value; 0 when the series does not exist yet (a counter not yet incremented). */
    static double value(String exposition, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
