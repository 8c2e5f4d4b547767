package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.render.Templates;
import org.formhaus.testing.TestForms;
import org.junit.jupiter.api.Test;

/** A form page's HTML from its definition, without a server: fields, per-request parts, values and errors, steps. */
class FormPageTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private final FormPage page = new FormPage(new Templates());

    static FormDefinition definition(String json) throws Exception {
        return new DefinitionParser().parse(JsonParser.parseString(json).getAsJsonObject());
    }

    private String fresh(FormDefinition form, String token, Map<String, String> context) throws Exception {
        return html(new FormPage.Request(form, Map.of(), Map.of(), token, context, "/f/" + form.key(), "", false));
    }

    private String html(FormPage.Request request) throws Exception {
        return new String(page.html(request, TODAY), StandardCharsets.UTF_8);
    }

    @Test
    void theContractsContactFormRendersEachFieldWithItsLabelTypeAndRequiredMark() throws Exception {
        String html = fresh(definition(TestForms.CONTACT), "tok-1", Map.of());

        assertTrue(html.stripLeading().startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<html lang=\"de\">"), "the form's language");
        assertTrue(html.contains("<title>Kontakt</title>"));
        assertTrue(html.contains("<form method=\"post\" action=\"/f/kontakt\" "
                + "enctype=\"application/x-www-form-urlencoded\""), html);
        assertTrue(html.contains("<label for=\"fh-vorname\">Vorname <span class=\"fh-req\""), "required mark");
        assertTrue(html.contains("id=\"fh-email\" name=\"email\" type=\"email\""), "e-mail input");
        assertTrue(html.contains("<textarea id=\"fh-text\" name=\"text\""), "message as textarea");
        assertFalse(html.contains("<label for=\"fh-text\">Nachricht <span class=\"fh-req\""), "message is optional");
        assertTrue(html.contains("name=\"dsgvo\" value=\"yes\" required"), "the consent must be given");
        assertTrue(html.contains("<button type=\"submit\" class=\"fh-submit\">Absenden</button>"), "German texts");
        assertFalse(html.contains("fh-summary"), "no error summary on a fresh page");
    }

    @Test
    void eachFreshPageCarriesItsOwnTokenAndContextThoughTheRestIsRenderedOnce() throws Exception {
        FormDefinition form = definition(TestForms.CONTACT);
        String first = fresh(form, "token-one", Map.of("estate", "1234"));
        String second = fresh(form, "token-two", Map.of());

        assertTrue(first.contains("<input type=\"hidden\" name=\"_fh_token\" value=\"token-one\">"));
        assertTrue(first.contains("<input type=\"hidden\" name=\"_ctx_estate\" value=\"1234\">"));
        assertTrue(second.contains("<input type=\"hidden\" name=\"_fh_token\" value=\"token-two\">"));
        assertFalse(second.contains("token-one") || second.contains("_ctx_estate"), "nothing of the first request");
        assertFalse(first.contains("@@fh-"), "no stand-in left over");
        assertEquals(first.replace("token-one", "token-two")
                .replace("<input type=\"hidden\" name=\"_ctx_estate\" value=\"1234\">", ""), second);
    }

    @Test
    void aRefusedSubmissionKeepsTheValuesEscapedAndShowsEachErrorAtItsFieldAndInTheSummary() throws Exception {
        FormDefinition form = definition(TestForms.CONTACT);
        String html = html(new FormPage.Request(form, Map.of("vorname", "<script>alert(1)</script>",
                "email", "max@"), Map.of("email", "Bitte eine gültige E-Mail-Adresse angeben."), "tok", Map.of(),
                "/f/kontakt", "", true));

        assertTrue(html.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""), "the value kept, escaped");
        assertFalse(html.contains("<script>alert(1)"), "never as markup");
        assertTrue(html.contains("<p class=\"fh-error\" id=\"fh-email-error\">Bitte eine gültige E-Mail-Adresse "
                + "angeben.</p>"), html);
        assertTrue(html.contains("aria-invalid=\"true\""));
        assertTrue(html.contains("<a href=\"#fh-email\">E-Mail: Bitte eine gültige E-Mail-Adresse angeben.</a>"),
                "the summary links to the field");
        assertTrue(html.contains("<p class=\"fh-error\" id=\"fh-vorname-error\" hidden></p>"), "no error for vorname");
    }

    @Test
    void aMultiStepFormRendersOneSectionPerStepWithItsTitleAndTheThemeAsCssProperties() throws Exception {
        String html = fresh(definition("""
                { "key": "bewertung", "kind": "valuation", "language": "en", "title": "Valuation",
                  "theme": {"accent": "#0055aa", "fontSize": "16px"},
                  "fields": [
                    {"name": "s1", "type": "break", "label": "Property"},
                    {"name": "art", "type": "radio", "label": "Type", "options": ["House", "Flat"], "required": true},
                    {"name": "s2", "type": "break", "label": "Contact"},
                    {"name": "email", "type": "email", "label": "Email", "required": true, "maps": "address.Email"}
                  ] }"""), "tok", Map.of());

        Matcher steps = Pattern.compile("<div class=\"fh-step\" data-fh-step=\"(\\d)\">\\s*<h2 class=\"fh-step-title\" "
                + "tabindex=\"-1\">([^<]*)</h2>").matcher(html);
        assertTrue(steps.find() && steps.group(1).equals("1") && steps.group(2).equals("Property"), html);
        assertTrue(steps.find() && steps.group(1).equals("2") && steps.group(2).equals("Contact"), html);
        assertFalse(steps.find(), "two steps");
        assertTrue(html.contains("id=\"fh-art-0\" name=\"art\" value=\"House\""), "radio options");
        assertTrue(html.contains("<button type=\"submit\" class=\"fh-submit\">Send</button>"), "English texts");
        assertTrue(html.contains("<style>:root{--fh-accent:#0055aa;--fh-font-size:16px;}</style>"), html);
    }
}
