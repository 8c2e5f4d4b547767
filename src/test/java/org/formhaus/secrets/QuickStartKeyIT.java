package org.formhaus.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.formhaus.testing.TestDatabase;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "Secrets at rest", on the quick start's embedded database with the default key settings: a key file with
 * mode 0600 appears beside the database and is announced; {@code strings} on the database file finds no secret.
 */
class QuickStartKeyIT {

    @TempDir
    Path dir;

    @Test
    void theQuickStartKeepsItsKeyBesideTheDatabaseAndTheDatabaseFileHoldsNoSecret() throws Exception {
        TestDatabase db = TestDatabase.h2File(dir);
        Map<String, String> defaultKeySettings = Map.of("secrets.key", "");
        String secret = "onoffice-secret-" + UUID.randomUUID();
        String formKey;
        Path keyFile = dir.resolve("secrets.key");
        try (TestServer server = TestServer.on(db).with(defaultKeySettings).start()) {
            assertTrue(server.console().contains("Generated the master key that seals the stored onOffice secrets: "
                    + keyFile), server.console());
            server.adminJson("PUT", "/admin/api/settings/onoffice", "{\"secret\": \"" + secret + "\"}");
            formKey = server.app().instance().get("form.token.key").orElseThrow();
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));

        String file = new String(Files.readAllBytes(dir.resolve("formhaus.mv.db")), StandardCharsets.ISO_8859_1);
        assertTrue(file.contains("admin@formhaus.local"), "the scan sees what is stored in clear");
        assertFalse(file.contains(secret), "the onOffice secret is in the database file");
        assertFalse(file.contains(TestServer.SIM_SECRET), "the sandbox's onOffice secret is in the database file");
        assertFalse(file.contains(formKey), "a signing key is in the database file");

        try (TestServer again = TestServer.on(db).with(defaultKeySettings).start()) {
            assertFalse(again.console().contains("Generated the master key"), again.console());
            assertEquals(formKey, again.app().instance().get("form.token.key").orElseThrow(), "read with the same key");
        }
    }

    @Test
    void aLostKeyFileIsNamedInsteadOfReadingGarbage() throws Exception {
        TestDatabase db = TestDatabase.h2File(dir);
        String firstKeyId;
        try (TestServer server = TestServer.on(db).with("secrets.key", "").start()) {
            firstKeyId = server.app().database().secrets().key().id();
        }
        Files.delete(dir.resolve("secrets.key"));

        UnreadableSecretException e = assertThrows(UnreadableSecretException.class,
                () -> TestServer.on(db).with("secrets.key", "").start());

        assertTrue(e.getMessage().contains("sealed under master key " + firstKeyId), e.getMessage());
    }
}
