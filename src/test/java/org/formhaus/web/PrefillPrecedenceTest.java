package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormValidator;
import org.junit.jupiter.api.Test;

/**
 * Prefill precedence (#12, README "Prefill precedence"): default < value of a loaded record < URL (by name or
 * {@code module[field]}, only for fields with {@code prefill}) < forced value (a hidden field without prefill), as a
 * table: each row gives the sources a field has and the value the page starts with.
 */
class PrefillPrecedenceTest {

    private static final FormDefinition FORM = form();

    /** field, has default, record value, URL by name, URL by module, expected. */
    private static final Object[][] TABLE = {
            // an ordinary field without prefill: the URL does not count
            {"ort", "Aachen", null, null, null, "Aachen"},
            {"ort", "Aachen", "Köln", null, null, "Köln"},
            {"ort", "Aachen", "Köln", "Bonn", "Essen", "Köln"},
            // a field that allows prefilling: URL beats record beats default
            {"zimmer", "3", null, null, null, "3"},
            {"zimmer", "3", "4", null, null, "4"},
            {"zimmer", "3", "4", null, "5", "5"},
            {"zimmer", "3", "4", "6", "5", "6"},
            {"zimmer", null, null, null, "5", "5"},
            // a hidden field with prefill: the URL's value
            {"kampagne", "herbst", "alt", "winter", null, "winter"},
            {"kampagne", "herbst", "alt", null, null, "alt"},
            // a forced value: nothing beats it
            {"quelle", "website", "crm", "HACKED", "HACKED", "website"},
    };

    @Test
    void eachFieldStartsWithItsStrongestSource() {
        for (Object[] row : TABLE) {
            String field = (String) row[0];
            Map<String, Object> record = new HashMap<>();
            if (row[2] != null) {
                record.put(field, row[2]);
            }
            Map<String, List<String>> query = new HashMap<>();
            if (row[3] != null) {
                query.put(field, List.of((String) row[3]));
            }
            if (row[4] != null) {
                String maps = FORM.field(field).orElseThrow().maps();
                query.put(Prefill.moduleParam(maps), List.of((String) row[4]));
            }
            FormDefinition form = row[1] == null ? withoutDefault(field) : FORM;
            assertEquals(row[5], Prefill.values(form, query, record).get(field), java.util.Arrays.toString(row));
        }
    }

    @Test
    void aForgedForcedValueIsNeverStored() {
        Map<String, List<String>> posted = Map.of("quelle", List.of("HACKED"), "kampagne", List.of("winter"));
        Map<String, Object> values = new FormValidator().validate(FORM, posted).values();
        assertEquals("website", values.get("quelle"));
        assertEquals("winter", values.get("kampagne"));
    }

    @Test
    void aRangeTakesTheModuleFormAsFromComma() {
        Map<String, Object> values = Prefill.values(FORM, Map.of("searchcriteria[kaufpreis]",
                List.of("200000,400000")), Map.of());
        assertEquals(List.of("200000", "400000"), values.get("preis"));
        assertEquals(List.of("1", "2"), Prefill.values(FORM, Map.of("preis_from", List.of("1"), "preis_to",
                List.of("2"), "searchcriteria[kaufpreis]", List.of("7,8")), Map.of()).get("preis"));
    }

    private static FormDefinition withoutDefault(String field) {
        return FORM.withFields(f -> f.name().equals(field) ? f.toBuilder().defaultValue(null).build() : f);
    }

    private static FormDefinition form() {
        try {
            return new DefinitionParser().parse(JsonParser.parseString("""
                    {"key": "praezedenz", "kind": "searchprofile", "language": "de", "fields": [
                      {"name": "ort", "type": "text", "label": "Ort", "default": "Aachen",
                       "maps": "searchcriteria.range_ort"},
                      {"name": "zimmer", "type": "number", "label": "Zimmer", "default": "3", "prefill": true,
                       "maps": "searchcriteria.anzahl_zimmer__von"},
                      {"name": "preis", "type": "range", "label": "Preis", "prefill": true,
                       "maps": "searchcriteria.kaufpreis"},
                      {"name": "kampagne", "type": "hidden", "default": "herbst", "prefill": true,
                       "maps": "address.HerkunftKontakt"},
                      {"name": "quelle", "type": "hidden", "default": "website", "maps": "searchcriteria.krit_bemerkung"}
                    ]}""").getAsJsonObject());
        } catch (org.formhaus.forms.DefinitionException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
