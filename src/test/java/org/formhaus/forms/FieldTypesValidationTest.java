package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field type and rule, as the server checks them; the forms are English so the messages read plainly. */
class FieldTypesValidationTest {

    /** 2025-06-15 */
    private final FormValidator validator = new FormValidator(Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC));

    private static FormDefinition form(String fields) throws Exception {
        return DefinitionRulesTest.parse("custom", "en", fields, "");
    }

    private static Map<String, List<String>> in(String... pairs) {
        Map<String, List<String>> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return m;
    }

    private String error(FormDefinition f, String field, String... pairs) {
        return validator.validate(f, in(pairs)).errors().asMap().get(field);
    }

    @Test
    void textHonoursLengthAndPatternAndTheHardLimit() throws Exception {
        FormDefinition f = form("{\"name\": \"zip\", \"type\": \"text\", \"minLength\": 5, \"maxLength\": 5, \"pattern\": \"[0-9]+\"}");
        assertNull(error(f, "zip", "zip", "80331"));
        assertEquals("Please enter at least 5 characters.", error(f, "zip", "zip", "803"));
        assertEquals("Please enter at most 5 characters.", error(f, "zip", "zip", "803310"));
        assertEquals("Please match the requested format.", error(f, "zip", "zip", "8033a"));
        FormDefinition free = form("{\"name\": \"t\", \"type\": \"text\"}, {\"name\": \"long\", \"type\": \"textarea\"}");
        assertEquals("This entry is too long.", error(free, "t", "t", "x".repeat(501)));
        assertNull(error(free, "long", "long", "x".repeat(20_000)));
        assertEquals("This entry is too long.", error(free, "long", "long", "x".repeat(20_001)));
    }

    @Test
    void emailAndPhoneAreChecked() throws Exception {
        FormDefinition f = form("{\"name\": \"e\", \"type\": \"email\"}, {\"name\": \"p\", \"type\": \"phone\"}");
        assertNull(error(f, "e", "e", "erika@example.org"));
        assertEquals("Please enter a valid email address.", error(f, "e", "e", "erika@"));
        assertNull(error(f, "p", "p", "+49 (89) 123-456"));
        assertEquals("Please enter a valid phone number.", error(f, "p", "p", "call me"));
    }

    @Test
    void currencyAndAreaAreNumbersStoredAsPlainDecimals() throws Exception {
        FormDefinition f = form("{\"name\": \"price\", \"type\": \"currency\", \"min\": 1000}, {\"name\": \"size\", \"type\": \"area\"}");
        ValidationResult r = validator.validate(f, in("price", "350.000,50", "size", "120,5"));
        assertTrue(r.valid(), r.errors().toString());
        assertEquals("350000.50", r.values().get("price"));
        assertEquals("120.5", r.values().get("size"));
        assertEquals("1234.5", validator.validate(f, in("price", "1,234.5")).values().get("price"));
        assertEquals("Please enter at least 1000.", error(f, "price", "price", "999"));
        assertEquals("Please enter a number.", error(f, "size", "size", "large"));
    }

    @Test
    void aLoneSeparatorBeforeThreeDigitsGroupsThousandsInTheFormsLanguage() {
        assertEquals("200000", FormValidator.parseNumber("200.000", "de").toPlainString());
        assertEquals("200.000", FormValidator.parseNumber("200.000", "en").toPlainString());
        assertEquals("200000", FormValidator.parseNumber("200,000", "en").toPlainString());
        assertEquals("3.5", FormValidator.parseNumber("3,5", "de").toPlainString());
        assertEquals("3.5", FormValidator.parseNumber("3.5", "de").toPlainString());
        assertEquals("1234567", FormValidator.parseNumber("1.234.567", "de").toPlainString());
        assertNull(FormValidator.parseNumber("1e5", "de"));
        assertNull(FormValidator.parseNumber("12-3", "en"));
    }

    @Test
    void aRangeIsAListOfFromAndToEitherMayBeOpen() throws Exception {
        FormDefinition f = form("{\"name\": \"price\", \"type\": \"range\", \"min\": 0, \"max\": 5000000, \"required\": true}");
        ValidationResult both = validator.validate(f, in("price_from", "200,000", "price_to", "450000"));
        assertTrue(both.valid(), both.errors().toString());
        assertEquals(List.of("200000", "450000"), both.values().get("price"));
        assertEquals(List.of("", "300000"), validator.validate(f, in("price_to", "300000")).values().get("price"));
        assertEquals(List.of("1", "2"), validator.validate(f, in("price", "1", "price", "2")).values().get("price"),
                "a JSON client may send the two ends under the field's own name");
        assertEquals("The \"from\" value must not be greater than the \"to\" value.",
                error(f, "price", "price_from", "5", "price_to", "4"));
        assertEquals("Please enter at least one of the two values.", error(f, "price"));
        assertEquals("Please enter at most 5000000.", error(f, "price", "price_to", "9000000"));
        assertEquals("Please enter a number.", error(f, "price", "price_from", "cheap"));
    }

    @Test
    void datesAcceptIsoAndGermanAndHonourTodayAsALimit() throws Exception {
        FormDefinition f = form("{\"name\": \"d\", \"type\": \"date\", \"minDate\": \"today\", \"maxDate\": \"2025-12-31\"}");
        assertEquals("2025-07-01", validator.validate(f, in("d", "1.7.2025")).values().get("d"));
        assertNull(error(f, "d", "d", "2025-06-15"));
        assertEquals("Please choose a date on or after 2025-06-15.", error(f, "d", "d", "2025-06-14"));
        assertEquals("Please choose a date on or before 2025-12-31.", error(f, "d", "d", "2026-01-01"));
        assertEquals("Please enter a valid date (YYYY-MM-DD).", error(f, "d", "d", "next week"));
        FormDefinition de = DefinitionRulesTest.parse("custom", "de", "{\"name\": \"d\", \"type\": \"date\", \"minDate\": \"today\"}", "");
        assertEquals("Bitte wählen Sie ein Datum ab dem 15.06.2025.",
                validator.validate(de, in("d", "2025-01-01")).errors().asMap().get("d"));
    }

    @Test
    void choicesMustBeAmongTheOptions() throws Exception {
        FormDefinition f = form("""
                {"name": "s", "type": "select", "options": ["a", "b"]},
                {"name": "r", "type": "radio", "options": ["x", "y"], "required": true},
                {"name": "c", "type": "checkboxes", "options": ["1", "2", "3"], "required": true}""");
        ValidationResult ok = validator.validate(f, in("s", "b", "r", "x", "c", "1", "c", "3"));
        assertTrue(ok.valid(), ok.errors().toString());
        assertEquals(List.of("1", "3"), ok.values().get("c"));
        assertEquals("Please choose one of the options.", error(f, "s", "s", "z"));
        assertEquals("Please fill in this field.", error(f, "r"));
        assertEquals("Please choose one of the options.", error(f, "c", "c", "1", "c", "9"));
        assertEquals("Please fill in this field.", error(f, "c"));
        assertEquals(List.of(), validator.validate(f, in()).values().get("c"));
    }

    @Test
    void onOfficeOptionsAreCheckedOnceResolvedAndAcceptedWhileUnknown() throws Exception {
        FormDefinition f = form("""
                {"name": "salutation", "type": "select", "optionsFrom": "onoffice", "maps": "address.Anrede"},
                {"name": "agent", "type": "userselect"}""");
        assertTrue(validator.validate(f, in("salutation", "Herr", "agent", "anyone")).valid(),
                "without resolved options the server cannot judge, and accepts");
        FormDefinition resolved = f.withFields(field -> field.withOptions(List.of(new FieldOption("Herr", "Herr"),
                new FieldOption("mmakler", "Maria Makler"))));
        assertTrue(validator.validate(resolved, in("salutation", "Herr", "agent", "mmakler")).valid());
        assertEquals("Please choose one of the options.", error(resolved, "agent", "agent", "nobody"));
    }

    @Test
    void aConsentIsStoredAsYesAndARequiredOneSaysSo() throws Exception {
        FormDefinition f = form("{\"name\": \"ok\", \"type\": \"consent\", \"required\": true}");
        assertEquals("yes", validator.validate(f, in("ok", "on")).values().get("ok"));
        assertEquals("Please agree to continue.", error(f, "ok"));
    }

    @Test
    void aHiddenFieldIsForcedUnlessThePageFillsItAndLayoutFieldsCarryNone() throws Exception {
        FormDefinition f = form("""
                {"name": "source", "type": "hidden", "default": "web"}, {"name": "h", "type": "heading", "label": "H"},
                {"name": "campaign", "type": "hidden", "default": "none", "prefill": true},
                {"name": "blank", "type": "hidden"}, {"name": "estate", "type": "hidden", "maps": "estate.Id"},
                {"name": "p", "type": "paragraph", "label": "P"}, {"name": "s", "type": "break"}, {"name": "t", "type": "text"}""");
        ValidationResult r = validator.validate(f, in("source", "HACKED", "h", "x", "campaign", "spring",
                "blank", "HACKED", "estate", "4711"));
        assertEquals("web", r.values().get("source"), "a forced value ignores what the client posts");
        assertEquals("", r.values().get("blank"), "a hidden field without a default stays empty");
        assertEquals("spring", r.values().get("campaign"), "a prefill field carries the page's value");
        assertEquals("4711", r.values().get("estate"), "the estate of the embedding page");
        assertEquals("none", validator.validate(f, in()).values().get("campaign"), "its default when none is sent");
        assertFalse(r.values().containsKey("h"));
        assertFalse(r.values().containsKey("p"));
        assertFalse(r.values().containsKey("s"));
    }

    @Test
    void filesAreCheckedForPresenceSizeAndType() throws Exception {
        FormDefinition f = form("{\"name\": \"doc\", \"type\": \"file\", \"required\": true, \"maxBytes\": 1048576, \"accept\": [\"pdf\", \"image/*\"]}");
        assertEquals("Please fill in this field.", validator.validate(f, in(), Map.of()).errors().asMap().get("doc"));
        ValidationResult ok = validator.validate(f, in(), Map.of("doc", new FileInput("Grundriss.PDF", "application/pdf", 1000)));
        assertTrue(ok.valid());
        assertEquals("Grundriss.PDF", ok.values().get("doc"));
        assertTrue(validator.validate(f, in(), Map.of("doc", new FileInput("photo", "image/jpeg", 10))).valid());
        assertEquals("The file is too large (at most 1 MB).", validator.validate(f, in(),
                Map.of("doc", new FileInput("a.pdf", "application/pdf", 2_000_000))).errors().asMap().get("doc"));
        assertEquals("This file type is not allowed (allowed: pdf, image/*).", validator.validate(f, in(),
                Map.of("doc", new FileInput("run.exe", "application/octet-stream", 10))).errors().asMap().get("doc"));
    }

    @Test
    void aFieldHiddenByItsConditionIsNeitherRequiredNorKept() throws Exception {
        FormDefinition f = form("""
                {"name": "kind", "type": "radio", "options": ["buy", "rent"], "required": true},
                {"name": "budget", "type": "currency", "required": true, "showIf": {"field": "kind", "equals": "buy"}},
                {"name": "financing", "type": "checkboxes", "options": ["bank", "cash"], "required": true,
                 "showIf": {"field": "budget", "filled": true}},
                {"name": "rent", "type": "range", "required": true, "showIf": {"field": "kind", "in": ["rent"]}}""");
        ValidationResult renting = validator.validate(f, in("kind", "rent", "budget", "500000", "financing", "bank",
                "rent_to", "1500"));
        assertTrue(renting.valid(), renting.errors().toString());
        assertEquals("", renting.values().get("budget"), "hidden fields are submitted empty");
        assertEquals(List.of(), renting.values().get("financing"), "hidden through the field it depends on");
        assertEquals(List.of("", "1500"), renting.values().get("rent"));

        ValidationResult buying = validator.validate(f, in("kind", "buy", "budget", "500000"));
        assertEquals(Map.of("financing", "Please fill in this field."), buying.errors().asMap());
        assertEquals(List.of("", ""), buying.values().get("rent"));
        assertEquals("Please fill in this field.", error(f, "budget", "kind", "buy"));
    }

    @Test
    void conditionsOnCheckboxesHoldWhenAnyListedValueIsTicked() {
        Condition c = new Condition("features", List.of("garden", "balcony"));
        assertTrue(c.holds(List.of("cellar", "balcony")));
        assertFalse(c.holds(List.of("cellar")));
        assertFalse(c.holds(null));
        assertTrue(new Condition("x", List.of()).holds("anything"));
        assertFalse(new Condition("x", List.of()).holds(""));
    }
}
