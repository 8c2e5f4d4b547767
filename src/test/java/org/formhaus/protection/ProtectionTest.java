package org.formhaus.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.protection.ProtectionGate.Refusal;
import org.junit.jupiter.api.Test;

class ProtectionTest {

    static JsonObject definition(String protection) {
        return JsonParser.parseString("{\"protection\": " + protection + "}").getAsJsonObject();
    }

    static List<String> places(String protection) {
        return Protection.problems(definition(protection)).stream().map(Problem::toString).toList();
    }

    @Test
    void theContractsShapeIsAccepted() {
        assertEquals(List.of(), places("""
                {"password": "tender-2027", "allowedIps": ["203.0.113.0/24", "2001:db8::/32"],
                 "opensAt": "2027-03-01T09:00:00+01:00", "closesAt": "2027-03-31T18:00:00Z", "maxSubmissions": 40,
                 "oneTimeKeys": ["abcdefgh12"], "closedMessage": {"de": "Geschlossen.", "en": "Closed."},
                 "proofOfWork": false}"""));
    }

    @Test
    void everyWrongValueIsNamedByItsPlace() {
        List<String> problems = places("""
                {"captcha": true, "password": "abc", "allowedIps": ["203.0.113.0/24", "example.org"],
                 "opensAt": "2027-03-01T09:00", "closesAt": "tomorrow", "maxSubmissions": 0,
                 "oneTimeKeys": ["short", "abcdefgh12", "abcdefgh12"], "closedMessage": {"fr": "Fermé"}}""");
        for (String place : List.of("protection.captcha:", "protection.password:", "protection.allowedIps[1]:",
                "protection.opensAt:", "protection.closesAt:", "protection.maxSubmissions:",
                "protection.oneTimeKeys[0]:", "protection.oneTimeKeys[2]: is listed twice",
                "protection.closedMessage.fr:")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(place)), place + " in " + problems);
        }
    }

    @Test
    void theDefinitionParserKnowsEveryKeyOfTheSection() throws Exception {
        JsonObject d = JsonParser.parseString("""
                {"key": "k", "kind": "contact", "fields": [{"name": "email", "type": "email", "label": "E-Mail"}]}""")
                .getAsJsonObject();
        JsonObject section = new JsonObject();
        Protection.KEYS.forEach(k -> section.addProperty(k, "x"));
        d.add("protection", section);
        new org.formhaus.forms.DefinitionParser().parse(d); // values are judged by Protection, keys by SectionKeys
    }

    /** The README's example names every key and is accepted as it stands. */
    @Test
    void theReadmesExampleIsAccepted() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```json\\n\"protection\": (\\{.*?)\\n```",
                java.util.regex.Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "the README shows the section");
        JsonObject d = definition(block.group(1));
        assertEquals(List.of(), Protection.problems(d));
        assertEquals(new java.util.TreeSet<>(Protection.KEYS),
                new java.util.TreeSet<>(d.getAsJsonObject("protection").keySet()));
    }

    @Test
    void closingBeforeOpeningIsRefused() {
        assertEquals(List.of("protection.closesAt: must be after opensAt"),
                places("{\"opensAt\": \"2027-03-02T00:00:00Z\", \"closesAt\": \"2027-03-01T00:00:00Z\"}"));
    }

    @Test
    void sealingHashesThePasswordAndKeysAndKeepsWhatWasSealed() {
        JsonObject d = definition("{\"password\": \"tender-2027\", \"oneTimeKeys\": [\"abcdefgh12\"]}");
        assertTrue(ProtectionSecrets.seal(d));
        String stored = d.getAsJsonObject("protection").get("password").getAsString();
        assertTrue(stored.startsWith("$argon2id$"), stored);
        assertFalse(d.toString().contains("tender-2027"));
        assertFalse(d.toString().contains("abcdefgh12"));
        assertEquals(OneTimeKeys.hash("abcdefgh12"),
                d.getAsJsonObject("protection").getAsJsonArray("oneTimeKeys").get(0).getAsString());
        assertFalse(ProtectionSecrets.seal(d), "a definition sent back unchanged stays as it is");
        Protection p = Protection.of(d);
        assertTrue(ProtectionSecrets.matches("tender-2027", p.passwordHash()));
        assertFalse(ProtectionSecrets.matches("tender-2028", p.passwordHash()));
        assertEquals(List.of(), Protection.problems(d));
    }

    @Test
    void aClearPasswordThatReachedTheDatabaseLocksTheFormInsteadOfOpeningIt() {
        Protection p = Protection.of(definition("{\"password\": \"tender-2027\"}"));
        assertTrue(p.passwordHash() != null);
        assertFalse(ProtectionSecrets.matches("tender-2027", p.passwordHash()));
    }

    static final ProtectionGate.Usage NOTHING_USED = new ProtectionGate.Usage() {
        @Override
        public int used(String formKey) {
            return 0;
        }

        @Override
        public boolean keyUsed(String formKey, String keyHash) {
            return false;
        }
    };

    static Optional<Refusal> check(String protection, ProtectionGate.Visitor visitor, String now) throws Exception {
        return new ProtectionGate(NOTHING_USED).check("f", Protection.of(definition(protection)), visitor,
                Instant.parse(now));
    }

    @Test
    void theHoursAreHalfOpen() throws Exception {
        String hours = "{\"opensAt\": \"2027-03-01T09:00:00+01:00\", \"closesAt\": \"2027-03-01T18:00:00+01:00\"}";
        ProtectionGate.Visitor v = new ProtectionGate.Visitor("192.0.2.1", false, null);
        assertEquals(Optional.of(Refusal.NOT_YET_OPEN), check(hours, v, "2027-03-01T07:59:59Z"));
        assertEquals(Optional.empty(), check(hours, v, "2027-03-01T08:00:00Z"));
        assertEquals(Optional.of(Refusal.CLOSED), check(hours, v, "2027-03-01T17:00:00Z"));
    }

    @Test
    void theNetworkIsCheckedBeforeAnythingElse() throws Exception {
        String p = "{\"allowedIps\": [\"203.0.113.0/24\"], \"password\": \"tender-2027\"}";
        assertEquals(Optional.of(Refusal.ADDRESS),
                check(p, new ProtectionGate.Visitor("192.0.2.1", false, null), "2027-01-01T00:00:00Z"));
        assertEquals(Optional.of(Refusal.PASSWORD),
                check(p, new ProtectionGate.Visitor("203.0.113.9", false, null), "2027-01-01T00:00:00Z"));
    }

    @Test
    void onlyAListedKeyOpensAKeyedForm() throws Exception {
        String p = "{\"oneTimeKeys\": [\"abcdefgh12\"]}";
        assertEquals(Optional.of(Refusal.KEY_MISSING),
                check(p, new ProtectionGate.Visitor("192.0.2.1", false, "abcdefgh13"), "2027-01-01T00:00:00Z"));
        assertEquals(Optional.empty(),
                check(p, new ProtectionGate.Visitor("192.0.2.1", false, "abcdefgh12"), "2027-01-01T00:00:00Z"));
    }
}
