package org.formhaus.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.DefinitionException;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.storage.Account;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionStatus;
import org.formhaus.submission.AcceptedSubmission;
import org.formhaus.submission.PageContext;
import org.junit.jupiter.api.Test;

/**
 * The confirmation's own subject and text in further languages (issue 10, the builder's texts per language):
 * {@code translations.en.emails.confirmation}, sent to a visitor in that language, checked at save by its place, and
 * shown by the builder's mail preview in each language.
 */
class TranslatedConfirmationTest {

    private static final String FORM = """
            {"key": "kontakt", "kind": "contact", "language": "de", "title": "Kontakt", %s,
             "emails": {"confirmation": {"subject": "Danke, ${form.title}", "body": "<p>Hallo</p>"}},
             "translations": {"en": {"title": "Contact", "emails": {"confirmation": %s}}}}""";

    private static FormDefinition parse(String confirmationEn) throws DefinitionException {
        return new DefinitionParser().parse(JsonParser.parseString(FORM.formatted(FormMailPlannerTest.FIELDS,
                confirmationEn)).getAsJsonObject());
    }

    @Test
    void aVisitorInEnglishGetsTheEnglishSubjectAndText() throws Exception {
        FormDefinition form = parse("{\"subject\": \"Thanks, ${form.title}\", \"body\": \"<p>Hello</p>\"}");
        assertEquals(List.of(), new MailTemplateCheck().problems(form));
        Account account = new Account(1, "Agentur", new OnOfficeCredentials(null, "t", "s"),
                List.of("info@agentur.example"), List.of());
        for (String language : List.of("de", "en")) {
            AcceptedSubmission data = new AcceptedSubmission(Map.of("vorname", "Max", "email", "max@example.org"),
                    language, List.of(), PageContext.NONE, List.of());
            Submission s = new Submission("3f0c6d4e-0000-4000-8000-000000000001", 1, "kontakt", 1,
                    SubmissionStatus.RECEIVED, data, new JsonObject(), null, 1_700_000_000_000L, 1_700_000_000_000L);
            List<Action> mails = new FormMailPlanner().mails(s, new StoredForm(1, 1, form), account, new JsonObject());
            JsonObject p = mails.get(0).parameters();
            assertEquals(language.equals("en") ? "Thanks, Contact" : "Danke, Kontakt", p.get("subject").getAsString());
            assertTrue(p.get("body").getAsString().contains(language.equals("en") ? "Hello" : "Hallo"));
        }
    }

    @Test
    void aTranslatedTemplateThatDoesNotParseIsNamedByItsPlace() throws Exception {
        List<DefinitionException.Problem> problems = new MailTemplateCheck().problems(
                parse("{\"body\": \"<#if values.vorname>oops\"}"));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("translations.en.emails.confirmation.body", problems.get(0).place());
    }

    @Test
    void onlyTheConfirmationsOwnTextsCanBeTranslated() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> new DefinitionParser().parse(
                JsonParser.parseString("""
                        {"key": "k", "kind": "contact", "language": "de", %s,
                         "emails": {"confirmation": {"enabled": true}},
                         "translations": {"en": {"emails": {"confirmation": {"subject": "Thanks"},
                                                            "notice": {"subject": "x"}}}}}"""
                        .formatted(FormMailPlannerTest.FIELDS)).getAsJsonObject()));
        List<String> places = e.problems().stream().map(DefinitionException.Problem::place).toList();
        assertTrue(places.contains("translations.en.emails.confirmation.subject"), places.toString());
        assertTrue(places.contains("translations.en.emails.notice"), places.toString());
    }

    @Test
    void thePreviewShowsTheConfirmationInEachLanguage() throws Exception {
        List<MailPreview.Preview> previews = new MailPreview().of(parse("{\"subject\": \"Thanks, ${values.vorname}\"}"));
        assertEquals(List.of("de", "en"), previews.stream().map(MailPreview.Preview::language).toList());
        // the confirmation repeats no free text the visitor typed (vorname is a text field), in the preview too
        assertEquals("Thanks,", previews.get(1).subject(), "a subject is stripped");
        assertEquals(List.of("visitor"), previews.get(0).to());
    }
}
