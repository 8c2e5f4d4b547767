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
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/formhaus serve} as an operator starts it, on the class path {@code mvn package} builds: it serves, its
 * libraries' logs (HikariCP, Flyway, Jetty) appear through the one SLF4J provider, and SIGTERM stops it.
 */
class LauncherIT {

    private static final Pattern RUNNING = Pattern.compile("Formhaus is running at (http://\\S+)");

    @Test
    void theLauncherServesWithOneLoggingProviderAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path home = Path.of("").toAbsolutePath();
        Path log = dir.resolve("formhaus.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/formhaus").toString(), "serve", "--port", "0")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FORMHAUS_DB_URL", "jdbc:h2:file:" + dir.resolve("data/formhaus")
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE");
        Process process = builder.start();
        try {
            String base = Await.until("the launcher to serve (log: " + log + ")", Duration.ofSeconds(60), () -> {
                Matcher running = RUNNING.matcher(Files.readString(log));
                if (!process.isAlive()) {
                    throw new IllegalStateException("bin/formhaus exited: " + Files.readString(log));
                }
                return running.find() ? running.group(1) : null;
            });
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            String output = Files.readString(log);
            assertTrue(output.contains("formhaus - Start completed"), "HikariCP's log:\n" + output);
            assertTrue(output.contains("Successfully validated"), "Flyway's log:\n" + output);
            assertFalse(output.contains("SLF4J"), "SLF4J found exactly one provider:\n" + output);
        } finally {
            process.destroy(); // SIGTERM: the shutdown hook stops the server and delivery
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped on SIGTERM");
        }
        assertEquals(143, process.exitValue(), "ended by SIGTERM after the graceful stop");
    }
}
