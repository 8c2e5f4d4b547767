package org.formhaus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built WAR deployed the way any servlet container deploys it (Jetty's WebAppContext with annotation scanning):
 * Formhaus starts through its ServletContainerInitializer, configured by a file named in a context parameter.
 */
class WarDeploymentIT {

    @Test
    void theWarStartsInAServletContainerAndServesHealthFormsAndTheAdminApi(@TempDir Path dir) throws Exception {
        Path war = Path.of("target/formhaus.war");
        assertTrue(Files.isRegularFile(war), "mvn verify packages the WAR before the integration tests");
        Path config = dir.resolve("formhaus.properties");
        Files.writeString(config, "db.url=jdbc:h2:mem:war" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1\n");

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/formhaus");
        webapp.setWar(war.toAbsolutePath().toString());
        webapp.setTempDirectory(dir.resolve("work").toFile());
        webapp.setInitParameter(FormhausInitializer.CONFIG_PARAM, config.toString());
        webapp.setThrowUnavailableOnStartupException(true);
        server.setHandler(webapp);
        server.start();
        try {
            String base = "http://127.0.0.1:" + connector.getLocalPort() + "/formhaus";
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"status\":\"ok\""), health.body());
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(base + "/f/no-such-form")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(base + "/admin/api/forms")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> embed = http.send(HttpRequest.newBuilder(URI.create(base + "/embed.js")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, embed.statusCode());
            // Answered by Formhaus (http.ErrorReplyFilter), not by the container's error page.
            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base + "/static/missing.js"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("<p>File not found</p>"), missing.body());
            assertFalse(missing.body().contains("Jetty"), missing.body());
        } finally {
            server.stop();
        }
    }
}
