package org.formhaus.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.formhaus.config.AppConfig;
import org.formhaus.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the master key comes from, and what counts as production (issue 15, "Secrets at rest"). */
class MasterKeySourceTest {

    private static final String MARIADB = "jdbc:mariadb://db.example:3306/formhaus";

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);

    @Test
    void aProductionDatabaseWithoutAKeyRefusesToStartAndSaysHowToGiveOne() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> MasterKeySource.load(AppConfig.of(Map.of("db.url", MARIADB)), console));

        assertTrue(e.getMessage().startsWith("No master key"), e.getMessage());
        assertTrue(e.getMessage().contains("secrets.key.file (FORMHAUS_SECRETS_KEY_FILE)"), e.getMessage());
        assertTrue(e.getMessage().contains("secrets.key (FORMHAUS_SECRETS_KEY)"), e.getMessage());
        assertTrue(e.getMessage().contains("bin/formhaus new-key --key-file"), e.getMessage());
    }

    @Test
    void sandboxModeOnMariaDbIsProductionToo() {
        assertThrows(ConfigException.class,
                () -> MasterKeySource.load(AppConfig.of(Map.of("db.url", MARIADB, "sandbox", "true")), console));
    }

    @Test
    void aNamedKeyFileThatDoesNotExistIsNeverMadeUpForProduction() {
        Path file = dir.resolve("missing.key");
        ConfigException e = assertThrows(ConfigException.class, () -> MasterKeySource.load(
                AppConfig.of(Map.of("db.url", MARIADB, "secrets.key.file", file.toString())), console));

        assertTrue(e.getMessage().contains(file + " does not exist"), e.getMessage());
        assertTrue(Files.notExists(file));
    }

    @Test
    void theKeyComesFromTheSettingOrTheKeyFile() {
        MasterKey key = MasterKey.generate();
        assertEquals(key, MasterKeySource.load(AppConfig.of(Map.of("db.url", MARIADB, "secrets.key", key.toBase64())),
                console));
        Path file = dir.resolve("formhaus.key");
        MasterKey written = KeyFile.create(file);
        assertEquals(written, MasterKeySource.load(AppConfig.of(Map.of("db.url", MARIADB,
                "secrets.key.file", file.toString())), console));
        assertThrows(ConfigException.class, () -> MasterKeySource.load(AppConfig.of(Map.of("db.url", MARIADB,
                "secrets.key", key.toBase64(), "secrets.key.file", file.toString())), console));
    }

    @Test
    void theEmbeddedDatabaseGetsAKeyFileBesideItWithMode0600OnceAndSaysWhere() throws Exception {
        AppConfig config = AppConfig.of(Map.of("db.url", "jdbc:h2:file:" + dir.resolve("db/formhaus")
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE"));

        MasterKey first = MasterKeySource.load(config, console);
        MasterKey again = MasterKeySource.load(config, console);

        Path file = dir.resolve("db/secrets.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first, again);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains(file.toString()), printed);
        assertEquals(1, printed.split("Generated the master key", -1).length - 1, printed);
    }

    @Test
    void anInMemoryDatabaseGetsAKeyForThisProcessOnly() {
        AppConfig config = AppConfig.of(Map.of("db.url", "jdbc:h2:mem:x;MODE=MariaDB"));
        assertNotEquals(MasterKeySource.load(config, console), MasterKeySource.load(config, console));
    }

    @Test
    void aKeyFileOthersMayReadIsWarnedAbout() throws Exception {
        Path file = dir.resolve("open.key");
        KeyFile.create(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        MasterKeySource.load(AppConfig.of(Map.of("db.url", MARIADB, "secrets.key.file", file.toString())), console);

        assertTrue(out.toString(StandardCharsets.UTF_8).contains("chmod 600 " + file), out.toString(StandardCharsets.UTF_8));
    }
}
