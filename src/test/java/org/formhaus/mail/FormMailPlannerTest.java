package org.formhaus.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.delivery.PermanentDeliveryException;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.storage.Account;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionStatus;
import org.formhaus.submission.AcceptedSubmission;
import org.formhaus.submission.PageContext;
import org.junit.jupiter.api.Test;

class FormMailPlannerTest {

    static final String FIELDS = """
            "fields": [
              {"name": "vorname", "type": "text",  "label": "Vorname", "required": true, "maps": "address.Vorname"},
              {"name": "email",   "type": "email", "label": "E-Mail",  "required": true, "maps": "address.Email"},
              {"name": "text",    "type": "textarea", "label": "Nachricht"}
            ]""";

    private final FormMailPlanner planner = new FormMailPlanner();
    private final Account account = new Account(1, "Agentur", new OnOfficeCredentials(null, "t", "s"),
            List.of("info@agentur.example", "vertrieb@agentur.example"), List.of());

    static StoredForm form(String language, String emails) throws Exception {
        String json = "{\"key\": \"kontakt\", \"kind\": \"contact\", \"language\": \"" + language + "\", "
                + "\"title\": \"Kontakt\", " + FIELDS + (emails == null ? "" : ", \"emails\": " + emails) + "}";
        return new StoredForm(1, 1, new DefinitionParser().parse(JsonParser.parseString(json).getAsJsonObject()));
    }

