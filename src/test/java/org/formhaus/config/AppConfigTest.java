package org.formhaus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

    @Test
    void builtInDefaultsMatchTheContract() {
        AppConfig config = AppConfig.of(Map.of());
        assertEquals(8080, config.http().port());
        assertEquals(20, config.forms().submissionsPerClientPerMinute());
        assertEquals(2, config.forms().minFillSeconds());
        assertTrue(config.database().url().startsWith("jdbc:h2:file:./data/"));
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void everyAreaIsReadIntoItsTypedRecord() {
        AppConfig config = AppConfig.of(Map.of());
        assertEquals(Duration.ofHours(72), config.delivery().giveUpAfter());
        assertEquals(Duration.ofMillis(5000), config.delivery().backoffBase());
        assertEquals(Duration.ofDays(180), config.retention().keep());
        assertEquals(Duration.ofMinutes(1), config.retention().firstSweep());
        assertEquals(Duration.ofDays(30), config.newsletter().confirmLinkValid());
        assertEquals(Duration.ofMinutes(480), config.admin().sessionTimeout());
        assertEquals(Optional.empty(), config.admin().provisioningKey());
        assertEquals(Duration.ofSeconds(600), config.marketplace().timestampWindow());
        assertEquals(Optional.empty(), config.marketplace().onOfficeUrl());
        assertEquals(Duration.ofSeconds(30), config.onOffice().requestTimeout());
        assertEquals(Duration.ofMinutes(15), config.forms().optionsCache());
        assertFalse(config.sandbox().enabled());
    }

    @Test
    void environmentOverridesTheFileWhichOverridesDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.properties");
        Files.writeString(file, "db.url=jdbc:mariadb://file-host/db\nspam.min.fill.seconds=5\n");
        AppConfig config = AppConfig.load(file, Map.of("FORMHAUS_DB_URL", "jdbc:mariadb://env-host/db",
                "FORMHAUS_PORT", "9999"));
        assertEquals("jdbc:mariadb://env-host/db", config.database().url());
        assertEquals(5, config.forms().minFillSeconds());
        assertEquals(9999, config.http().port());
    }

    @Test
    void aBadValueFailsAtStartWithTheKeyNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.of(Map.of(), Map.of("FORMHAUS_HTTP_PORT", "eighty")));
        assertTrue(e.getMessage().contains("http.port"), e.getMessage());
    }

    @Test
    void aBooleanOtherThanTrueOrFalseIsRefusedRatherThanReadAsFalse() {
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.of(Map.of("sandbox", "yes")));
        assertEquals("sandbox must be true or false, is 'yes'", e.getMessage());
    }

    @Test
    void aBackoffMaximumBelowItsBaseIsRefusedNamingBothKeys() {
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.of(Map.of(
                "delivery.backoff.base.millis", "5000", "delivery.backoff.max.millis", "100")));
        assertTrue(e.getMessage().contains("delivery.backoff.max.millis")
                && e.getMessage().contains("delivery.backoff.base.millis"), e.getMessage());
    }

    @Test
    void aPublicUrlThatIsNoHttpAddressIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AppConfig.of(Map.of("public.url", "forms.example.com")));
        assertTrue(e.getMessage().startsWith("public.url "), e.getMessage());
        assertEquals("https://forms.example.com",
                AppConfig.of(Map.of("public.url", "https://forms.example.com/")).http().publicUrl());
    }

    // issue 15: unknown keys in the configuration file or FORMHAUS_* environment produce a start-up warning naming them
    @Test
    void unknownKeysInTheFileAndTheEnvironmentAreNamedInWarnings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.properties");
        Files.writeString(file, "ratelimit.submisions.per.minute=5\nspam.min.fill.seconds=3\n");
        AppConfig config = AppConfig.load(file, Map.of("FORMHAUS_DB_PASWORD", "x", "FORMHAUS_DELIVERY_WORKERS", "2",
                "FORMHAUS_ADMIN_TOKEN", "t0123456789", "OTHER_VARIABLE", "y"));
        assertEquals(List.of("Unknown key 'ratelimit.submisions.per.minute' in " + file + " is ignored",
                "Unknown environment variable FORMHAUS_DB_PASWORD is ignored"), config.warnings());
        assertEquals(3, config.forms().minFillSeconds());
        assertEquals(2, config.delivery().workers());
    }

    @Test
    void anUnknownOverrideIsRefusedNamingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.of(Map.of("delivery.wokers", "2")));
        assertEquals("Unknown configuration key 'delivery.wokers'", e.getMessage());
    }

    @Test
    void theFirstAdminAndTheSimulatorUserComeFromTheEnvironmentOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.properties");
        Files.writeString(file, "admin.email=file@example.com\n");
        AppConfig config = AppConfig.load(file, Map.of("FORMHAUS_ADMIN_EMAIL", "boss@agentur.example",
                "FORMHAUS_ADMIN_PASSWORD", "pw-from-env", "FORMHAUS_SIM_TOKEN", "simtok", "FORMHAUS_SANDBOX", "true"));
        assertEquals("boss@agentur.example", config.firstAdmin().email());
        assertEquals(Optional.of("pw-from-env"), config.firstAdmin().password());
        assertEquals(Optional.empty(), config.firstAdmin().token());
        assertTrue(config.sandbox().enabled());
        assertEquals(Optional.of("simtok"), config.sandbox().simulatorToken());
        assertEquals(List.of("Unknown key 'admin.email' in " + file + " is ignored"), config.warnings());
        assertFalse(config.firstAdmin().toString().contains("pw-from-env"));
        assertFalse(config.sandbox().toString().contains("simtok"));
    }

    @Test
    void withoutAdminVariablesTheFirstAdminIsTheDefaultAddressWithGeneratedSecrets() {
        FirstAdminConfig admin = AppConfig.of(Map.of(), Map.of()).firstAdmin();
        assertEquals(FirstAdminConfig.DEFAULT_EMAIL, admin.email());
        assertEquals(Optional.empty(), admin.password());
    }

    @Test
    void anAdminEmailThatIsNoAddressFailsNamingTheVariable() {
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.of(Map.of(),
                Map.of("FORMHAUS_ADMIN_EMAIL", "boss")));
        assertEquals("FORMHAUS_ADMIN_EMAIL must be an e-mail address", e.getMessage());
    }

    @Test
    void environmentNamesMapToDottedKeys() {
        assertEquals("db.url", AppConfig.keyOf("FORMHAUS_DB_URL"));
        assertEquals("ratelimit.submissions.per.minute", AppConfig.keyOf("FORMHAUS_RATELIMIT_SUBMISSIONS_PER_MINUTE"));
    }

    @Test
    void toStringHidesPasswords() {
        AppConfig config = AppConfig.of(Map.of("db.password", "hunter2", "marketplace.provider.secret", "psecret"));
        assertFalse(config.toString().contains("hunter2"));
        assertFalse(config.database().toString().contains("hunter2"));
        assertFalse(config.marketplace().toString().contains("psecret"));
    }
}
