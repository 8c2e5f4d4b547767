package org.formhaus.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: delivered submissions are POSTed to the account's webhook endpoints, signed as Standard Webhooks
 * specifies; a receiver on 127.0.0.1 (allowed by the operator through webhooks.hosts) checks each signature with
 * the specification's algorithm, written out here; a failing receiver is retried with growing pauses under the same
 * webhook-id; private addresses are refused when no operator allowed them.
 */
class WebhooksIT {

    /** One request a receiver got: when, its headers and body. */
    record Received(long atMs, String id, String timestamp, String signature, String body) {
    }

    /** A receiver on 127.0.0.1 answering each request with the next status of {@code statuses} (then 204). */
    static final class Receiver implements AutoCloseable {
        final List<Received> requests = new CopyOnWriteArrayList<>();
        final HttpServer server;

        Receiver(int... statuses) throws Exception {
            AtomicInteger n = new AtomicInteger();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Received(System.currentTimeMillis(), exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body));
                int i = n.getAndIncrement();
                exchange.sendResponseHeaders(i < statuses.length ? statuses[i] : 204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void aDeliveredSubmissionIsPostedSignedAsTheSpecificationDescribes() throws Exception {
        try (Receiver receiver = new Receiver();
             TestServer server = TestServer.onMariaDb().with("webhooks.hosts", "127.0.0.1").start()) {
            server.adminJson("POST", "/admin/api/forms", TestForms.nameAndEmail("lead", "Anfrage"));
            JsonObject saved = server.adminJson("PUT", "/admin/api/settings/webhooks",
                    "{\"endpoints\": [{\"url\": \"" + receiver.url() + "\"}]}").getAsJsonObject();
            String secret = saved.getAsJsonArray("endpoints").get(0).getAsJsonObject().get("secret").getAsString();
            assertTrue(secret.startsWith("whsec_"), "a secret is made: " + saved);

            HttpResponse<String> reply = server.submitJson("lead",
                    Map.of("vorname", List.of("Ottilie"), "email", List.of("ottilie@example.org")));
            assertEquals(202, reply.statusCode(), reply.body());
            String id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();

            Received got = Await.until("the webhook", Duration.ofSeconds(30),
                    () -> receiver.requests.isEmpty() ? null : receiver.requests.get(0));
            assertTrue(verifies(secret, got), "the signature verifies: " + got);
            assertFalse(verifies("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), got),
                    "and not under another secret");
            assertTrue(got.id().startsWith("msg_"), got.id());
            assertTrue(Math.abs(Long.parseLong(got.timestamp()) - System.currentTimeMillis() / 1000) < 300);
            JsonObject body = JsonParser.parseString(got.body()).getAsJsonObject();
            assertEquals("submission.delivered", body.get("type").getAsString());
            assertEquals(id, body.getAsJsonObject("data").get("id").getAsString());
            assertEquals("lead", body.getAsJsonObject("data").get("form").getAsString());
            assertTrue(body.getAsJsonObject("data").getAsJsonObject("records").has("address"), got.body());
            assertFalse(got.body().contains("Ottilie") || got.body().contains("ottilie@"), "no submitted values");
            assertEquals(secret, server.adminJson("GET", "/admin/api/settings/webhooks", null).getAsJsonObject()
                    .getAsJsonArray("endpoints").get(0).getAsJsonObject().get("secret").getAsString());
        }
    }

    @Test
    void aFailingReceiverIsRetriedWithGrowingPausesUnderTheSameId() throws Exception {
        try (Receiver receiver = new Receiver(500, 503);
             TestServer server = TestServer.onMariaDb().with("webhooks.hosts", "127.0.0.1")
                     .with("delivery.backoff.base.millis", "400").start()) {
            server.adminJson("POST", "/admin/api/forms", TestForms.emailOnly("lead", "Anfrage"));
            String secret = "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef"
                    .getBytes(StandardCharsets.UTF_8));
            server.adminJson("PUT", "/admin/api/settings/webhooks",
                    "{\"endpoints\": [{\"url\": \"" + receiver.url() + "\", \"secret\": \"" + secret + "\"}]}");
            assertEquals(202, server.submitJson("lead", Map.of("email", List.of("retry@example.org"))).statusCode());

            Await.until("three tries", Duration.ofSeconds(30), () -> receiver.requests.size() >= 3 ? true : null);
            List<Received> tries = receiver.requests.subList(0, 3);
            assertEquals(1, tries.stream().map(Received::id).distinct().count(), "one webhook-id: " + tries);
            tries.forEach(t -> assertTrue(verifies(secret, t), "each try is signed afresh"));
            long first = tries.get(1).atMs() - tries.get(0).atMs();
            long second = tries.get(2).atMs() - tries.get(1).atMs();
            assertTrue(first >= 300, "a pause before the second try: " + first + " ms");
            assertTrue(second > first, "a longer pause before the third: " + first + " then " + second + " ms");
        }
    }

    @Test
    void privateAndLoopbackUrlsAreRefusedWithDefaultSettings() throws Exception {
        try (TestServer server = TestServer.onH2().start()) {
            for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.0.0.7/hook",
                    "http://169.254.169.254/latest/meta-data/", "http://[::1]/hook")) {
                HttpResponse<String> reply = server.admin("PUT", "/admin/api/settings/webhooks",
                        "{\"endpoints\": [{\"url\": \"" + url + "\"}]}");
                assertEquals(400, reply.statusCode(), url + " → " + reply.body());
                assertTrue(reply.body().contains("endpoints[0].url") && reply.body().contains("private or loopback"),
                        reply.body());
            }
            HttpResponse<String> unknown = server.admin("PUT", "/admin/api/settings/webhooks",
                    "{\"endpoints\": [{\"url\": \"https://93.184.215.14/h\", \"events\": []}]}");
            assertEquals(400, unknown.statusCode());
            assertTrue(unknown.body().contains("endpoints[0].events: unknown key 'events'"), unknown.body());
            assertEquals(0, server.adminJson("GET", "/admin/api/settings/webhooks", null).getAsJsonObject()
                    .getAsJsonArray("endpoints").size(), "nothing saved");
        }
    }

    /** The specification's check: HMAC-SHA256 of id.timestamp.body under the Base64 key after whsec_. */
    static boolean verifies(String secret, Received got) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((got.id() + "." + got.timestamp() + "." + got.body())
                    .getBytes(StandardCharsets.UTF_8));
            for (String signature : got.signature().split(" ")) {
                String[] parts = signature.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(Base64.getDecoder().decode(parts[1]), expected)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
