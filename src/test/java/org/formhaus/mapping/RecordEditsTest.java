package org.formhaus.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.EditSettings;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionKind;
import org.junit.jupiter.api.Test;

/** Reading a record into an edit form and the one MODIFY its submission becomes (#12). */
class RecordEditsTest {

    private static final FormDefinition FORM = parse("""
            {"key": "aendern", "kind": "searchprofile", "language": "de", "edit": {"module": "searchcriteria"},
             "fields": [
              {"name": "preis", "type": "range", "label": "Preis", "maps": "searchcriteria.kaufpreis"},
              {"name": "zimmer", "type": "number", "label": "Zimmer", "maps": "searchcriteria.anzahl_zimmer__von"},
              {"name": "arten", "type": "checkboxes", "label": "Arten", "options": ["haus", "wohnung"],
               "maps": "searchcriteria.objektart"},
              {"name": "ort", "type": "text", "label": "Ort", "maps": "searchcriteria.range_ort"},
              {"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"}]}""");

    @Test
    void aSearchCriterionIsReadByIdWithGetSearchcriterias() {
        Action read = RecordEdits.read(FORM, "searchcriteria", "17");
        assertEquals(ActionKind.GET, read.kind());
        assertEquals("searchcriterias", read.resourceType());
        assertEquals("{\"mode\":\"searchcriteria\",\"ids\":[\"17\"]}", read.parameters().toString());
    }

    @Test
    void theRecordsValuesFillTheFieldsMappedToItsModuleAsTheFormWritesThem() {
        Map<String, Object> record = Map.of("range_kaufpreis", List.of("300000.00", ""),
                "range_anzahl_zimmer", List.of("3.5", "5"), "objektart", "|haus||wohnung|", "range_ort", "Aachen");
        Map<String, Object> values = RecordEdits.formValues(FORM, "searchcriteria", record);
        assertEquals(List.of("300000", ""), values.get("preis"));
        assertEquals("3,5", values.get("zimmer"), "the form's decimal mark");
        assertEquals(List.of("haus", "wohnung"), values.get("arten"));
        assertEquals("Aachen", values.get("ort"));
        assertEquals(null, values.get("email"), "another module's field is not loaded");
    }

    @Test
    void theSubmissionIsOneModifyOfTheRecordedRecordWithTheEditedModulesFieldsOnly() throws Exception {
        MappedValues mapped = new MappedValues(FORM, Map.of("preis", List.of("", "450000"), "ort", "Köln",
                "email", "x@example.org"), 1, new KnownFields());
        MappingPlan plan = RecordEdits.plan(EditSettings.of(FORM), mapped, MappingOptions.of(FORM));
        assertEquals(1, plan.stages().size());
        assertEquals("modified.searchcriteria", plan.steps().get(0).key());
        Action modify = plan.steps().get(0).action().build(JsonParser.parseString(
                "{\"edit.searchcriteria\": \"17\"}").getAsJsonObject());
        assertEquals(ActionKind.MODIFY, modify.kind());
        assertEquals("17", modify.resourceId());
        assertEquals("{\"data\":{\"kaufpreis__bis\":\"450000\",\"range_ort\":\"Köln\"}}",
                modify.parameters().toString());
    }

    private static FormDefinition parse(String json) {
        try {
            return new DefinitionParser().parse(JsonParser.parseString(json).getAsJsonObject());
        } catch (org.formhaus.forms.DefinitionException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
