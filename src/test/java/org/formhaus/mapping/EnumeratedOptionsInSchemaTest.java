package org.formhaus.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.DefinitionSchema;
import org.junit.jupiter.api.Test;

/**
 * The onoffice settings that take one of a few words are choices in the builder (not free text), and every choice
 * the builder offers is one the parser accepts.
 */
class EnumeratedOptionsInSchemaTest {

    private static List<String> problems(String kind, String onoffice) throws Exception {
        var form = new DefinitionParser().parse(JsonParser.parseString("""
                { "key": "k", "kind": "%s", "title": "T", "onoffice": %s,
                  "fields": [{"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"}] }"""
                .formatted(kind, onoffice)).getAsJsonObject());
        List<Problem> problems = new ArrayList<>();
        MappingOptions.parse(form, problems);
        return problems.stream().map(Object::toString).toList();
    }

    @Test
    void newsletterAndAppointmentAsAreChoicesTheParserAccepts() throws Exception {
        var newsletter = DefinitionSchema.find("onoffice.newsletter").orElseThrow();
        assertEquals(DefinitionSchema.Kind.CHOICE, newsletter.kind());
        for (String c : newsletter.choices()) {
            assertEquals(List.of(), problems("newsletter", "{\"newsletter\": \"" + c + "\"}"), c);
        }
        var as = DefinitionSchema.find("onoffice.appointment.as").orElseThrow();
        assertEquals(DefinitionSchema.Kind.CHOICE, as.kind());
        for (String c : as.choices()) {
            assertEquals(List.of(), problems("appointment", "{\"appointment\": {\"as\": \"" + c + "\"}}"), c);
        }
        assertEquals(List.of("onoffice.appointment.as: must be calendar or task"),
                problems("appointment", "{\"appointment\": {\"as\": \"meeting\"}}"));
    }
}
