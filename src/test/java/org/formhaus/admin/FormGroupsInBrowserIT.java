package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The form list in headless Chromium (issue 13): the owner creates a group and moves a form into it; the list then
 * shows that form under the group and the other under "Ohne Gruppe". Screenshot in target/screenshots/.
 */
class FormGroupsInBrowserIT {

    @Test
    void anEditorCreatesAGroupAndMovesAFormIntoIt() throws Exception {
        try (TestServer server = TestServer.onMariaDb().start();
             HeadlessChrome chrome = HeadlessChrome.start("de-DE")) {
            server.adminJson("POST", "/admin/api/forms", TestForms.contact("messe-kontakt"));
            server.adminJson("POST", "/admin/api/forms", TestForms.contact("website-kontakt"));
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            wait.ignoring(StaleElementReferenceException.class);
            browser.get(server.uri("/admin/login").toString());
            wait.until(d -> d.findElement(By.id("email")));
            browser.findElement(By.id("email")).sendKeys("admin@formhaus.local");
            browser.findElement(By.id("password")).sendKeys(TestServer.ADMIN_PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit].primary")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/admin"));

            browser.findElement(By.id("group-name")).sendKeys("Messe 2027");
            browser.findElement(By.cssSelector("#group-new button[type=submit]")).click();
            wait.until(d -> d.findElements(By.cssSelector("section.form-group h2")).stream()
                    .anyMatch(h -> h.getText().startsWith("Messe 2027")));
            new Select(browser.findElement(By.id("group-of-messe-kontakt"))).selectByVisibleText("Messe 2027");
            wait.until(d -> !d.findElements(By.cssSelector("section.form-group[data-group] #form-messe-kontakt"))
                    .isEmpty());
            assertEquals("Ohne Gruppe", browser.findElement(By.id("group-none")).getText());
            assertEquals(1, browser.findElements(By.cssSelector("section.form-group[data-group] .form-card")).size());
            Path shot = Path.of("target", "screenshots", "form-groups.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, chrome.driver().getScreenshotAs(OutputType.BYTES));

            // Back to no group.
            new Select(browser.findElement(By.id("group-of-messe-kontakt"))).selectByVisibleText("Ohne Gruppe");
            wait.until(d -> d.findElements(By.cssSelector("section.form-group[data-group] .form-card")).isEmpty());
        }
    }
}
