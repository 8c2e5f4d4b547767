package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parser's extensions: every field type, conditions, steps, theme, context, and the places it names. */
class DefinitionRulesTest {

    private final DefinitionParser parser = new DefinitionParser();

    static FormDefinition parse(String fieldsJson) throws DefinitionException {
        return parse("custom", "de", fieldsJson, "");
    }

    static FormDefinition parse(String kind, String language, String fieldsJson, String extra) throws DefinitionException {
        return new DefinitionParser().parse(JsonParser.parseString("{\"key\": \"t\", \"kind\": \"" + kind
                + "\", \"language\": \"" + language + "\"" + extra + ", \"fields\": [" + fieldsJson + "]}").getAsJsonObject());
    }

    private static String problems(String fieldsJson) {
        return problems(fieldsJson, "");
    }

    private static String problems(String fieldsJson, String extra) {
        DefinitionException e = assertThrows(DefinitionException.class, () -> parse("custom", "de", fieldsJson, extra));
        return e.problems().toString();
    }

    @Test
    void acceptsEveryFieldTypeWithItsAttributes() throws Exception {
        FormDefinition form = parse("""
                {"name": "t", "type": "text", "minLength": 2, "maxLength": 50, "pattern": "[A-Z].*"},
                {"name": "ta", "type": "textarea", "maxLength": 5000},
                {"name": "e", "type": "email"}, {"name": "p", "type": "phone"},
                {"name": "n", "type": "number", "min": 1, "max": 10, "step": 0.5},
                {"name": "c", "type": "currency", "maps": "estate.kaufpreis"},
                {"name": "a", "type": "area", "unit": "qm"},
                {"name": "r", "type": "range", "min": 0, "maps": "searchcriteria.kaufpreis"},
                {"name": "d", "type": "date", "minDate": "today", "maxDate": "2099-12-31"},
                {"name": "s", "type": "select", "options": ["x", {"value": "y", "label": "Why"}]},
                {"name": "ra", "type": "radio", "options": ["1", "2"]},
                {"name": "cb", "type": "checkboxes", "optionsFrom": "onoffice", "maps": "address.ArtDaten"},
                {"name": "u", "type": "userselect", "maps": "task.Verantwortung"},
                {"name": "ok", "type": "consent", "label": "Ich stimme zu", "version": "2024-05", "required": true},
                {"name": "h", "type": "hidden", "default": "web"},
                {"name": "hd", "type": "heading", "label": "Objekt"}, {"name": "pa", "type": "paragraph", "label": "Text"},
                {"name": "f", "type": "file", "maxBytes": 1048576, "accept": ["pdf", ".JPG", "image/*"]}""");
        assertEquals(18, form.fields().size());
        Field n = form.field("n").orElseThrow();
        assertEquals(new BigDecimal("0.5"), n.step());
        assertEquals("qm", form.field("a").orElseThrow().unit());
        assertEquals("today", form.field("d").orElseThrow().minDate());
        assertTrue(form.field("cb").orElseThrow().dynamicOptions());
        assertTrue(form.field("u").orElseThrow().dynamicOptions());
        assertEquals("2024-05", form.field("ok").orElseThrow().consentVersion());
        assertEquals(List.of("pdf", "jpg", "image/*"), form.field("f").orElseThrow().accept());
        assertEquals(1048576L, form.field("f").orElseThrow().maxBytes());
        assertEquals(List.of("page", "utm"), form.context());
    }

    @Test
    void refusesWhatCannotHoldNamingEachPlace() {
        String all = problems("""
                {"name": "a", "type": "text", "minLength": 10, "maxLength": 5},
                {"name": "b", "type": "text", "maxLength": 600},
                {"name": "c", "type": "number", "step": 0},
                {"name": "d", "type": "text", "pattern": "(unclosed"},
                {"name": "e", "type": "date", "minDate": "2030-01-01", "maxDate": "2020-01-01"},
                {"name": "f", "type": "date", "minDate": "tomorrow"},
                {"name": "g", "type": "heading", "required": true},
                {"name": "h", "type": "hidden", "required": true},
                {"name": "i", "type": "file", "maxBytes": 999999999999},
                {"name": "j", "type": "file", "accept": ["p d f"]},
                {"name": "k", "type": "select"},
                {"name": "l", "type": "select", "optionsFrom": "onoffice"},
                {"name": "m", "type": "text", "optionsFrom": "onoffice", "maps": "address.Anrede"},
                {"name": "n", "type": "radio", "options": ["x", "x"]},
                {"name": "o", "type": "text", "required": "yes"}""");
        for (String place : List.of("fields[0].minLength", "fields[1].maxLength", "fields[2].step", "fields[3].pattern",
                "fields[4].minDate", "fields[5].minDate", "fields[6].required", "fields[7].required", "fields[8].maxBytes",
                "fields[9].accept", "fields[10].options", "fields[11].optionsFrom", "fields[12].optionsFrom",
                "fields[13].options", "fields[14].required")) {
            assertTrue(all.contains(place + ":"), place + " in " + all);
        }
    }

    @Test
    void unknownTypeNamesTheTypesThereAre() {
        String all = problems("{\"name\": \"a\", \"type\": \"slider\"}");
        assertTrue(all.contains("fields[0].type: unknown field type 'slider'; one of text, textarea"), all);
    }

