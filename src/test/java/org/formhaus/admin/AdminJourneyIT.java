package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin's first steps in a real browser (headless Chromium): sign in, create a form from a template (with a
 * server-side error shown next to the definition first), find it on the dashboard with its embed snippet, open its
 * submissions.
 */
class AdminJourneyIT {

    @Test
    void adminSignsInCreatesAFormFromATemplateAndFindsItsSnippetAndSubmissions() throws Exception {
        try (TestServer server = TestServer.onH2().start();
             HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            // Pages reload after each submit: an element found just before the reload may go stale; look again.
            wait.ignoring(StaleElementReferenceException.class);

            browser.get(server.uri("/admin/forms/new").toString());
            wait.until(d -> d.getCurrentUrl().contains("/admin/login"));
            browser.findElement(By.id("email")).sendKeys("admin@formhaus.local");
            browser.findElement(By.id("password")).sendKeys("admin-password");
            browser.findElement(By.cssSelector("button[type=submit].primary")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/admin/forms/new"));

            new Select(browser.findElement(By.id("template"))).selectByValue("valuation");
            browser.findElement(By.cssSelector("form.inline-form button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("definition")).getAttribute("value").contains("\"kind\": \"valuation\""));

            // A broken definition: the server's message appears next to the textarea.
            WebElement definition = browser.findElement(By.id("definition"));
            String template = definition.getAttribute("value");
            setValue(browser, definition, template.replace("\"type\": \"area\"", "\"type\": \"hologram\""));
            browser.findElement(By.cssSelector("#form-editor button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("definition-errors")).getText().contains("unknown field type 'hologram'"));
            assertEquals("true", definition.getAttribute("aria-invalid"));

            setValue(browser, definition, template.replace("\"key\": \"bewertung\"", "\"key\": \"wertermittlung\""));
            browser.findElement(By.cssSelector("#form-editor button[type=submit]")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/admin"));

            WebElement card = wait.until(d -> d.findElement(By.id("form-wertermittlung")))
                    .findElement(By.xpath("./ancestor::section"));
            String snippet = card.findElement(By.id("snippet-wertermittlung")).getAttribute("value");
            assertEquals("<script src=\"" + server.uri("/embed.js") + "\" data-form=\"wertermittlung\" async></script>",
                    snippet);

            card.findElement(By.partialLinkText("Submissions")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/admin/forms/wertermittlung/submissions"));
            assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Kostenlose Immobilienbewertung"));
            assertTrue(browser.findElement(By.id("main")).getText().contains("No submissions yet."));
        }
    }

    /** Replaces a textarea's content at once (typing a whole JSON document key by key is slow). */
    private static void setValue(WebDriver browser, WebElement field, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", field,
                value);
    }
}
