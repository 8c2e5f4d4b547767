package org.formhaus;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.AppClient;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestDatabase;
import org.formhaus.testing.TestServer;
import org.formhaus.testing.container.DeployedWar;
import org.formhaus.testing.container.DeployedWar.Container;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built WAR, unchanged, in Tomcat 11 and in Jetty 12 ee10, each deploying it the way the container deploys any
 * WAR (in a JVM whose class path holds only the container): Formhaus starts through its ServletContainerInitializer,
 * is configured through what the container offers (context parameters, a file named by one, JNDI, system
 * properties), runs the contact journey to the sandbox simulator, logs HikariCP's and Flyway's lines into the
 * container's log, reads JSON without a charset as UTF-8, and leaves no thread and no JDBC driver behind when
 * undeployed.
 */
class ContainerDeploymentIT {

    private static final Path WAR = Path.of("target/formhaus.war");
    /** The README's curl example: JSON sent without a charset. */
    private static final String RUECKRUF = """
            {"key": "rueckruf", "kind": "contact", "language": "de", "title": "Rückruf",
             "fields": [
               {"name": "vorname", "type": "text",  "label": "Vorname", "required": true, "maps": "address.Vorname"},
               {"name": "email",   "type": "email", "label": "E-Mail",  "required": true, "maps": "address.Email"},
               {"name": "dsgvo",   "type": "consent", "label": "Ich stimme der Datenschutzerklärung zu.", "required": true}
             ]}""";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onTomcatTheWarRunsTheContactJourneyConfiguredByContextParameterAndJndiAndLeavesNothingBehind(
            @TempDir Path dir) throws Exception {
        assertTrue(Files.isRegularFile(WAR), "mvn verify packages the WAR before the integration tests");
        int port = DeployedWar.freePort();
        String base = "http://127.0.0.1:" + port + "/formhaus";
        try (TestDatabase db = TestDatabase.mariaDb();
             DeployedWar tomcat = DeployedWar.start(Container.TOMCAT, WAR, port, dir,
                     Map.of("formhaus.db.url", db.url()),
                     Map.of("formhaus/admin.token", TestServer.ADMIN_TOKEN, "formhaus/sandbox", "true",
                             "formhaus/public.url", base, "formhaus/spam.min.fill.seconds", "0",
                             "formhaus/secrets.key", TestServer.MASTER_KEY),
                     Map.of())) {
            runContactJourney(tomcat);
            assertLeavesNothingBehind(tomcat);
            // Tomcat's leak detection (threads, ThreadLocals, JDBC drivers, RMI) logs through this class when it finds one.
            assertFalse(tomcat.log().contains("WebappClassLoaderBase"), "Tomcat's leak detection warned:\n" + tomcat.log());
        }
    }

    @Test
    void onJettyTheWarRunsTheContactJourneyConfiguredByAFileAndSystemPropertiesAndLeavesNothingBehind(
            @TempDir Path dir) throws Exception {
        assertTrue(Files.isRegularFile(WAR), "mvn verify packages the WAR before the integration tests");
        int port = DeployedWar.freePort();
        String base = "http://127.0.0.1:" + port + "/formhaus";
        Path config = dir.resolve("formhaus.properties");
        // The production default: H2 files on disk (its writer thread must end with the pool, too).
        Files.writeString(config, "db.url=jdbc:h2:file:" + dir.resolve("data/formhaus").toAbsolutePath()
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE\nspam.min.fill.seconds=0\n");
        try (DeployedWar jetty = DeployedWar.start(Container.JETTY, WAR, port, dir,
                Map.of(FormhausInitializer.CONFIG_PARAM, config.toString()), Map.of(),
                Map.of("formhaus.admin.token", TestServer.ADMIN_TOKEN, "formhaus.sandbox", "true",
                        "formhaus.public.url", base))) {
            runContactJourney(jetty);
            assertLeavesNothingBehind(jetty);
        }
    }

    private void runContactJourney(DeployedWar container) throws Exception {
        String base = container.baseUri();
        HttpResponse<String> health = get(base + "/healthz");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\":\"ok\""), health.body());
        assertEquals(404, get(base + "/f/no-such-form").statusCode());
        assertEquals(401, get(base + "/admin/api/forms").statusCode());
        assertEquals(200, get(base + "/embed.js").statusCode());
        assertEquals(200, get(base + "/f/kontakt").statusCode(), "sandbox mode seeds the example form in a WAR too");

        AppClient app = new AppClient(base);
        app.adminJson("POST", "/admin/api/forms", RUECKRUF); // Content-Type: application/json, no charset
        JsonObject saved = app.adminJson("GET", "/admin/api/forms/rueckruf", null).getAsJsonObject();
        assertTrue(saved.toString().contains("\"title\":\"Rückruf\""), saved.toString());
        assertTrue(saved.toString().contains("Datenschutzerklärung"), saved.toString());

        String id = app.submit("kontakt", Map.of("vorname", List.of("Jürgen"), "email", List.of("juergen@example.org"),
                "text", List.of("Bitte um Rückruf"), "dsgvo", List.of("yes")));
        JsonObject delivered = Await.until("the submission delivered to the sandbox simulator", Duration.ofSeconds(30),
                () -> {
                    JsonObject s = app.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
                    return s.get("status").getAsString().equals("delivered") ? s : null;
                });
        String addressId = delivered.getAsJsonObject("records").get("address").getAsString();
        String addresses = get(base + "/sandbox/onoffice/records/address").body();
        assertTrue(addresses.contains(addressId) && addresses.contains("Jürgen"), addresses);

        String log = container.log();
        assertTrue(log.contains("formhaus - Start completed"), "HikariCP's log reaches the container's:\n" + log);
        assertTrue(log.contains("Successfully validated"), "Flyway's log reaches the container's:\n" + log);
        assertFalse(log.contains("SLF4J"), "SLF4J found exactly one provider:\n" + log);
    }

    private static void assertLeavesNothingBehind(DeployedWar container) throws Exception {
        DeployedWar.Leftovers left = container.undeploy();
        assertAll(() -> assertEquals(List.of(), left.threads(), "threads of the undeployed application still running"),
                () -> assertEquals(List.of(), left.drivers(), "JDBC drivers of the undeployed application still registered"));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
