package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import org.formhaus.testing.Await;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;

/**
 * Macros (#11) over real HTTP: markup and URLs injected through every source (a prefilled or submitted field, the
 * page URL, the referrer, utm values) into every place a macro lands (title, heading, paragraph, label, help,
 * placeholder, a hidden default, the thank-you message, the thank-you URL, an e-mail's subject and body as the
 * simulator receives it) stay inert: shown as text, percent-encoded or dropped, never markup, script or a
 * {@code javascript:} link.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MacrosIT {

    static final String MARKUP = "\"><img src=x onerror=alert(1)><script>alert(2)</script>";
    static final String ESCAPED = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;";

    static final String FORM = """
            { "key": "makro", "kind": "contact", "language": "de", "title": "Hallo {{utm.source}}",
              "context": ["page", "utm", "referrer"],
              "thankYouMessage": "Danke, {{vorname}}! Sie kamen über {{utm.source}} von {{page.url}}.",
              "emails": {"notice": {"to": ["team@agentur.example"],
                         "subject": "Anfrage von {{vorname}} über {{utm.source}}",
                         "body": "<p>{{vorname}} kam von <a href=\\"{{page.url}}\\">der Seite</a> ({{referrer}})</p>"}},
              "fields": [
                {"name": "kopf", "type": "heading", "label": "Willkommen von {{referrer}}"},
                {"name": "vorname", "type": "text", "label": "Vorname", "prefill": true,
                 "help": "Sie kommen von {{page.url}}", "placeholder": "{{utm.campaign}}"},
                {"name": "gruss", "type": "paragraph", "label": "Hallo {{vorname}}"},
                {"name": "quelle", "type": "hidden", "label": "Quelle", "default": "{{utm.source}}"},
                {"name": "email", "type": "email", "label": "E-Mail für {{vorname}}", "required": true,
                 "maps": "address.Email"}
              ],
              "rules": [{"when": {"field": "vorname", "filled": true},
                         "then": [{"action": "setHelp", "field": "email", "text": "Wir schreiben {{vorname}} an ({{utm.source}})"}]}]
            }""";
    static final String PWN = "<img src=x onerror=\"window.pwned=1\">";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    @BeforeAll
    void start() throws Exception {
        server.adminJson("PUT", "/admin/api/forms/makro", FORM);
        server.adminJson("PUT", "/admin/api/forms/weiter", """
                { "key": "weiter", "kind": "contact", "language": "de", "title": "Weiter",
                  "thankYouUrl": "https://agency.example/danke?von={{page.url}}&n={{vorname}}",
                  "fields": [{"name": "vorname", "type": "text", "label": "Vorname"},
                             {"name": "email", "type": "email", "label": "E-Mail", "required": true}] }""");
    }

    /** No element, attribute or link the injected text could have made. */
    private static void assertInert(String html) {
        assertFalse(html.contains("<img"), "no injected element: " + html);
        assertFalse(html.contains("<script>alert"), "no injected script: " + html);
        assertFalse(html.contains("onerror=alert(1)>"), "no injected attribute: " + html);
        assertFalse(html.toLowerCase().contains("href=\"javascript:"), "no javascript: link: " + html);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theFormPageShowsEveryInjectedValueAsTextInHeadingsLabelsHelpPlaceholdersAndDefaults() throws Exception {
        String html = server.get("/f/makro?vorname=" + q(MARKUP) + "&utm_source=" + q(MARKUP) + "&utm_campaign="
                + q(MARKUP) + "&fh_page=" + q("javascript:alert(3)") + "&fh_ref=" + q(MARKUP)).body();
        assertInert(html);
        assertTrue(html.contains("<title>Hallo " + ESCAPED + "</title>"), html);
        assertTrue(html.contains("<h1 class=\"fh-title\">Hallo " + ESCAPED + "</h1>"), "title: " + html);
        assertTrue(html.contains(">Willkommen von " + ESCAPED + "</h2>"), "heading: " + html);
        assertTrue(html.contains(">Hallo " + ESCAPED + "</p>"), "paragraph from the prefilled field: " + html);
        assertTrue(html.contains(">Sie kommen von javascript:alert(3)</p>"), "help, as text: " + html);
        assertTrue(html.contains("placeholder=\"" + ESCAPED + "\""), "placeholder attribute: " + html);
        assertTrue(html.contains("name=\"quelle\" value=\"" + ESCAPED + "\""), "hidden default: " + html);
        assertTrue(html.contains("E-Mail für " + ESCAPED), "label: " + html);
        assertTrue(html.contains("data-fh-texts=\"{&quot;label&quot;:&quot;E-Mail für {{vorname}}&quot;}\""),
                "the label as written, for form.js to fill as the visitor types: " + html);
    }

    @Test
    void labelsHelpAndParagraphsFollowTheVisitorsEntriesAsTextInChromium() throws Exception {
        try (HeadlessChrome chrome = HeadlessChrome.start("de-DE")) {
            WebDriver browser = chrome.driver();
            browser.get(server.uri("/f/makro?utm_source=" + q("<b>google</b>")).toString());
            assertEquals("Hallo", browser.findElement(By.cssSelector("[data-fh-name=gruss]")).getText());
            browser.findElement(By.id("fh-vorname")).sendKeys("Max " + PWN);
            assertEquals("Hallo Max " + PWN, browser.findElement(By.cssSelector("[data-fh-name=gruss]")).getText(),
                    "the paragraph follows the entry, as text");
            assertTrue(browser.findElement(By.cssSelector("label[for=fh-email]")).getText()
                    .startsWith("E-Mail für Max " + PWN), "the label too");
            assertEquals("Wir schreiben Max " + PWN + " an (<b>google</b>)",
                    browser.findElement(By.id("fh-email-help")).getText(), "a rule's text with macros, as text");
            assertTrue(browser.findElements(By.cssSelector("main img, main b")).isEmpty(), "no element was made");
            assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.pwned"), "no script ran");
            Path shot = Path.of("target", "screenshots", "macros-live.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, chrome.driver().getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void aRefusedSubmissionShowsItsValuesInTheTextsAsText() throws Exception {
        HttpResponse<String> refused = post("makro", Map.of("vorname", List.of(MARKUP), "email", List.of("")));
        assertEquals(422, refused.statusCode());
        assertInert(refused.body());
        assertTrue(refused.body().contains("E-Mail für " + ESCAPED), refused.body());
    }

    @Test
    void theThankYouMessageTheStoredDefaultAndTheNoticeKeepInjectedValuesInert() throws Exception {
        HttpResponse<String> sent = post("makro", Map.of("vorname", List.of(MARKUP + "\r\nBcc: x@evil.example"),
                "email", List.of("makro@example.org"), "quelle", List.of("forged"),
                "_ctx_utm_source", List.of(MARKUP), "_ctx_page", List.of("javascript:alert(3)"),
                "_ctx_referrer", List.of(MARKUP)));
        assertEquals(303, sent.statusCode(), sent.body());
        String location = sent.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("fh_thanks="), location);
        assertFalse(location.contains("img") || location.contains("alert"), "nothing personal in the URL: " + location);
        String thanks = server.send(HttpRequest.newBuilder(server.uri("").resolve(location)).GET()).body();
        assertInert(thanks);
        assertTrue(thanks.contains("<p>Danke, " + ESCAPED + "\r\nBcc: x@evil.example! Sie kamen über " + ESCAPED
                + " von javascript:alert(3).</p>"), thanks);
        String forged = server.get("/f/makro/thanks?fh_submission=x&fh_thanks=" + q("eyJ4In0.forged")).body();
        assertTrue(forged.contains("<p>Danke, ! Sie kamen über  von .</p>"), "no valid reference: empty: " + forged);

        String id = location.replaceAll(".*fh_submission=([^&]+).*", "$1");
        JsonObject submission = Await.until("delivery of " + id, Duration.ofSeconds(20), () -> {
            JsonObject s = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
            assertFalse(s.get("status").getAsString().equals("failed"), s.toString());
            return s.get("status").getAsString().equals("delivered") ? s : null;
        });
        assertEquals(MARKUP, submission.getAsJsonObject("data").getAsJsonObject("values").get("quelle").getAsString(),
                "the hidden default, filled by the server from the page context, never the client's value");
        JsonObject notice = null;
        for (JsonElement m : server.simulator().mails()) {
            if (m.toString().contains("team@agentur.example") && m.toString().contains("Anfrage von")) {
                notice = m.getAsJsonObject();
            }
        }
        assertTrue(notice != null, "mails: " + server.simulator().mails());
        String subject = notice.get("subject").getAsString();
        assertFalse(subject.contains("\r") || subject.contains("\n"), "no header injected: " + subject);
        String body = notice.get("body").getAsString();
        assertInert(body);
        assertTrue(body.contains("<a href=\"\">der Seite</a>"), "no javascript: link in the mail: " + body);
        assertTrue(body.contains(ESCAPED), body);
    }

    @Test
    void theThankYouUrlCarriesInjectedValuesPercentEncoded() throws Exception {
        HttpResponse<String> sent = post("weiter", Map.of("vorname", List.of(MARKUP), "email", List.of("w@example.org"),
                "_ctx_page", List.of("javascript:alert(3)")));
        assertEquals(303, sent.statusCode(), sent.body());
        assertEquals("https://agency.example/danke?von=javascript%3Aalert%283%29&n=%22%3E%3Cimg%20src%3Dx%20onerror"
                + "%3Dalert%281%29%3E%3Cscript%3Ealert%282%29%3C%2Fscript%3E", sent.headers().firstValue("Location")
                .orElseThrow());
    }

    @Test
    void aMacroNamingNothingIsRefusedAtSaveByItsPlace() throws Exception {
        HttpResponse<String> refused = server.admin("PUT", "/admin/api/forms/falsch", """
                { "key": "falsch", "kind": "contact", "title": "Hallo {{prise}}",
                  "fields": [{"name": "email", "type": "email", "label": "E-Mail", "default": "{{email}}"}] }""");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("title: {{prise}}: no field named 'prise'"), refused.body());
        assertTrue(refused.body().contains("fields[0].default: {{email}}: a default is filled before the visitor"),
                refused.body());
    }

    private HttpResponse<String> post(String form, Map<String, List<String>> fields) throws Exception {
        Map<String, List<String>> all = new LinkedHashMap<>(fields);
        return server.send(HttpRequest.newBuilder(server.uri("/f/" + form))
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode(all)))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }
}
