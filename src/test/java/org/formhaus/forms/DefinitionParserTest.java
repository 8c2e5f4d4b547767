package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.testing.TestForms;
import org.junit.jupiter.api.Test;

class DefinitionParserTest {

    static final String CONTACT = TestForms.CONTACT;

    private final DefinitionParser parser = new DefinitionParser();

    @Test
    void parsesTheContractsExample() throws Exception {
        FormDefinition form = parser.parse(JsonParser.parseString(CONTACT).getAsJsonObject());
        assertEquals("kontakt", form.key());
        assertEquals(FormKind.CONTACT, form.kind());
        assertEquals(4, form.fields().size());
        assertEquals("address.Email", form.field("email").orElseThrow().maps());
        assertTrue(form.field("dsgvo").orElseThrow().required());
    }

    @Test
    void refusesUnknownTypeDuplicateNameAndBadMappingNamingEachPlace() {
        String json = """
                {"key": "k", "kind": "contact", "fields": [
                  {"name": "a", "type": "colour"},
                  {"name": "b", "type": "text", "maps": "adress.Name"},
                  {"name": "b", "type": "text"},
                  {"name": "n", "type": "number", "min": 10, "max": 1}
                ]}""";
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> parser.parse(JsonParser.parseString(json).getAsJsonObject()));
        String all = e.problems().toString();
        assertTrue(all.contains("fields[0].type"), all);
        assertTrue(all.contains("fields[1].maps"), all);
        assertTrue(all.contains("fields[2].name"), all);
        assertTrue(all.contains("fields[3].min"), all);
    }

    @Test
    void refusesUnknownKindAndMissingFields() {
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> parser.parse(JsonParser.parseString("{\"key\": \"x\", \"kind\": \"lottery\"}").getAsJsonObject()));
        String all = e.problems().toString();
        assertTrue(all.contains("kind"), all);
        assertTrue(all.contains("fields"), all);
    }

    @Test
    void everyProblemIsNamedByItsJsonPathDownToTheOption() {
        String json = """
                {"key": "k", "kind": "custom", "fields": [
                  {"name": "a", "type": "text"},
                  {"name": "b", "type": "select", "options": ["x", {"value": ""}, 7]},
                  {"name": "c", "type": "text", "showIf": {"field": "a", "equals": ""}},
                  {"name": "d", "type": "number", "min": "many"}
                ], "theme": {"accent": "url(x)"}}""";
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> parser.parse(JsonParser.parseString(json).getAsJsonObject()));
        List<String> places = e.problems().stream().map(DefinitionException.Problem::place).toList();
        assertEquals(List.of("fields[1].options[1]", "fields[2].showIf.equals", "fields[3].min", "theme.accent"),
                places, e.problems().toString());
    }

    @Test
    void aFieldBuiltInCodeEqualsTheSameFieldParsed() throws Exception {
        FormDefinition form = parser.parse(JsonParser.parseString("""
                {"key": "k", "kind": "custom", "fields": [
                  {"name": "budget", "type": "currency", "label": "Budget", "required": true, "maps": "estate.kaufpreis",
                   "min": 0, "max": 2000000, "step": 1000, "unit": "EUR", "help": "ungefähr", "prefill": true},
                  {"name": "art", "type": "radio", "options": ["kauf", {"value": "miete", "label": "Miete"}],
                   "showIf": {"field": "budget", "filled": true}}
                ]}""").getAsJsonObject());
        Field budget = Field.builder("budget", FieldType.CURRENCY).label("Budget").required(true)
                .maps("estate.kaufpreis").min(new BigDecimal("0")).max(new BigDecimal("2000000"))
                .step(new BigDecimal("1000")).unit("EUR").help("ungefähr").prefill(true).build();
        Field art = Field.builder("art", FieldType.RADIO)
                .options(List.of(new FieldOption("kauf", "kauf"), new FieldOption("miete", "Miete")))
                .showIf(new Condition("budget", List.of())).build();
        assertEquals(List.of(budget, art), form.fields());
        assertEquals(budget, budget.toBuilder().build());
        assertEquals("art", art.label(), "a field is labelled with its name unless told otherwise");
    }

    @Test
    void aReaderNamesTheKeysNobodyReadWithTheirPath() {
        // The hook for refusing unknown keys (issue 15): a reader knows which members were asked for.
        List<DefinitionException.Problem> problems = new ArrayList<>();
        ObjectReader field = new ObjectReader(JsonParser.parseString(
                "{\"name\": \"a\", \"requird\": true, \"password\": \"x\"}").getAsJsonObject(), "fields[0]", problems,
                true);
        field.string("name");
        field.refuseUnread();
        assertEquals("[fields[0].password: unknown key 'password', fields[0].requird: unknown key 'requird']",
                problems.toString());
    }
}