    @Test
    void conditionsMustNameAnotherFieldWithAPossibleValueAndNotCycle() {
        String all = problems("""
                {"name": "kind", "type": "radio", "options": ["buy", "rent"]},
                {"name": "a", "type": "text", "showIf": {"field": "nope", "equals": "x"}},
                {"name": "b", "type": "text", "showIf": {"field": "b", "equals": "x"}},
                {"name": "c", "type": "text", "showIf": {"field": "kind", "equals": "lease"}},
                {"name": "d", "type": "text", "showIf": {"field": "e", "filled": true}},
                {"name": "e", "type": "text", "showIf": {"field": "d", "filled": true}},
                {"name": "f", "type": "text", "showIf": {"field": "kind", "in": ["buy", "rent"]}},
                {"name": "g", "type": "text", "showIf": {"field": "hd", "filled": true}},
                {"name": "hd", "type": "heading", "label": "x"},
                {"name": "ok", "type": "consent"},
                {"name": "h", "type": "text", "showIf": {"field": "ok", "equals": "true"}}""");
        assertTrue(all.contains("fields[1].showIf.field: no field named 'nope'"), all);
        assertTrue(all.contains("fields[2].showIf.field: a field cannot depend on itself"), all);
        assertTrue(all.contains("fields[3].showIf: 'kind' can never be 'lease'"), all);
        assertTrue(all.contains("fields[4].showIf: conditions form a cycle"), all);
        assertTrue(!all.contains("fields[6]"), all);
        String incomplete = problems("{\"name\": \"a\", \"type\": \"text\"}, "
                + "{\"name\": \"f\", \"type\": \"text\", \"showIf\": {\"field\": \"a\"}}");
        assertTrue(incomplete.contains("fields[1].showIf: needs 'equals', 'in'"), incomplete);
        assertTrue(all.contains("fields[7].showIf.field: 'hd' is a heading"), all);
        assertTrue(all.contains("fields[10].showIf: 'ok' can never be 'true' (a ticked consent is 'yes')"), all);
    }

    @Test
    void stepsSplitAtBreaksWhichMustBeFollowedByFields() throws Exception {
        FormDefinition form = parse("""
                {"name": "s1", "type": "break", "label": "Objekt"}, {"name": "a", "type": "text"},
                {"name": "s2", "type": "break", "label": "Kontakt"}, {"name": "b", "type": "email"},
                {"name": "c", "type": "consent"}""");
        List<FormDefinition.Step> steps = form.steps();
        assertEquals(2, steps.size());
        assertEquals("Objekt", steps.get(0).title());
        assertEquals(List.of("b", "c"), steps.get(1).fields().stream().map(Field::name).toList());
        FormDefinition untitled = parse("{\"name\": \"a\", \"type\": \"text\"}, {\"name\": \"s\", \"type\": \"break\"},"
                + "{\"name\": \"b\", \"type\": \"text\"}");
        assertNull(untitled.steps().get(0).title());
        assertEquals(1, parse("{\"name\": \"a\", \"type\": \"text\"}").steps().size());

        String all = problems("""
                {"name": "a", "type": "text"}, {"name": "s1", "type": "break"}, {"name": "s2", "type": "break"},
                {"name": "b", "type": "text"}, {"name": "s3", "type": "break"}""");
        assertTrue(all.contains("fields[1].type: a break must be followed"), all);
        assertTrue(all.contains("fields[4].type: a break must be followed"), all);
    }

    @Test
    void aRangeMayNotShadowAnotherFieldsName() {
        String all = problems("{\"name\": \"price\", \"type\": \"range\"}, {\"name\": \"price_to\", \"type\": \"text\"}");
        assertTrue(all.contains("fields[0].name: a range named 'price' submits 'price_to'"), all);
    }

    @Test
    void themeValuesAreCheckedBecauseTheyLandInAStyleElement() throws Exception {
        FormDefinition form = parse("custom", "de", "{\"name\": \"a\", \"type\": \"text\"}",
                ", \"theme\": {\"accent\": \"#0a7\", \"font\": \"'Open Sans', Arial\", \"radius\": \"4px\", "
                        + "\"background\": \"rgb(250, 250, 250)\"}");
        assertEquals(Map.of("accent", "#0a7", "font", "'Open Sans', Arial", "radius", "4px",
                "background", "rgb(250, 250, 250)"), form.theme());
        String all = problems("{\"name\": \"a\", \"type\": \"text\"}",
                ", \"theme\": {\"accent\": \"red;}</style><script>\", \"radius\": \"4 px\", \"shadow\": \"x\"}");
        assertTrue(all.contains("theme.accent: is not an allowed value"), all);
        assertTrue(all.contains("theme.radius: is not an allowed value"), all);
        assertTrue(all.contains("theme.shadow: unknown theme key"), all);
    }

    @Test
    void contextListsWhatASubmissionKeepsOfTheEmbeddingPage() throws Exception {
        assertEquals(List.of("referrer"), parse("custom", "de", "{\"name\": \"a\", \"type\": \"text\"}",
                ", \"context\": [\"referrer\"]").context());
        assertTrue(problems("{\"name\": \"a\", \"type\": \"text\"}", ", \"context\": [\"cookies\"]")
                .contains("context: 'cookies' is not one of page, utm, referrer"));
    }

    @Test
    void theContractsMinimalFieldConstructorStillWorks() {
        Field f = new Field("x", FieldType.TEXT, "X", true, null, null, null, null, null, null, null, null, null, null,
                false, null);
        assertNull(f.showIf());
        assertEquals(List.of(), f.accept());
    }
}
