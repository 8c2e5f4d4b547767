package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drafts and publishing in a real browser (issue 10): a new form starts as a draft, the JSON view edits the same
 * draft, publishing makes it live, a later draft edit leaves the live form alone until published again, the form
 * list shows the status, and the versions page compares and reverts. Screenshots under target/screenshots/.
 */
class PublishingInBrowserIT {

    @Test
    void aDraftGoesLiveOnlyWhenPublishedAndVersionsCompare() throws Exception {
        try (TestServer server = TestServer.onH2().start();
             HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            wait.ignoring(StaleElementReferenceException.class);
            signIn(browser, wait, server, "/admin/build/new");

            browser.findElement(By.id("new-title")).sendKeys("Rückruf bitte");
            assertEquals("rueckruf-bitte", browser.findElement(By.id("new-key")).getAttribute("value"));
            browser.findElement(By.cssSelector("#new-form button[type=submit]")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/admin/build/rueckruf-bitte"));
            wait.until(d -> d.findElement(By.id("problems-list")).getText().contains("fields"));
            shot(chrome, "builder-blank-draft");

            browser.findElement(By.id("tab-json")).click();
            WebElement json = browser.findElement(By.id("definition-json"));
            setValue(browser, json, """
                    {"key": "rueckruf-bitte", "kind": "contact", "language": "de", "title": "Rückruf bitte",
                     "fields": [{"name": "email", "type": "email", "label": "E-Mail", "required": true,
                                 "maps": "address.Email"}]}""");
            browser.findElement(By.id("json-apply")).click();
            wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Draft saved."));
            wait.until(d -> d.findElement(By.id("problems-none")).isDisplayed());
            browser.findElement(By.id("publish")).click();
            wait.until(d -> d.findElement(By.id("save-state")).getText().startsWith("Published as version 1"));
            assertTrue(server.get("/f/rueckruf-bitte").body().contains("Rückruf bitte"));

            json = browser.findElement(By.id("definition-json"));
            setValue(browser, json, json.getAttribute("value").replace("\"Rückruf bitte\"", "\"Rückruf, zweite Fassung\""));
            browser.findElement(By.id("json-apply")).click();
            wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Draft saved."));
            assertTrue(browser.findElement(By.id("pending-badge")).isDisplayed());
            assertFalse(server.get("/f/rueckruf-bitte").body().contains("zweite Fassung"), "the live form is unchanged");
            browser.switchTo().frame("preview");
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains("zweite Fassung"));
            browser.switchTo().defaultContent();
            shot(chrome, "builder-json-draft-pending");

            browser.get(server.uri("/admin").toString());
            WebElement card = wait.until(d -> d.findElement(By.cssSelector("section[data-form=rueckruf-bitte]")));
            assertTrue(card.getText().contains("draft pending"), card.getText());
            assertTrue(card.getText().contains("Rückruf, zweite Fassung"), "the list shows the draft's title");
            shot(chrome, "form-list");

            browser.get(server.uri("/admin/build/rueckruf-bitte").toString());
            wait.until(d -> d.findElement(By.id("publish"))).click();
            wait.until(d -> d.findElement(By.id("save-state")).getText().startsWith("Published as version 2"));
            assertTrue(server.get("/f/rueckruf-bitte").body().contains("zweite Fassung"));

            browser.get(server.uri("/admin/build/rueckruf-bitte/versions").toString());
            wait.until(d -> d.findElement(By.cssSelector("button.compare[data-from='1']"))).click();
            WebElement diff = wait.until(d -> d.findElement(By.id("diff")));
            wait.until(d -> diff.getText().contains("title"));
            assertTrue(diff.getText().contains("changed: title"), diff.getText());
            shot(chrome, "versions-compare");
            browser.findElement(By.cssSelector("button.revert[data-version='1']")).click();
            browser.switchTo().alert().accept();
            wait.until(d -> d.findElements(By.cssSelector("button.revert[data-version='2']")).size() == 1);
            assertTrue(server.get("/f/rueckruf-bitte").body().contains("Rückruf bitte"), "version 1 published again");
        }
    }

    static void signIn(WebDriver browser, WebDriverWait wait, TestServer server, String page) {
        browser.get(server.uri(page).toString());
        wait.until(d -> d.getCurrentUrl().contains("/admin/login"));
        browser.findElement(By.id("email")).sendKeys("admin@formhaus.local");
        browser.findElement(By.id("password")).sendKeys(TestServer.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(d -> d.getCurrentUrl().endsWith(page));
    }

    static void shot(HeadlessChrome chrome, String name) throws Exception {
        Path shot = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, chrome.driver().getScreenshotAs(OutputType.BYTES));
    }

    static void setValue(WebDriver browser, WebElement field, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", field, value);
    }
}
