package org.formhaus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.formhaus.config.AppConfig;
import org.formhaus.simulator.Simulator;
import org.formhaus.simulator.SimulatorServer;
import org.formhaus.secrets.KeyFile;
import org.formhaus.secrets.MasterKey;
import org.formhaus.secrets.UnreadableSecretException;
import org.formhaus.testing.Await;
import org.formhaus.testing.StoredRows;
import org.formhaus.testing.TestDatabase;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, "Secrets at rest": {@code bin/formhaus rotate-secrets} moves every stored secret to a new master key. */
class SecretsRotationIT {

    private static final String CONTACT = """
            { "key": "kontakt", "kind": "contact", "language": "de", "title": "Kontakt",
              "fields": [
                {"name": "vorname", "type": "text",  "label": "Vorname", "required": true, "maps": "address.Vorname"},
                {"name": "email",   "type": "email", "label": "E-Mail",  "required": true, "maps": "address.Email"}
              ] }""";

    @TempDir
    Path dir;

    @Test
    void rotationReSealsEverySecretUnderTheNewKeyAndFormhausStillDelivers() throws Exception {
        // Not sandbox mode: that would set the onOffice secret anew at each start and hide a failed rotation.
        Map<String, String> settings = Map.of("sandbox", "false", "onoffice.hosts", "localhost");
        try (TestDatabase db = TestDatabase.mariaDb();
             SimulatorServer sim = SimulatorServer.start(Simulator.create(TestServer.SIM_TOKEN, TestServer.SIM_SECRET), 0)) {
            try (TestServer before = TestServer.joining(db).with(settings).start()) {
                before.adminJson("PUT", "/admin/api/settings/onoffice", "{\"url\": \"" + sim.apiUri()
                        + "\", \"token\": \"" + TestServer.SIM_TOKEN + "\", \"secret\": \"" + TestServer.SIM_SECRET + "\"}");
                before.adminJson("POST", "/admin/api/forms", CONTACT);
            }
            String oldId = MasterKey.parse(TestServer.MASTER_KEY, "test").id();
            Path newKeyFile = dir.resolve("keys/formhaus.key");
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int resealed = SecretsRotation.run(AppConfig.of(Map.of("db.url", db.url(), "secrets.key",
                    TestServer.MASTER_KEY)), newKeyFile, new PrintStream(out, true, StandardCharsets.UTF_8));

            String newId = KeyFile.read(newKeyFile).id();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(newKeyFile)));
            assertTrue(resealed >= 4, "the onOffice secret and the signing keys: " + resealed);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains(oldId + " -> " + newId), out.toString());
            try (TestServer probe = TestServer.joining(db).with(settings).with("secrets.key.file", newKeyFile.toString())
                    .start()) {
                String rows = StoredRows.everything(probe.app().database().dataSource());
                assertFalse(rows.contains("sealed:v1:" + oldId), "nothing is left under the old key");
                assertTrue(rows.contains("sealed:v1:" + newId), rows);
            }

            UnreadableSecretException old = assertThrows(UnreadableSecretException.class,
                    () -> TestServer.joining(db).with(settings).start());
            assertTrue(old.getMessage().contains("sealed under master key " + newId
                    + ", but the configured master key is " + oldId), old.getMessage());

            try (TestServer after = TestServer.joining(db).with(settings).with("secrets.key.file", newKeyFile.toString())
                    .start()) {
                assertEquals(202, after.submitJson("kontakt", Map.of("vorname", List.of("Rita"),
                        "email", List.of("after.rotation@example.org"))).statusCode());
                Await.until("the lead to reach onOffice with the re-sealed secret", Duration.ofSeconds(20),
                        () -> sim.simulator().records("address").toString().contains("after.rotation@example.org")
                                ? true : null);
            }
        }
    }

    @Test
    void rotatingToTheKeyInUseIsRefused() throws Exception {
        Path same = dir.resolve("same.key");
        Files.writeString(same, TestServer.MASTER_KEY);
        try (TestDatabase db = TestDatabase.mariaDb()) {
            var e = assertThrows(org.formhaus.config.ConfigException.class, () -> SecretsRotation.run(AppConfig.of(
                    Map.of("db.url", db.url(), "secrets.key", TestServer.MASTER_KEY)), same, System.out));
            assertTrue(e.getMessage().contains("is the master key in use already"), e.getMessage());
        }
    }
}
