package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class DefinitionParserTest {

    static final String CONTACT = """
            { "key": "kontakt", "kind": "contact", "language": "de", "title": "Kontakt",
              "fields": [
                {"name": "vorname", "type": "text",  "label": "Vorname", "required": true,  "maps": "address.Vorname"},
                {"name": "email",   "type": "email", "label": "E-Mail",  "required": true,  "maps": "address.Email"},
                {"name": "text",    "type": "textarea", "label": "Nachricht", "maps": "agentslog.Bemerkung"},
                {"name": "dsgvo",   "type": "consent", "label": "Ich stimme der Datenschutzerklärung zu.", "required": true}
              ] }""";

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
}
