package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

    private final FormValidator validator = new FormValidator();

    private static FormDefinition form(String language) throws Exception {
        String json = DefinitionParserTest.CONTACT.replace("\"language\": \"de\"", "\"language\": \"" + language + "\"");
        return new DefinitionParser().parse(JsonParser.parseString(json).getAsJsonObject());
    }

    @Test
    void acceptsACompleteEntryAndTrimsValues() throws Exception {
        ValidationResult r = validator.validate(form("de"), Map.of("vorname", List.of(" Max "),
                "email", List.of("max@example.org"), "dsgvo", List.of("yes")));
        assertTrue(r.valid(), r.errors().toString());
        assertEquals("Max", r.values().get("vorname"));
    }

    @Test
    void namesEachBadFieldInTheFormsLanguage() throws Exception {
        ValidationResult r = validator.validate(form("en"), Map.of("vorname", List.of(""), "email", List.of("not-an-email")));
        assertFalse(r.valid());
        assertEquals("Please fill in this field.", r.errors().asMap().get("vorname"));
        assertEquals("Please enter a valid email address.", r.errors().asMap().get("email"));
        assertEquals("Please agree to continue.", r.errors().asMap().get("dsgvo"));
        ValidationResult de = validator.validate(form("de"), Map.of("email", List.of("x@")));
        assertEquals("Bitte geben Sie eine gültige E-Mail-Adresse ein.", de.errors().asMap().get("email"));
    }

    @Test
    void keepsEnteredValuesWhenInvalidSoTheFormCanBeShownAgain() throws Exception {
        ValidationResult r = validator.validate(form("de"), Map.of("vorname", List.of("Max"), "email", List.of("bad")));
        assertEquals("Max", r.values().get("vorname"));
        assertEquals("bad", r.values().get("email"));
    }

    @Test
    void numbersHonourMinMaxStepAndGermanDecimals() throws Exception {
        FormDefinition f = new DefinitionParser().parse(JsonParser.parseString("""
                {"key": "n", "kind": "custom", "language": "en", "fields": [
                  {"name": "rooms", "type": "number", "min": 1, "max": 10, "step": 0.5}]}""").getAsJsonObject());
        assertTrue(validator.validate(f, Map.of("rooms", List.of("3,5"))).valid());
        assertEquals("Please enter at least 1.", validator.validate(f, Map.of("rooms", List.of("0"))).errors().asMap().get("rooms"));
        assertEquals("Please enter at most 10.", validator.validate(f, Map.of("rooms", List.of("11"))).errors().asMap().get("rooms"));
        assertEquals("Please enter a multiple of 0.5.", validator.validate(f, Map.of("rooms", List.of("2.2"))).errors().asMap().get("rooms"));
        assertEquals("Please enter a number.", validator.validate(f, Map.of("rooms", List.of("three"))).errors().asMap().get("rooms"));
    }

    /** Issue 12: an appointment's date and time, from a datetime-local input or typed the German way. */
    @Test
    void aDateAndTimeIsKeptAsIsoMinutesAndItsDayHonoursTheDateLimits() throws Exception {
        FormDefinition f = new DefinitionParser().parse(JsonParser.parseString("""
                { "key": "t", "kind": "appointment", "title": "T", "fields": [
                  {"name": "email", "type": "email", "maps": "address.Email"},
                  {"name": "termin", "type": "datetime", "required": true, "minDate": "2026-06-01",
                   "maxDate": "2026-06-30", "maps": "calendar.start_dt"} ] }""").getAsJsonObject());
        for (String given : List.of("2026-06-02T10:30", "2026-06-02T10:30:00", "2026-06-02 10:30", "2.6.2026 10:30",
                "02.06.2026, 10:30")) {
            ValidationResult r = validator.validate(f, Map.of("email", List.of("a@example.org"), "termin",
                    List.of(given)));
            assertTrue(r.valid(), given + ": " + r.errors().asMap());
            assertEquals("2026-06-02T10:30", r.values().get("termin"), given);
        }
        assertEquals("Bitte geben Sie ein gültiges Datum mit Uhrzeit ein (TT.MM.JJJJ HH:MM).", validator.validate(f,
                Map.of("termin", List.of("2026-06-02"))).errors().asMap().get("termin"));
        assertTrue(validator.validate(f, Map.of("termin", List.of("2026-07-01T10:00"))).errors().asMap()
                .get("termin").contains("30.06.2026"));
        assertTrue(validator.validate(f, Map.of()).errors().asMap().containsKey("termin"), "required");
    }
}
