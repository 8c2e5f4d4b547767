package org.formhaus.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.formhaus.config.ConfigException;
import org.junit.jupiter.api.Test;

/** AES-GCM sealing of stored secrets (issue 15, "Secrets at rest"). */
class SecretBoxTest {

    private static final String SECRET = "onoffice-secret-4f2a9c0e1b7d";
    private final SecretBox box = new SecretBox(MasterKey.generate());

    @Test
    void aSealedSecretOpensAgainAndDoesNotContainTheSecret() {
        String sealed = box.seal(SECRET, "account.onoffice_secret");

        assertTrue(sealed.startsWith("sealed:v1:" + box.key().id() + ":"), sealed);
        assertFalse(sealed.contains(SECRET), sealed);
        assertEquals(SECRET, box.open(sealed, "account.onoffice_secret"));
    }

    @Test
    void sealingTheSameSecretTwiceGivesDifferentValues() {
        assertNotEquals(box.seal(SECRET, "c"), box.seal(SECRET, "c"), "a fresh IV each time");
    }

    @Test
    void anotherKeyIsNamedInsteadOfOpening() {
        String sealed = box.seal(SECRET, "account.onoffice_secret");
        SecretBox other = new SecretBox(MasterKey.generate());

        UnreadableSecretException e = assertThrows(UnreadableSecretException.class,
                () -> other.open(sealed, "account.onoffice_secret"));

        assertTrue(e.getMessage().contains(box.key().id()) && e.getMessage().contains(other.key().id()), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void anAlteredValueOrOneMovedToAnotherColumnDoesNotOpen() {
        String sealed = box.seal(SECRET, "account.onoffice_secret");
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);

        assertThrows(UnreadableSecretException.class, () -> box.open(altered, "account.onoffice_secret"));
        assertThrows(UnreadableSecretException.class, () -> box.open(sealed, "marketplace_claim.api_claim"));
    }

    @Test
    void emptyStaysEmptyAndAClearLegacyValueIsReadAsItIs() {
        assertEquals("", box.seal("", "c"));
        assertEquals("", box.open("", "c"));
        assertEquals("stored-in-clear-by-an-earlier-version", box.open("stored-in-clear-by-an-earlier-version", "c"));
    }

    @Test
    void aKeyMustBe32BytesOfBase64AndItsTextIsNeverQuoted() {
        ConfigException shortKey = assertThrows(ConfigException.class, () -> MasterKey.parse("c2hvcnQ=", "secrets.key"));
        assertTrue(shortKey.getMessage().startsWith("secrets.key holds 5 bytes"), shortKey.getMessage());
        ConfigException notBase64 = assertThrows(ConfigException.class, () -> MasterKey.parse("not base64 !!", "secrets.key"));
        assertFalse(notBase64.getMessage().contains("not base64 !!"), notBase64.getMessage());
        MasterKey key = MasterKey.generate();
        assertEquals(key, MasterKey.parse(key.toBase64(), "x"));
        assertEquals(key, MasterKey.parse(key.toBase64().replace('+', '-').replace('/', '_').replace("=", ""), "x"));
        assertFalse(key.toString().contains(key.toBase64()));
    }
}
