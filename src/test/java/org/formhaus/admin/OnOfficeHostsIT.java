package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.formhaus.testing.TestDatabase;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, "Server-side requests": an account's onOffice URL may point to onOffice's API host only (plus the hosts
 * the operator allows), checked when saved and again before each request, and a failed connection check never
 * repeats what another host answered.
 */
class OnOfficeHostsIT {

    private static final String BANNER = "INTERNAL-BANNER-7f3a";

    @Test
    void withDefaultSettingsAnOnOfficeUrlElsewhereIsRefusedWhenSavedAndBeforeAnyRequest() throws Exception {
        try (TestDatabase db = TestDatabase.mariaDb();
             TestServer server = TestServer.joining(db).with("sandbox", "false").start();
             Internal internal = Internal.answering(200, "{}")) {
            for (String url : List.of("http://127.0.0.1:3306/", "http://169.254.169.254/latest/meta-data/",
                    "http://localhost:" + internal.port() + "/api.php", "https://api.onoffice.de.evil.example/api.php",
                    "https://api.onoffice.de@127.0.0.1/api.php", "http://api.onoffice.de/api/stable/api.php")) {
                HttpResponse<String> refused = server.admin("PUT", "/admin/api/settings/onoffice",
                        "{\"url\": \"" + url + "\"}");
                assertEquals(400, refused.statusCode(), url + " → " + refused.body());
                assertTrue(refused.body().contains("url: must be onOffice's API"), refused.body());
            }
            for (String url : List.of("https://api.onoffice.de/api/stable/api.php",
                    "https://api.onoffice.de/api/latest/api.php")) {
                assertEquals(200, server.admin("PUT", "/admin/api/settings/onoffice", "{\"url\": \"" + url
                        + "\", \"token\": \"t0ken\", \"secret\": \"s3cret\"}").statusCode(), url);
            }

            // A URL stored before the rule (or behind its back) is refused again before anything is sent.
            try (Connection c = DriverManager.getConnection(db.url())) {
                c.createStatement().executeUpdate("UPDATE account SET onoffice_url = 'http://127.0.0.1:"
                        + internal.port() + "/api.php'");
            }
            JsonObject report = check(server);
            assertEquals("HOST_NOT_ALLOWED", report.getAsJsonObject("credentials").get("problem").getAsString());
            assertEquals(0, internal.requests(), "nothing was sent to the internal host");
        }
    }

    @Test
    void aFailedConnectionCheckNeverRepeatsAnotherHostsStatusOrBody() throws Exception {
        try (TestDatabase db = TestDatabase.mariaDb();
             TestServer server = TestServer.joining(db).with("sandbox", "false").with("onoffice.hosts", "127.0.0.1")
                     .start()) {
            for (Map.Entry<Integer, String> answer : Map.of(531, BANNER + " redis_version:6.2",
                    200, "<html><title>" + BANNER + " router login</title></html>",
                    502, "{\"" + BANNER + "\": {\"code\": 502}}").entrySet()) {
                try (Internal internal = Internal.answering(answer.getKey(), answer.getValue())) {
                    assertEquals(200, server.admin("PUT", "/admin/api/settings/onoffice", "{\"url\": \"http://127.0.0.1:"
                            + internal.port() + "/api.php\", \"token\": \"t0ken\", \"secret\": \"s3cret\"}").statusCode());

                    String reply = server.admin("POST", "/admin/api/connection/check", null).body();

                    assertTrue(internal.requests() > 0, "the allowed host was asked");
                    JsonObject credentials = JsonParser.parseString(reply).getAsJsonObject().getAsJsonObject("credentials");
                    assertFalse(credentials.get("ok").getAsBoolean(), reply);
                    String message = credentials.get("message").getAsString();
                    assertFalse(reply.contains(BANNER), "the other host's body is repeated: " + reply);
                    assertFalse(message.contains(String.valueOf(answer.getKey())) || message.contains("HTTP"),
                            "the other host's status is repeated: " + message);
                }
            }
        }
    }

    private static JsonObject check(TestServer server) throws Exception {
        HttpResponse<String> reply = server.admin("POST", "/admin/api/connection/check", null);
        assertEquals(200, reply.statusCode(), reply.body());
        return JsonParser.parseString(reply.body()).getAsJsonObject();
    }

    /** An internal service on this machine that answers every request the same way and counts them. */
    private record Internal(HttpServer server, AtomicInteger count) implements AutoCloseable {

        static Internal answering(int status, String body) throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AtomicInteger count = new AtomicInteger();
            server.createContext("/", exchange -> {
                count.incrementAndGet();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return new Internal(server, count);
        }

        int port() {
            return server.getAddress().getPort();
        }

        int requests() {
            return count.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
