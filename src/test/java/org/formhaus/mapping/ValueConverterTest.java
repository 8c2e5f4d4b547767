package org.formhaus.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.FieldType;
import org.formhaus.onoffice.FieldInfo;
import org.junit.jupiter.api.Test;

class ValueConverterTest {

    static FieldInfo field(String name, String type, String... keyDeEn) {
        Map<String, FieldInfo.PermittedValue> values = new LinkedHashMap<>();
        for (String k : keyDeEn) {
            String[] p = k.split(":");
            values.put(p[0], new FieldInfo.PermittedValue(p[0], p[1], p[2]));
        }
        return new FieldInfo("address", name, type, null, name, name, values);
    }

    @Test
    void numbersAreSentWithADecimalPointWhateverTheVisitorTyped() {
        assertEquals("120.5", ValueConverter.convert(field("f", "float"), "f", FieldType.AREA, "120,5"));
        assertEquals("1234.5", ValueConverter.convert(field("f", "float"), "f", FieldType.NUMBER, "1.234,5"));
        assertEquals("4", ValueConverter.convert(field("f", "integer"), "f", FieldType.NUMBER, "3,5"));
        // A number typed into a text field is read the German way.
        assertEquals("450000", ValueConverter.convert(field("f", "float"), "f", FieldType.TEXT, "450.000"));
    }

    @Test
    void numericFieldsArriveCanonicalFromTheValidatorAndAreNotReadAsGermanThousands() {
        assertEquals("85.125", ValueConverter.convert(field("f", "float"), "f", FieldType.AREA, "85.125"));
        assertEquals("450000", ValueConverter.convert(field("f", "float"), "f", FieldType.CURRENCY, "450000"));
    }

    @Test
    void withoutTheCatalogueTheFormFieldTypeDecides() {
        assertEquals("3.5", ValueConverter.convert(null, "anzahl_zimmer", FieldType.NUMBER, "3,5"));
        assertEquals("1", ValueConverter.convert(null, "x", FieldType.CONSENT, "on"));
        assertEquals(List.of("a", "b"), ValueConverter.convert(null, "x", FieldType.CHECKBOXES, List.of("a", "b")));
        assertEquals("Herr", ValueConverter.convert(null, "Anrede", FieldType.SELECT, "Mr."));
    }

    @Test
    void datesKeepATimeOfDayWhenOneWasGiven() {
        assertEquals("2026-06-01", ValueConverter.convert(field("d", "date"), "d", FieldType.DATE, "2026-06-01"));
        assertEquals("2026-06-01 10:30:00", ValueConverter.convert(field("d", "date"), "d", FieldType.SELECT,
                "2026-06-01T10:30"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValueConverter.convert(field("d", "date"), "d", FieldType.TEXT, "morgen"));
        assertTrue(e.getMessage().contains("onOffice field d"), e.getMessage());
    }

    @Test
    void selectLabelsAndSalutationSynonymsBecomeOnOfficeKeys() {
        FieldInfo art = field("ArtDaten", "multiselect", "Eigentuemer:Eigentümer:Owner", "Kunde:Kunde:Customer");
        assertEquals(List.of("Eigentuemer", "Kunde"),
                ValueConverter.convert(art, "ArtDaten", FieldType.CHECKBOXES, List.of("Owner", "Kunde")));
        FieldInfo anrede = field("Anrede", "singleselect", "Herr:Herr:Mr.", "Frau:Frau:Mrs.");
        assertEquals("Frau", ValueConverter.convert(anrede, "Anrede", FieldType.RADIO, "female"));
        assertEquals("Frau", ValueConverter.convert(anrede, "Anrede", FieldType.RADIO, "Mrs."));
    }

    @Test
    void emptyValuesAreNotSentAndSeveralValuesIntoTextAreJoined() {
        assertNull(ValueConverter.convert(field("t", "varchar"), "t", FieldType.TEXT, ""));
        assertNull(ValueConverter.convert(field("t", "varchar"), "t", FieldType.CHECKBOXES, List.of()));
        assertEquals("a, b", ValueConverter.convert(field("t", "varchar"), "t", FieldType.CHECKBOXES, List.of("a", "b")));
        assertEquals("0", ValueConverter.convert(field("b", "boolean"), "b", FieldType.SELECT, "nein"));
    }
}
