package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The settings page's "Send test email" in a real browser: the admin saves two sender mailboxes, one of them not
 * assigned to the API user in onOffice (the simulator), presses the button and reads, per mailbox, that the mail was
 * sent or why not. A screenshot of the result is kept in target/screenshots/.
 */
class TestEmailInBrowserIT {

    @Test
    void sendTestEmailShowsPerMailboxSentOrTheReason() throws Exception {
        try (TestServer server = TestServer.onH2().start();
             HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            server.simulator().mailboxes("info@agentur.example");
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            wait.ignoring(StaleElementReferenceException.class);

            browser.get(server.uri("/admin/settings").toString());
            wait.until(d -> d.getCurrentUrl().contains("/admin/login"));
            browser.findElement(By.id("email")).sendKeys("admin@formhaus.local");
            browser.findElement(By.id("password")).sendKeys(TestServer.ADMIN_PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit].primary")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/admin/settings"));

            WebElement senders = browser.findElement(By.id("senders"));
            senders.clear();
            senders.sendKeys("info@agentur.example, fremd@agentur.example");
            browser.findElement(By.cssSelector("#onoffice-form button[type=submit]")).click();
            wait.until(d -> !d.findElement(By.id("page-status")).getText().isBlank());

            browser.findElement(By.id("send-test-email")).click();
            WebElement result = wait.until(d -> d.findElement(By.id("test-email-result")));
            WebElement sent = result.findElement(By.cssSelector("tr.test-email-sent"));
            WebElement failed = result.findElement(By.cssSelector("tr.test-email-failed"));
            assertTrue(sent.getText().startsWith("info@agentur.example sent"), sent.getText());
            assertTrue(failed.getText().startsWith("fremd@agentur.example failed"), failed.getText());
            assertTrue(failed.getText().contains("not assigned to the mailbox fremd@agentur.example"), failed.getText());

            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                    browser.findElement(By.id("test-email-heading")));
            Path shot = Path.of("target", "screenshots", "settings-test-email.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, chrome.driver().getScreenshotAs(OutputType.BYTES));

            // The mail went from the mailbox to itself, and only from the assigned one.
            assertEquals(1, server.simulator().mailsTo("info@agentur.example").size());
            assertEquals("info@agentur.example",
                    server.simulator().mailsTo("info@agentur.example").get(0).get("from").getAsString());
            assertEquals(0, server.simulator().mailsTo("fremd@agentur.example").size());
        }
    }
}
