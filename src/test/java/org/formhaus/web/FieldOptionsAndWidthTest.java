package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.DefinitionException;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FieldOption;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormValidator;
import org.formhaus.render.Templates;
import org.junit.jupiter.api.Test;

/**
 * A field's {@code width} and {@code hiddenOptions} (issue 10, the builder's field panel): half fields get the class
 * form.css lays out in two columns; a hidden option, static or from onOffice, is neither shown nor accepted.
 */
class FieldOptionsAndWidthTest {

    private static final String FORM = """
            {"key": "w", "kind": "contact", "language": "de", "title": "W", "fields": [
              {"name": "vorname", "type": "text", "label": "Vorname", "width": "half"},
              {"name": "name", "type": "text", "label": "Name", "width": "half"},
              {"name": "art", "type": "radio", "label": "Art", "required": true,
               "options": [{"value": "kauf", "label": "Kaufen"}, {"value": "miete", "label": "Mieten"}],
               "hiddenOptions": ["miete"]},
              {"name": "email", "type": "email", "label": "E-Mail", "width": "full", "maps": "address.Email"}],
             "translations": {"en": {"fields": {"art": {"options": {"kauf": "Buy", "miete": "Rent"}}}}}}""";

    private static FormDefinition parse(String json) throws DefinitionException {
        return new DefinitionParser().parse(JsonParser.parseString(json).getAsJsonObject());
    }

    private static String problems(String json) {
        try {
            parse(json);
            return "";
        } catch (DefinitionException e) {
            return e.problems().toString();
        }
    }

    @Test
    void halfFieldsCarryTheClassThatPutsTwoInARow() throws Exception {
        String html = new String(new FormPage(new Templates()).html(new FormPage.Request(parse(FORM), Map.of(),
                Map.of(), "t", Map.of(), "/f/w", "", false), LocalDate.of(2026, 3, 2)), StandardCharsets.UTF_8);
        assertTrue(html.contains("class=\"fh-field fh-type-text fh-half\" data-fh-field=\"vorname\""), html);
        assertTrue(html.contains("class=\"fh-field fh-type-text fh-half\" data-fh-field=\"name\""));
        assertTrue(html.contains("class=\"fh-field fh-type-email\" data-fh-field=\"email\""), "full is the default look");
        assertTrue(html.contains("value=\"kauf\""));
        assertFalse(html.contains("value=\"miete\""), "a hidden option is not offered");
        assertFalse(html.contains("Mieten"));
    }

    @Test
    void aHiddenOptionSentIsRefusedByTheServer() throws Exception {
        FormValidator validator = new FormValidator();
        FormDefinition form = parse(FORM);
        assertTrue(validator.validate(form, Map.of("art", List.of("kauf"))).valid());
        assertFalse(validator.validate(form, Map.of("art", List.of("miete"))).valid(), "hidden: refused");
        assertEquals(List.of("miete"), form.fields().get(2).hiddenOptions());
    }

    @Test
    void aHiddenOnOfficeValueIsDroppedWhenTheOptionsAreResolved() throws Exception {
        FormDefinition form = parse("""
                {"key": "o", "kind": "contact", "language": "de", "fields": [
                  {"name": "anrede", "type": "select", "maps": "address.Anrede", "optionsFrom": "onoffice",
                   "hiddenOptions": ["Firma"]}]}""");
        var resolved = form.fields().get(0).withOptions(List.of(new FieldOption("Herr", "Herr"),
                new FieldOption("Frau", "Frau"), new FieldOption("Firma", "Firma")));
        assertEquals(List.of("Herr", "Frau"), resolved.options().stream().map(FieldOption::value).toList());
        assertFalse(new FormValidator().validate(form.withFields(f -> resolved), Map.of("anrede", List.of("Firma")))
                .valid());
    }

    @Test
    void badWidthsAndHiddenOptionsAreRefusedByPath() {
        assertTrue(problems(FORM.replace("\"width\": \"full\"", "\"width\": \"third\""))
                .contains("fields[3].width: must be full or half"), problems(FORM.replace("\"width\": \"full\"", "\"width\": \"third\"")));
        assertTrue(problems(FORM.replace("[\"miete\"]", "[\"pacht\"]"))
                .contains("fields[2].hiddenOptions: 'pacht' is not an option of 'art'"));
        assertTrue(problems(FORM.replace("[\"miete\"]", "[\"miete\", \"kauf\"]"))
                .contains("fields[2].hiddenOptions: hides every option"));
        assertTrue(problems("""
                {"key": "h", "kind": "contact", "language": "de", "fields": [
                  {"name": "t", "type": "heading", "label": "T", "width": "half"},
                  {"name": "x", "type": "text", "hiddenOptions": ["a"]}]}""")
                .contains("fields[0].width: a heading always takes the whole row"));
    }
}
