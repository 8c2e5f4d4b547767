package org.formhaus.admin.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.junit.jupiter.api.Test;

class StarterFormsTest {

    @Test
    void everyKindHasAStarterFormThatIsAValidDefinitionOfThatKind() throws Exception {
        assertEquals(8, StarterForms.kinds().size());
        for (String kind : StarterForms.kinds()) {
            String json = StarterForms.of(kind).orElseThrow();
            FormDefinition form = new DefinitionParser().parse(JsonParser.parseString(json).getAsJsonObject());
            assertEquals(kind, form.kind().jsonName(), kind);
            assertTrue(form.fields().stream().anyMatch(f -> "address.Email".equals(f.maps())), kind + " asks for email");
        }
    }

    @Test
    void unknownKindHasNoStarterForm() {
        assertTrue(StarterForms.of("../contact").isEmpty());
        assertTrue(StarterForms.of(null).isEmpty());
    }
}
