package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A definition's texts in further languages: read, refused when wrong, applied. */
class TranslationsTest {

    private static final String FORM = """
            {"key": "k", "kind": "contact", "language": "de", "title": "Kontakt", "fields": [
              {"name": "art", "type": "radio", "label": "Art", "options": [{"value": "kauf", "label": "Kaufen"}, "miete"]},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "help": "Für die Antwort"}],
             "translations": TRANSLATIONS}""";

    private static FormDefinition parse(String translations) throws DefinitionException {
        return new DefinitionParser().parse(JsonParser.parseString(FORM.replace("TRANSLATIONS", translations))
                .getAsJsonObject());
    }

    @Test
    void aTranslationReplacesTheTextsItGivesAndTheLanguage() throws Exception {
        FormDefinition form = parse("""
                {"en": {"title": "Contact", "fields": {"art": {"label": "Kind", "options": {"kauf": "Buy"}},
                                                        "email": {"label": "Email"}}}}""");
        assertEquals(List.of("de", "en"), form.languages());
        FormDefinition en = form.inLanguage("en");
        assertEquals("en", en.language());
        assertEquals("Contact", en.title());
        assertEquals("Kind", en.field("art").orElseThrow().label());
        assertEquals(List.of(new FieldOption("kauf", "Buy"), new FieldOption("miete", "miete")),
                en.field("art").orElseThrow().options());
        assertEquals("Für die Antwort", en.field("email").orElseThrow().help(), "left out: as defined");
        assertEquals(List.of("de", "en"), en.languages(), "the copy still offers the original");
        assertSame(form, form.inLanguage("de"));
        assertSame(form, form.inLanguage("fr"));
        assertEquals("Please enter a valid email address.", new FormValidator().validate(en,
                Map.of("email", List.of("x"))).errors().asMap().get("email"));
    }

    @Test
    void mistakesAreNamedByPlace() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> parse("""
                {"de": {}, "fr": {}, "en": {"titel": "x", "fields": {"nix": {}, "art": {"lable": "x",
                  "options": {"haus": "House"}}}}}"""));
        List<String> problems = e.problems().stream().map(Object::toString).toList();
        for (String expected : List.of("translations.de: a translation is into en, not the form's own language",
                "translations.fr: a translation is into en, not the form's own language",
                "translations.en.titel: unknown key 'titel'", "translations.en.fields.nix: no field named 'nix'",
                "translations.en.fields.art.lable: unknown key 'lable'",
                "translations.en.fields.art.options.haus: 'haus' is not an option of 'art'")) {
            assertTrue(problems.contains(expected), expected + " in " + problems);
        }
    }
}
