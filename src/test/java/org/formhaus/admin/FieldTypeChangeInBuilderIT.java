package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import java.time.Duration;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A field whose type changes in the builder loses the settings its new type does not take (the server refuses them
 * and the panel no longer shows them), so the draft still saves.
 */
class FieldTypeChangeInBuilderIT {

    private static final String KEY = "b-typechange";
    private static final String DRAFT = """
            {"key": "b-typechange", "kind": "contact", "language": "de", "title": "Kontakt", "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "plz", "type": "text", "label": "PLZ", "placeholder": "12345", "maxLength": 5,
               "width": "half"}]}""";

    @Test
    void settingsTheNewTypeDoesNotTakeAreDropped() throws Exception {
        try (TestServer server = TestServer.onH2().start();
             HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            assertEquals(200, server.admin("PUT", "/admin/api/forms/" + KEY + "/draft?new=true", DRAFT).statusCode());
            PublishingInBrowserIT.signIn(browser, wait, server, "/admin/build/" + KEY);
            wait.until(d -> d.findElements(By.cssSelector("#field-list li")).size() == 2);
            browser.findElement(By.cssSelector("#field-list li[data-index='1'] .label-button")).click();
            new Select(wait.until(d -> d.findElement(By.cssSelector("[data-setting='fields[].type'] select"))))
                    .selectByValue("hidden");
            BuilderFormSettingsInBrowserIT.awaitSaved(browser, wait);
            JsonObject field = server.adminJson("GET", "/admin/api/forms/" + KEY + "/draft", null).getAsJsonObject()
                    .getAsJsonObject("definition").getAsJsonArray("fields").get(1).getAsJsonObject();
            assertEquals("hidden", field.get("type").getAsString());
            for (String gone : new String[] {"placeholder", "maxLength", "width"}) {
                assertFalse(field.has(gone), gone + " kept in " + field);
            }
            assertEquals("PLZ", field.get("label").getAsString());
        }
    }
}
