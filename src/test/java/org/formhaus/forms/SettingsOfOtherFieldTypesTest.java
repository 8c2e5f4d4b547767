package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import java.util.List;
import org.formhaus.admin.ProblemCodes;
import org.junit.jupiter.api.Test;

/**
 * No silent settings on fields: a setting the schema gives only other field types is refused at save naming it (the
 * builder hides it for that type, and nothing would act on it); a definition stored before still loads.
 */
class SettingsOfOtherFieldTypesTest {

    private static final String FORM = """
            { "key": "k", "kind": "contact", "title": "T",
              "fields": [{"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"},
                         {"name": "a", "type": "text", "label": "A", "maxBytes": 5, "min": 3},
                         {"name": "h", "type": "heading", "label": "H", "help": "?"},
                         {"name": "q", "type": "hidden", "label": "Q", "placeholder": "p"},
                         {"name": "d", "type": "date", "label": "D", "pattern": "x"}] }""";

    @Test
    void aSettingOfAnotherTypeIsRefusedByPath() {
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> new DefinitionParser().parse(JsonParser.parseString(FORM).getAsJsonObject()));
        List<String> problems = e.problems().stream().map(Object::toString).toList();
        assertEquals(List.of("fields[1].maxBytes: a text field does not take 'maxBytes'",
                "fields[1].min: a text field does not take 'min'",
                "fields[2].help: a heading field does not take 'help'",
                "fields[3].placeholder: a hidden field does not take 'placeholder'",
                "fields[4].pattern: a date field does not take 'pattern'"), problems);
        assertEquals("notForType", ProblemCodes.json(e.problems().get(0)).get("code").getAsString());
    }

    @Test
    void aDefinitionStoredBeforeStillLoads() throws Exception {
        assertEquals(5, new DefinitionParser().parseStored(JsonParser.parseString(FORM).getAsJsonObject())
                .fields().size());
    }
}
