package org.formhaus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import org.formhaus.testing.H2Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Instance-wide secrets and settings on H2 in MariaDB mode. */
class InstanceSettingsTest {

    @RegisterExtension
    static final H2Database h2 = new H2Database();

    @Test
    void aSecretIsGeneratedOnceAndEveryInstanceOnTheDatabaseReadsTheSameOne() throws Exception {
        String first = new InstanceSettings(h2.db()).getOrCreateSecret("test.key");
        assertEquals(first, new InstanceSettings(h2.db()).getOrCreateSecret("test.key"));
        assertEquals(43, first.length(), "32 random bytes, URL-safe Base64");
        assertNotEquals(first, new InstanceSettings(h2.db()).getOrCreateSecret("another.key"));
    }

    @Test
    void aConfiguredValueWinsAndNothingIsGeneratedForIt() throws Exception {
        InstanceSettings settings = new InstanceSettings(h2.db());
        assertEquals("from-the-operator", settings.secret(Optional.of("from-the-operator"), "configured.key"));
        assertEquals(Optional.empty(), settings.get("configured.key"));
        String generated = settings.secret(Optional.empty(), "configured.key");
        assertEquals(generated, settings.getOrCreateSecret("configured.key"));
    }
}
