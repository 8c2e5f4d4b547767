package org.formhaus.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.formhaus.Main;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No silent settings (issue #15), for the operator: {@code bin/formhaus serve} started with a misspelt key in its
 * configuration file and a misspelt {@code FORMHAUS_*} variable starts, and prints a warning naming each, never the
 * value (it may be a password).
 */
class ConfigWarningsIT {

    @Test
    void unknownKeysInTheFileAndTheEnvironmentAreNamedAtStartUp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("formhaus.properties");
        Files.writeString(file, "ratelimit.submisions.per.minute = 5\nretention.days = 30\n");
        Path log = dir.resolve("out.log");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx192m", "-XX:TieredStopAtLevel=1", "-cp", classPath, Main.class.getName(), "serve",
                "--port", "0", "--config", file.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("FORMHAUS_"));
        env.put("FORMHAUS_DB_URL", "jdbc:h2:" + dir.resolve("db").toAbsolutePath() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE");
        env.put("FORMHAUS_SECRETS_KEY", TestServer.MASTER_KEY);
        env.put("FORMHAUS_DB_PASWORD", "do-not-print-me");
        Process process = builder.start();
        try {
            String out = Await.until("Formhaus to start (log: " + log + ")", Duration.ofSeconds(60), () -> {
                String text = Files.readString(log);
                if (!process.isAlive()) {
                    throw new AssertionError("Formhaus exited: " + text);
                }
                return text.contains("Formhaus is running at") ? text : null;
            });
            assertTrue(out.contains("Configuration warning: Unknown key 'ratelimit.submisions.per.minute' in " + file
                    + " is ignored"), out);
            assertTrue(out.contains("Configuration warning: Unknown environment variable FORMHAUS_DB_PASWORD is "
                    + "ignored"), out);
            assertFalse(out.contains("retention.days"), "a known key gets no warning: " + out);
            assertFalse(out.contains("do-not-print-me"), "the value is never printed");
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
