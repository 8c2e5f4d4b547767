package org.formhaus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aValueIsReadBackInClearAndPutIfAbsentKeepsTheFirstOne() throws Exception {
        InstanceSettings settings = new InstanceSettings(h2.db());
        assertTrue(settings.putIfAbsent("test.setting", "first"));
        assertFalse(settings.putIfAbsent("test.setting", "second"));
        assertEquals(Optional.of("first"), settings.get("test.setting"));

        settings.put("test.setting", "replaced");
        assertEquals(Optional.of("replaced"), settings.get("test.setting"));
        settings.remove("test.setting");
        assertEquals(Optional.empty(), settings.get("test.setting"));
    }
}
