package org.formhaus.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.testing.Await;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A visitor opens the edit link of their search profile's confirmation e-mail, as the simulator recorded it SENT, in
 * Chromium, changes the price and the place and sends the form: the simulator's search criterion has the new values
 * and no second one was created (#12). Screenshots: target/screenshots/edit-link-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditLinkInBrowserIT {

    static final Pattern HREF = Pattern.compile("href=\\\\?\"(http[^\"\\\\]+fh_edit=[A-Za-z0-9_-]{43})");

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    @Test
    void aVisitorChangesTheirSearchProfileThroughTheLinkInTheirConfirmation() throws Exception {
        server.adminJson("PUT", "/admin/api/forms/suchprofil-aendern", EditLinksIT.EDIT_FORM);
        server.adminJson("PUT", "/admin/api/forms/suchprofil", EditLinksIT.SOURCE_FORM);
        HttpResponse<String> sent = server.submitJson("suchprofil", Map.of("vorname", List.of("Jana"),
                "email", List.of("jana@example.org"), "preis_from", List.of("300000"), "preis_to", List.of("500000"),
                "ort", List.of("Aachen")));
        assertEquals(202, sent.statusCode(), sent.body());
        String id = JsonParser.parseString(sent.body()).getAsJsonObject().get("id").getAsString();
        Await.until("delivery", Duration.ofSeconds(20), () -> server.adminJson("GET", "/admin/api/submissions/" + id,
                null).getAsJsonObject().get("status").getAsString().equals("delivered") ? true : null);
        List<JsonObject> mails = server.simulator().mailsTo("jana@example.org");
        assertEquals(1, mails.size(), mails.toString());
        Matcher href = HREF.matcher(mails.get(0).toString());
        assertTrue(href.find(), mails.get(0).toString());
        String link = href.group(1);
        assertFalse(link.matches(".*[?&](id|record|searchcriteria)=.*"), "no onOffice id in the link: " + link);
        String criterion = only("searchcriteria");
        long creates = server.simulator().actionCount("create", "searchcriteria");

        try (HeadlessChrome chrome = HeadlessChrome.start("de-DE")) {
            WebDriver browser = chrome.driver();
            browser.get(link);
            WebElement from = browser.findElement(By.id("fh-preis-from"));
            assertEquals("300000", from.getAttribute("value"));
            WebElement ort = browser.findElement(By.name("ort"));
            assertEquals("Aachen", ort.getAttribute("value"));
            from.clear();
            from.sendKeys("320000");
            ort.clear();
            ort.sendKeys("Düren");
            shot(chrome, "edit-link-form");
            browser.findElement(By.cssSelector("button.fh-submit")).click();
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("/thanks"));
            shot(chrome, "edit-link-thanks");
        }
        JsonObject changed = Await.until("the modify", Duration.ofSeconds(20), () -> {
            JsonObject c = server.simulator().record("searchcriteria", criterion);
            return c.has("range_ort") && c.get("range_ort").getAsString().equals("Düren") ? c : null;
        });
        assertEquals("320000", changed.get("kaufpreis__von").getAsString(), changed.toString());
        assertEquals("500000", changed.get("kaufpreis__bis").getAsString(), changed.toString());
        assertEquals(criterion, only("searchcriteria"), "still the one search criterion");
        assertEquals(creates, server.simulator().actionCount("create", "searchcriteria"), "none created");
    }

    @Test
    void theBuilderShowsTheEditSectionFromTheSchemaAndSavesItsLifetime() throws Exception {
        server.adminJson("PUT", "/admin/api/forms/suchprofil-aendern", EditLinksIT.EDIT_FORM);
        try (HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            browser.get(server.uri("/admin/build/suchprofil-aendern").toString());
            wait.until(d -> d.getCurrentUrl().contains("/admin/login"));
            browser.findElement(By.id("email")).sendKeys("admin@formhaus.local");
            browser.findElement(By.id("password")).sendKeys(TestServer.ADMIN_PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit].primary")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/admin/build/suchprofil-aendern"));
            WebElement group = wait.until(d -> d.findElement(By.cssSelector("details[data-group='edit']")));
            group.findElement(By.tagName("summary")).click();
            WebElement module = group.findElement(By.cssSelector("[data-setting='edit.module'] select"));
            assertEquals("searchcriteria", new org.openqa.selenium.support.ui.Select(module).getFirstSelectedOption()
                    .getAttribute("value"));
            WebElement days = group.findElement(By.cssSelector("[data-setting='edit.validDays'] input"));
            days.clear();
            days.sendKeys("7");
            days.sendKeys(org.openqa.selenium.Keys.TAB);
            wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Draft saved."));
            shot(chrome, "edit-link-builder");
        }
        JsonObject draft = server.adminJson("GET", "/admin/api/forms/suchprofil-aendern/draft", null).getAsJsonObject()
                .getAsJsonObject("definition");
        assertEquals(7, draft.getAsJsonObject("edit").get("validDays").getAsInt(), draft.toString());
        assertEquals("searchcriteria", draft.getAsJsonObject("edit").get("module").getAsString());
    }

    private String only(String type) throws Exception {
        List<JsonElement> all = server.simulator().records(type).asList();
        assertEquals(1, all.size(), all.toString());
        return all.get(0).getAsJsonObject().get("id").getAsString();
    }

    private static void shot(HeadlessChrome chrome, String name) throws Exception {
        Path shot = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, chrome.driver().getScreenshotAs(OutputType.BYTES));
    }
}
