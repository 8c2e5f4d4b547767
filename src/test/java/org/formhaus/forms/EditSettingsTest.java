package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** A form's {@code edit} section (#12): read, defaulted and refused by its JSON path. */
class EditSettingsTest {

    private static final String FORM = """
            {"key": "aendern", "kind": "contact", %s "fields": [
              {"name": "ort", "type": "text", "label": "Ort", "maps": "%s"}]}""";

    @Test
    void aFormWithoutTheSectionEditsNothingAndOneWithItGetsThirtyDaysByDefault() throws Exception {
        assertNull(EditSettings.of(parse(FORM.formatted("", "address.Ort"))));
        EditSettings edit = EditSettings.of(parse(FORM.formatted("\"edit\": {\"module\": \"address\"},",
                "address.Ort")));
        assertEquals(new EditSettings("address", 30), edit);
    }

    @Test
    void whatCannotWorkIsRefusedNamingItsPlace() {
        assertRefused("\"edit\": {\"module\": \"task\"},", "address.Ort", "edit.module: must be one of");
        assertRefused("\"edit\": {\"module\": \"address\", \"validDays\": 0},", "address.Ort",
                "edit.validDays: must be between 1 and 365");
        assertRefused("\"edit\": {\"module\": \"estate\"},", "address.Ort",
                "edit.module: no field of the form maps a estate field");
        assertRefused("\"edit\": {\"module\": \"address\"},", "address.Email",
                "fields[0].maps: an edit form cannot change an address's contact data");
        assertRefused("\"edit\": {\"module\": \"address\", \"lifetime\": 3},", "address.Ort",
                "edit.lifetime: unknown key 'lifetime'");
        assertRefused("\"edit\": true,", "address.Ort", "edit: must be an object");
    }

    private static void assertRefused(String section, String maps, String message) {
        DefinitionException e = assertThrows(DefinitionException.class, () -> parse(FORM.formatted(section, maps)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static FormDefinition parse(String json) throws DefinitionException {
        return new DefinitionParser().parse(JsonParser.parseString(json).getAsJsonObject());
    }
}
