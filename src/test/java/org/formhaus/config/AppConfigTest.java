package org.formhaus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

    @Test
    void builtInDefaultsMatchTheContract() {
        AppConfig config = AppConfig.of(Map.of());
        assertEquals(8080, config.httpPort());
        assertEquals(20, config.intValue("ratelimit.submissions.per.minute"));
        assertEquals(2, config.intValue("spam.min.fill.seconds"));
        assertTrue(config.dbUrl().startsWith("jdbc:h2:file:./data/"));
    }

    @Test
    void environmentOverridesTheFileWhichOverridesDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.properties");
        Files.writeString(file, "db.url=jdbc:mariadb://file-host/db\nspam.min.fill.seconds=5\n");
        AppConfig config = AppConfig.load(file, Map.of("FORMHAUS_DB_URL", "jdbc:mariadb://env-host/db",
                "FORMHAUS_PORT", "9999"));
        assertEquals("jdbc:mariadb://env-host/db", config.dbUrl());
        assertEquals(5, config.intValue("spam.min.fill.seconds"));
        assertEquals(9999, config.httpPort());
    }

    @Test
    void aBadValueFailsAtStartWithTheKeyNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.load(null, Map.of("FORMHAUS_CONFIG", "/dev/null", "FORMHAUS_HTTP_PORT", "eighty")));
        assertTrue(e.getMessage().contains("http.port"), e.getMessage());
    }

    @Test
    void environmentNamesMapToDottedKeys() {
        assertEquals("db.url", AppConfig.keyOf("FORMHAUS_DB_URL"));
        assertEquals("ratelimit.submissions.per.minute", AppConfig.keyOf("FORMHAUS_RATELIMIT_SUBMISSIONS_PER_MINUTE"));
    }

    @Test
    void toStringHidesPasswords() {
        AppConfig config = AppConfig.of(Map.of("db.password", "hunter2"));
        assertFalse(config.toString().contains("hunter2"));
    }
}
