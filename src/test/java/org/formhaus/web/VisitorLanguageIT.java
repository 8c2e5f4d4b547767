package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.Await;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;

/**
 * A form in German and English: the visitor's browser language, the {@code lang} parameter or the switch on the form
 * choose its texts, validation messages and confirmation e-mail; the submission records the language.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitorLanguageIT {

    static final String FORM = """
            { "key": "zweisprachig", "kind": "contact", "language": "de", "title": "Kontakt",
              "fields": [
                {"name": "anliegen", "type": "select", "label": "Anliegen", "required": true,
                 "options": [{"value": "kauf", "label": "Kaufen"}, {"value": "miete", "label": "Mieten"}]},
                {"name": "vorname", "type": "text", "label": "Vorname", "help": "Wie dürfen wir Sie ansprechen?", "maps": "address.Vorname"},
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"}
              ],
              "translations": {"en": {"title": "Contact", "fields": {
                "anliegen": {"label": "Request", "options": {"kauf": "Buy", "miete": "Rent"}},
                "vorname": {"label": "First name", "help": "How may we address you?"},
                "email": {"label": "Email"}}}},
              "emails": {"confirmation": {"enabled": true}} }""";

    /** Rule texts, own e-mail texts, the thank-you message and options from onOffice in a further language. */
    static final String MORE = """
            { "key": "sprachen", "kind": "contact", "language": "de", "title": "Anfrage",
              "thankYouMessage": "Danke, {{vorname}}!",
              "fields": [
                {"name": "art", "type": "radio", "label": "Art", "options": [{"value": "kauf", "label": "Kauf"}]},
                {"name": "preis", "type": "currency", "label": "Preis"},
                {"name": "herkunft", "type": "select", "label": "Wie fanden Sie uns?", "optionsFrom": "onoffice",
                 "maps": "address.HerkunftKontakt"},
                {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vorname"},
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"}
              ],
              "rules": [{"when": {"field": "art", "equals": "kauf"},
                         "then": [{"action": "setLabel", "field": "preis", "text": "Kaufpreis"}]}],
              "emails": {"notice": {"to": ["sprachen@agentur.example"], "subject": "Neue Anfrage von {{vorname}}"}},
              "translations": {"en": {"title": "Enquiry", "thankYouMessage": "Thank you, {{vorname}}!",
                "fields": {"herkunft": {"label": "How did you find us?"}},
                "texts": {"rules[0].then[0].text": "Purchase price",
                          "emails.notice.subject": "New enquiry from {{vorname}}"}}} }""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    @BeforeAll
    void start() throws Exception {
        server.adminJson("POST", "/admin/api/forms", FORM);
        server.adminJson("POST", "/admin/api/forms", MORE);
    }

    @Test
    void ruleTextsOwnMailTextsTheThankYouMessageAndOnOfficeOptionsFollowTheVisitorsLanguage() throws Exception {
        String english = server.get("/f/sprachen?lang=en").body();
        assertTrue(english.contains("<option value=\"eigene-Homepage\">Own homepage</option>"), english);
        assertTrue(english.contains("&quot;text&quot;:&quot;Purchase price&quot;"), "the rule's text: " + english);
        String german = server.get("/f/sprachen?lang=de").body();
        assertTrue(german.contains("<option value=\"eigene-Homepage\">Eigene Homepage</option>"), german);
        assertTrue(german.contains("&quot;text&quot;:&quot;Kaufpreis&quot;"), german);

        HttpResponse<String> sent = server.send(HttpRequest.newBuilder(server.uri("/f/sprachen"))
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode(Map.of("_fh_lang", List.of("en"),
                        "vorname", List.of("Ann"), "herkunft", List.of("eigene-Homepage"),
                        "email", List.of("ann@example.org")))))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(303, sent.statusCode(), sent.body());
        String location = sent.headers().firstValue("Location").orElseThrow();
        String thanks = server.send(HttpRequest.newBuilder(server.uri("").resolve(location)).GET()).body();
        assertTrue(thanks.contains("<p>Thank you, Ann!</p>"), thanks);
        String id = location.replaceAll(".*fh_submission=([^&]+).*", "$1");
        Await.until("delivery", Duration.ofSeconds(20), () -> server.adminJson("GET", "/admin/api/submissions/" + id,
                null).getAsJsonObject().get("status").getAsString().equals("delivered") ? true : null);
        List<JsonObject> mails = server.simulator().mailsTo("sprachen@agentur.example");
        assertEquals(1, mails.size(), mails.toString());
        assertEquals("New enquiry from Ann", mails.get(0).get("subject").getAsString());

        try (HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            WebDriver browser = chrome.driver();
            browser.get(server.uri("/f/sprachen").toString());
            browser.findElement(By.id("fh-art-0")).click();
            assertTrue(browser.findElement(By.cssSelector("label[for=fh-preis]")).getText().startsWith("Purchase price"));
            browser.findElement(By.cssSelector("a[data-fh-lang=de]")).click();
            Await.until("the German page", Duration.ofSeconds(10),
                    () -> browser.findElement(By.cssSelector("h1")).getText().equals("Anfrage") ? true : null);
            browser.findElement(By.id("fh-art-0")).click();
            assertTrue(browser.findElement(By.cssSelector("label[for=fh-preis]")).getText().startsWith("Kaufpreis"));
            assertEquals("Eigene Homepage", new org.openqa.selenium.support.ui.Select(browser.findElement(
                    By.id("fh-herkunft"))).getOptions().stream().map(o -> o.getText())
                    .filter(t -> t.startsWith("Eigene")).findFirst().orElse(""));
        }
    }

    private String page(String query, String acceptLanguage) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/f/zweisprachig" + query)).GET()
                .header("Accept-Language", acceptLanguage)).body();
    }

    @Test
    void theBrowsersLanguageOrTheParameterChoosesTheTexts() throws Exception {
        String english = page("", "en-US,en;q=0.9");
        for (String expected : List.of("<html lang=\"en\">", "<h1 class=\"fh-title\">Contact</h1>", ">First name",
                "How may we address you?", "<option value=\"kauf\">Buy</option>", "Send",
                "name=\"_fh_lang\" value=\"en\"", "href=\"?lang=de\"")) {
            assertTrue(english.contains(expected), expected + " in " + english);
        }
        String german = page("?lang=de", "en-US,en;q=0.9");
        assertTrue(german.contains("<h1 class=\"fh-title\">Kontakt</h1>") && german.contains("Kaufen"), german);
        String french = page("", "fr-FR,fr;q=0.9");
        assertTrue(french.contains("<html lang=\"de\">"), "a language the form lacks: its own");
        assertTrue(page("?lang=en", "de").contains("<html lang=\"en\">"));
    }

    @Test
    void messagesSubmissionAndConfirmationFollowTheVisitorsLanguage() throws Exception {
        HttpResponse<String> bad = server.submitJson("zweisprachig", Map.of("_fh_lang", List.of("en"),
                "email", List.of("nope")));
        assertEquals(422, bad.statusCode());
        JsonObject errors = JsonParser.parseString(bad.body()).getAsJsonObject().getAsJsonObject("errors");
        assertEquals("Please enter a valid email address.", errors.get("email").getAsString());

        HttpResponse<String> good = server.submitJson("zweisprachig", Map.of("_fh_lang", List.of("en"),
                "anliegen", List.of("miete"), "email", List.of("english.visitor@example.org")));
        assertEquals(202, good.statusCode(), good.body());
        String id = JsonParser.parseString(good.body()).getAsJsonObject().get("id").getAsString();
        JsonObject submission = Await.until("delivery", Duration.ofSeconds(20), () -> {
            JsonObject s = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
            return s.get("status").getAsString().equals("delivered") ? s : null;
        });
        assertEquals("en", submission.getAsJsonObject("data").get("language").getAsString());
        List<JsonObject> mails = server.simulator().mailsTo("english.visitor@example.org");
        assertEquals(1, mails.size(), mails.toString());
        assertEquals("Your enquiry: Contact", mails.get(0).get("subject").getAsString());
        assertTrue(mails.get(0).toString().contains("<td>Request</td>"), "labels as the visitor saw them: " + mails.get(0));
    }

    @Test
    void aVisitorSwitchesLanguageOnTheForm() throws Exception {
        try (HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            WebDriver browser = chrome.driver();
            browser.get(server.uri("/f/zweisprachig").toString());
            assertEquals("Contact", browser.findElement(By.cssSelector("h1")).getText());
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            assertEquals("Please fill in this field.", browser.findElement(By.id("fh-email-error")).getText());

            browser.findElement(By.cssSelector("a[data-fh-lang=de]")).click();
            Await.until("the German page", Duration.ofSeconds(10),
                    () -> browser.findElement(By.cssSelector("h1")).getText().equals("Kontakt") ? true : null);
            assertTrue(browser.getCurrentUrl().endsWith("?lang=de"), browser.getCurrentUrl());
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            assertEquals("Bitte füllen Sie dieses Feld aus.", browser.findElement(By.id("fh-email-error")).getText());
            Path shot = Path.of("target", "screenshots", "form-language-switch.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, chrome.driver().getScreenshotAs(OutputType.BYTES));

            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("fh-anliegen"))).selectByValue("kauf");
            browser.findElement(By.id("fh-email")).sendKeys("umschalter@example.org");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            Await.until("the thank-you page", Duration.ofSeconds(10),
                    () -> browser.getPageSource().contains("Vielen Dank") ? true : null);
        }
        JsonArray stored = server.adminJson("GET", "/admin/api/submissions?form=zweisprachig", null).getAsJsonArray();
        boolean found = false;
        for (var s : stored) {
            JsonObject data = server.adminJson("GET", "/admin/api/submissions/" + s.getAsJsonObject().get("id")
                    .getAsString(), null).getAsJsonObject().getAsJsonObject("data");
            if (data.getAsJsonObject("values").get("email").getAsString().equals("umschalter@example.org")) {
                assertEquals("de", data.get("language").getAsString());
                found = true;
            }
        }
        assertTrue(found);
        assertFalse(stored.isEmpty());
    }
}
