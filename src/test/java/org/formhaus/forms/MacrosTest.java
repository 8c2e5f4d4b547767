package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Macros filled in where they land; markup and URLs injected through every source stay data. */
class MacrosTest {

    private static final Function<String, String> VALUES = Macros.values(
            Map.of("vorname", "<b>Max</b>&\"x\"", "ziel", "https://evil.example/?a=1&b=2#x",
                    "extras", List.of("Balkon", "Garten")),
            Map.of("page", "https://agency.example/p?q=1&r=<script>", "utm_source", "news letter/../x",
                    "referrer", "javascript:alert(1)"));

    @Test
    void aUrlGetsEveryValuePercentEncodedSoNoValueAddsAParameterPathOrHost() {
        String url = Macros.url("https://agency.example/danke?n={{vorname}}&z={{ ziel }}&p={{page.url}}"
                + "&s={{utm.source}}&r={{referrer}}&e={{extras}}&x={{record.Name}}&u={{unknown}}", VALUES);
        assertEquals("https://agency.example/danke?n=%3Cb%3EMax%3C%2Fb%3E%26%22x%22"
                + "&z=https%3A%2F%2Fevil.example%2F%3Fa%3D1%26b%3D2%23x"
                + "&p=https%3A%2F%2Fagency.example%2Fp%3Fq%3D1%26r%3D%3Cscript%3E"
                + "&s=news%20letter%2F..%2Fx&r=javascript%3Aalert%281%29&e=Balkon%2C%20Garten&x=&u=", url);
        assertEquals(null, ThankYouUrl.problem("https://agency.example/danke?n={{vorname}}"), "a macro saves");
        assertEquals(true, ThankYouUrl.allowed(url));
    }

    @Test
    void aLoadedRecordFillsRecordMacrosByOnOfficeFieldNameAndTheNamesAreKnown() {
        var valueOf = Macros.values(Map.of(), Map.of(), Macros.record(Map.of("Vorname", "Ann",
                "HerkunftKontakt", List.of("Empfehlung", "Werbung"))));
        assertEquals("Hallo Ann (Empfehlung, Werbung), ", Macros.text("Hallo {{record.Vorname}} ({{record.HerkunftKontakt}}),"
                + " {{record.Name}}", valueOf));
        assertEquals(List.of("vorname", "page.url", "record.Name"), Macros.names("{{vorname}} {{ page.url }} {{record.Name}}"));
        assertEquals(true, Macros.fixed("utm.source"));
        assertEquals(false, Macros.fixed("vorname"));
    }

    @Test
    void aFormsTextsGetTheirMacrosFilledAndDefaultsOnlyFromThePageAndTheRecord() throws Exception {
        FormDefinition form = new DefinitionParser().parse(com.google.gson.JsonParser.parseString("""
                {"key": "k", "kind": "contact", "title": "Hallo {{utm.source}}", "fields": [
                  {"name": "vorname", "type": "text", "label": "Vorname {{record.Vorname}}", "help": "für {{vorname}}",
                   "default": "{{record.Vorname}}"},
                  {"name": "quelle", "type": "hidden", "label": "Q", "default": "{{utm.source}}"}]}""")
                .getAsJsonObject());
        var valueOf = Macros.values(Map.of("vorname", "Max"), Map.of("utm_source", "<b>"), Map.of("Vorname", "Ann"));
        FormDefinition texts = TextMacros.texts(form, valueOf);
        assertEquals("Hallo <b>", texts.title());
        assertEquals("Vorname Ann", texts.field("vorname").orElseThrow().label());
        assertEquals("für Max", texts.field("vorname").orElseThrow().help());
        FormDefinition defaults = TextMacros.defaults(form, valueOf);
        assertEquals("Ann", defaults.field("vorname").orElseThrow().defaultValue());
        assertEquals("<b>", defaults.field("quelle").orElseThrow().defaultValue());
        assertEquals(true, TextMacros.live("für {{vorname}}"));
        assertEquals(false, TextMacros.live("von {{page.url}}"));
    }

    @Test
    void textGetsTheValuesAsTheyAreForTheTemplateToEscape() {
        assertEquals("Hallo <b>Max</b>&\"x\" von news letter/../x",
                Macros.text("Hallo {{vorname}} von {{utm.source}}", VALUES));
        assertNull(Macros.text(null, VALUES));
        assertEquals("no {macro} here", Macros.text("no {macro} here", VALUES));
    }
}