    static Submission submission(String vorname, String email) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("vorname", vorname);
        values.put("email", email);
        values.put("text", "Bitte <b>zurückrufen</b> & danke");
        AcceptedSubmission data = new AcceptedSubmission(values, "de", List.of(), PageContext.NONE, List.of());
        return new Submission("3f0c6d4e-0000-4000-8000-000000000001", 1, "kontakt", 1, SubmissionStatus.RECEIVED,
                data, new JsonObject(), null, 1_700_000_000_000L, 1_700_000_000_000L);
    }

    private List<Action> plan(StoredForm form, Submission s) throws Exception {
        return planner.mails(s, form, account, new JsonObject());
    }

    @Test
    void aFormWithoutAnEmailsSectionSendsNothing() throws Exception {
        assertTrue(plan(form("de", null), submission("Max", "max@example.org")).isEmpty());
    }

    @Test
    void theConfirmationGoesToTheVisitorFromTheFirstSenderInTheFormsLanguageWithEveryValueEscaped() throws Exception {
        // The free-text fields opted in: by default the confirmation repeats none (aConfirmationRepeatsNoFreeText...).
        List<Action> mails = plan(form("de", "{\"confirmation\": {\"enabled\": true, "
                        + "\"repeatFields\": [\"vorname\", \"text\"]}}"),
                submission("Max <script>", "max@example.org"));
        assertEquals(1, mails.size());
        JsonObject p = mails.get(0).parameters();
        assertEquals("mail.confirmation", mails.get(0).identifier());
        assertEquals("info@agentur.example", p.get("emailidentity").getAsString());
        assertEquals("[\"max@example.org\"]", p.get("receiver").toString());
        assertEquals("Ihre Anfrage: Kontakt", p.get("subject").getAsString());
        String body = p.get("body").getAsString();
        assertTrue(body.contains("Guten Tag Max &lt;script&gt;,"), body);
        assertTrue(body.contains("Bitte &lt;b&gt;zurückrufen&lt;/b&gt; &amp; danke"), body);
        assertFalse(body.contains("<script>"), body);
        assertTrue(p.get("useHtml").getAsBoolean());
    }

    @Test
    void theNoticeGoesToTheListedTeamWithReplyToTheVisitorAndAnOwnSubject() throws Exception {
        List<Action> mails = plan(form("en", """
                {"from": "vertrieb@agentur.example",
                 "notice": {"to": ["team@agentur.example"], "subject": "Lead from ${values.vorname}\\nBcc: x@evil.example"}}"""),
                submission("Max", "max@example.org"));
        assertEquals(1, mails.size());
        JsonObject p = mails.get(0).parameters();
        assertEquals("mail.notice", mails.get(0).identifier());
        assertEquals("vertrieb@agentur.example", p.get("emailidentity").getAsString());
        assertEquals("[\"team@agentur.example\"]", p.get("receiver").toString());
        assertEquals("max@example.org", p.get("replyto").getAsString());
        assertEquals("Lead from Max Bcc: x@evil.example", p.get("subject").getAsString(), "no line break in a subject");
        assertTrue(p.get("body").getAsString().contains("A new enquiry came in through the form"));
    }

    @Test
    void withoutASenderMailboxTheDeliveryStopsSayingWhereToEnterOne() throws Exception {
        Account noSenders = new Account(1, "A", account.onOffice(), List.of(), List.of());
        PermanentDeliveryException e = assertThrows(PermanentDeliveryException.class, () -> planner.mails(
                submission("Max", "max@example.org"), form("de", "{\"confirmation\": {}}"), noSenders, new JsonObject()));
        assertTrue(e.getMessage().contains("Settings → onOffice → senders"), e.getMessage());
    }

    @Test
    void aTemplateThatFailsAtDeliveryStopsItNamingTheTemplate() throws Exception {
        StoredForm form = form("de", "{\"confirmation\": {\"body\": \"${values.vorname?number}\"}}");
        PermanentDeliveryException e = assertThrows(PermanentDeliveryException.class,
                () -> plan(form, submission("Max", "max@example.org")));
        assertTrue(e.getMessage().contains("emails.confirmation.body"), e.getMessage());
    }

    @Test
    void aVisitorWithoutAnEmailGetsNoConfirmationButTheTeamIsStillNotified() throws Exception {
        List<Action> mails = plan(form("de", "{\"confirmation\": {}, \"notice\": {\"to\": \"team@agentur.example\"}}"),
                submission("Max", ""));
        assertEquals(List.of("mail.notice"), mails.stream().map(Action::identifier).toList());
        assertFalse(mails.get(0).parameters().has("replyto"));
    }

    @Test
    void aConfirmationRepeatsNoFreeTextTheVisitorEnteredUnlessTheFormOptsItIn() throws Exception {
        Submission spam = submission("Buy pills at http://spam.example", "victim@example.org");
        String body = plan(form("de", "{\"confirmation\": {}}"), spam).get(0).parameters().get("body").getAsString();
        assertFalse(body.contains("spam.example"), body);
        assertFalse(body.contains("zurückrufen"), body);
        assertTrue(body.contains("Guten Tag,"), body);

        String optedIn = plan(form("de", "{\"confirmation\": {\"repeatFields\": [\"text\"]}}"), spam).get(0)
                .parameters().get("body").getAsString();
        assertTrue(optedIn.contains("zurückrufen"), optedIn);
        assertFalse(optedIn.contains("spam.example"), "vorname is not opted in: " + optedIn);
    }

    @Test
    void repeatFieldsMustNameFieldsOfTheFormAndBelongToTheConfirmation() throws Exception {
        StoredForm unknown = form("de", "{\"confirmation\": {\"repeatFields\": [\"nachname\"]}}");
        PermanentDeliveryException e = assertThrows(PermanentDeliveryException.class,
                () -> plan(unknown, submission("Max", "max@example.org")));
        assertTrue(e.getMessage().contains("emails.confirmation.repeatFields[0]"), e.getMessage());
        // The notice shows every field: the key is unknown there, and refused when the definition is read.
        org.formhaus.forms.DefinitionException refused = assertThrows(org.formhaus.forms.DefinitionException.class,
                () -> form("de", "{\"notice\": {\"to\": \"team@agentur.example\", \"repeatFields\": []}}"));
        assertTrue(refused.getMessage().contains("emails.notice.repeatFields"), refused.getMessage());
    }

    @Test
    void overTheQuotaTheConfirmationIsLeftOutAndTheNoticeStillGoes() throws Exception {
        FormMailPlanner limited = new FormMailPlanner((account, user) -> null, (id, address, now) -> false,
                id -> List.of());
        List<Action> mails = limited.mails(submission("Max", "max@example.org"),
                form("de", "{\"confirmation\": {}, \"notice\": {\"to\": \"team@agentur.example\"}}"), account,
                new JsonObject());
        assertEquals(List.of("mail.notice"), mails.stream().map(Action::identifier).toList());
    }
}
