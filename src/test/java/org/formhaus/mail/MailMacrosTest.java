package org.formhaus.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Macros in e-mail subjects and bodies (#11): each value escaped for where it lands (plain subject without line
 * breaks, HTML text, HTML attribute, whole URL, part of a URL); markup and URLs injected through every source stay
 * inert.
 */
class MailMacrosTest {

    static final String MARKUP = "\"><img src=x onerror=alert(1)><script>alert(2)</script>";

    private final FormMailPlanner planner = new FormMailPlanner();
    private final Account account = new Account(1, "Agentur", new OnOfficeCredentials(null, "t", "s"),
            List.of("info@agentur.example"), List.of());

    private static StoredForm form(String emails, String translations) throws Exception {
        String json = "{\"key\": \"kontakt\", \"kind\": \"contact\", \"language\": \"de\", \"title\": \"Kontakt\", "
                + FormMailPlannerTest.FIELDS + ", \"emails\": " + emails
                + (translations == null ? "" : ", \"translations\": " + translations) + "}";
        return new StoredForm(1, 1, new DefinitionParser().parse(JsonParser.parseString(json).getAsJsonObject()));
    }

    private static Submission submission(String vorname, Map<String, String> context, String language) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("vorname", vorname);
        values.put("email", "max@example.org");
        values.put("text", MARKUP);
        AcceptedSubmission data = new AcceptedSubmission(values, language, List.of(), PageContext.of(context),
                List.of());
        return new Submission("3f0c6d4e-0000-4000-8000-000000000001", 1, "kontakt", 1, SubmissionStatus.RECEIVED,
                data, new JsonObject(), null, 1_700_000_000_000L, 1_700_000_000_000L);
    }

    private JsonObject only(StoredForm form, Submission s) throws Exception {
        List<Action> mails = planner.mails(s, form, account, new JsonObject());
        assertEquals(1, mails.size());
        return mails.get(0).parameters();
    }

    @Test
    void macrosInANoticeAreEscapedForEachPlaceTheyStandIn() throws Exception {
        StoredForm form = form("""
                {"notice": {"to": ["team@agentur.example"],
                  "subject": "Anfrage von {{vorname}} über {{utm.source}}",
                  "body": "<p>{{vorname}} schrieb: {{text}}</p><p title=\\"{{vorname}}\\">Seite: <a href=\\"{{page.url}}\\">{{page.url}}</a> <a href=\\"{{referrer}}\\">von</a> <a href=\\"https://crm.example/s?q={{vorname}}&amp;k={{utm.campaign}}\\">suchen</a> {{record.Name}}</p>"}}""",
                null);
        Submission s = submission("Max\r\nBcc: x@evil.example" + MARKUP, Map.of("page", "javascript:alert(3)",
                "referrer", "https://www.google.de/?q=a\"b", "utm_source", "news\r\nletter",
                "utm_campaign", "a&b=<c>"), "de");
        JsonObject p = only(form, s);
        String subject = p.get("subject").getAsString();
        assertFalse(subject.contains("\r") || subject.contains("\n"), "no header can be added: " + subject);
        assertTrue(subject.startsWith("Anfrage von Max Bcc: x@evil.example\"><img"), subject);
        String body = p.get("body").getAsString();
        assertFalse(body.contains("<img") || body.contains("<script") || body.contains("\"><"), body);
        assertTrue(body.contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;"), body);
        assertTrue(body.contains("title=\"Max\r\nBcc: x@evil.example&quot;&gt;&lt;img"), "attribute: " + body);
        assertTrue(body.contains("<a href=\"\">javascript:alert(3)</a>"), "no javascript: link: " + body);
        assertTrue(body.contains("<a href=\"https://www.google.de/?q=a&quot;b\">von</a>"), "a web address stays: " + body);
        assertTrue(body.contains("href=\"https://crm.example/s?q=Max%0D%0ABcc%3A%20x%40evil.example%22%3E%3Cimg"
                + "%20src%3Dx%20onerror%3Dalert(1)%3E%3Cscript%3Ealert(2)%3C%2Fscript%3E&amp;k=a%26b%3D%3Cc%3E\""),
                "percent-encoded inside a URL: " + body);
        assertTrue(body.endsWith("suchen</a> </p>"), "no record loaded: empty: " + body);
    }

    @Test
    void theConfirmationFillsNoPageContextAndNoUnrepeatedFreeText() throws Exception {
        StoredForm form = form("""
                {"confirmation": {"subject": "Danke {{vorname}} {{utm.source}}", "body": "<p>{{text}}|{{page.url}}</p>"}}""",
                null);
        JsonObject p = only(form, submission("Max", Map.of("page", "https://x.example/", "utm_source", "spam text"),
                "de"));
        assertEquals("Danke", p.get("subject").getAsString(), "no free text, no page context to a typed address");
        assertTrue(p.get("body").getAsString().contains("<p>|</p>"), p.get("body").getAsString());
    }

    @Test
    void ownSubjectAndBodyFollowTheVisitorsLanguage() throws Exception {
        StoredForm form = form("""
                {"notice": {"to": ["team@agentur.example"], "subject": "Neue Anfrage von {{vorname}}",
                            "body": "<p>Hallo Team</p>"}}""", """
                {"en": {"title": "Contact", "texts": {"emails.notice.subject": "New enquiry from {{vorname}}",
                                                      "emails.notice.body": "<p>Hello team</p>"}}}""");
        JsonObject en = only(form, submission("Max", Map.of(), "en"));
        assertEquals("New enquiry from Max", en.get("subject").getAsString());
        assertEquals("<p>Hello team</p>", en.get("body").getAsString());
        JsonObject de = only(form, submission("Max", Map.of(), "de"));
        assertEquals("Neue Anfrage von Max", de.get("subject").getAsString());
    }

    @Test
    void aMacroInAnEventHandlerOrAnUnknownNameIsRefusedAtSave() throws Exception {
        MailTemplateCheck check = new MailTemplateCheck();
        var problems = check.problems(form("""
                {"notice": {"to": ["team@agentur.example"], "body": "<a onclick=\\"{{vorname}}\\">x</a>"}}""", null)
                .definition());
        assertEquals(1, problems.size());
        assertEquals("emails.notice.body", problems.get(0).place());
        assertTrue(problems.get(0).message().contains("onclick"), problems.get(0).message());
        var refused = org.junit.jupiter.api.Assertions.assertThrows(org.formhaus.forms.DefinitionException.class,
                () -> form("{\"notice\": {\"to\": [\"t@a.example\"], \"subject\": \"{{telefon}}\"}}", null));
        assertTrue(refused.getMessage().contains("emails.notice.subject: {{telefon}}: no field named 'telefon'"),
                refused.getMessage());
    }
}
