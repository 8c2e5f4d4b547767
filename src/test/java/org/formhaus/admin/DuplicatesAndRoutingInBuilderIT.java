package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The duplicate rule and the lead routing (issue #12) are edited in the builder's onOffice panel without JSON: the
 * match as a choice, the fields that may be updated as a list, the routing rule as a choice and the postcode table
 * through the generic row editor; users are picked from the account's onOffice users (a name it does not know stays
 * selectable as "(unknown) name"). Screenshot: target/screenshots/builder-routing.png.
 */
class DuplicatesAndRoutingInBuilderIT {

    private static final String KEY = "b-routing";
    private static final String DRAFT = """
            {"key": "b-routing", "kind": "contact", "language": "de", "title": "Kontakt",
             "onoffice": {"routing": {"rule": "fixed", "user": "ehemalig"}}, "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "plz", "type": "text", "label": "PLZ", "maps": "address.Plz"}]}""";

    @Test
    void theDuplicateRuleAndThePostcodeTableAreEditedInTheOnOfficePanel() throws Exception {
        try (TestServer server = TestServer.onH2().start();
             HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            assertEquals(200, server.admin("PUT", "/admin/api/forms/" + KEY + "/draft?new=true", DRAFT).statusCode());
            PublishingInBrowserIT.signIn(browser, wait, server, "/admin/build/" + KEY);
            wait.until(d -> d.findElements(By.cssSelector("#field-list li")).size() == 2);

            BuilderFormSettingsInBrowserIT.open(browser, "onoffice");
            // the fallback user is picked from the account's users; a name onOffice does not know stays selectable
            Select fixed = new Select(wait.until(d -> d.findElement(By.cssSelector(
                    "[data-setting='onoffice.routing.user'] select"))));
            assertEquals("(unknown) ehemalig", fixed.getFirstSelectedOption().getText());
            assertTrue(fixed.getOptions().stream().anyMatch(o -> o.getAttribute("value").equals("sschulz")
                    && o.getText().equals("Sabine Schulz (sschulz)")), "the simulator's users are offered");
            choose(browser, "onoffice.duplicates.match", "email-name");
            WebElement update = browser.findElement(By.cssSelector("[data-setting='onoffice.duplicates.update'] textarea"));
            update.sendKeys("Plz", Keys.TAB);
            BuilderFormSettingsInBrowserIT.awaitSaved(browser, wait);
            choose(browser, "onoffice.duplicates.match", "email");
            BuilderFormSettingsInBrowserIT.awaitSaved(browser, wait);
            choose(browser, "onoffice.routing.rule", "postcode");
            BuilderFormSettingsInBrowserIT.awaitSaved(browser, wait);
            wait.until(d -> d.findElement(By.cssSelector("[data-setting='onoffice.routing.postcodes'] .row-add")))
                    .click();
            WebElement row = wait.until(d -> d.findElement(By.cssSelector(
                    "[data-setting='onoffice.routing.postcodes'] .row[data-row='0']")));
            rowInput(row, "prefix").sendKeys("52", Keys.TAB);
            new Select(row.findElement(By.cssSelector("[data-setting='onoffice.routing.postcodes[].user'] select")))
                    .selectByValue("sschulz");
            BuilderFormSettingsInBrowserIT.awaitSaved(browser, wait);
            choose(browser, "onoffice.routing.user", "mmakler");
            BuilderFormSettingsInBrowserIT.awaitSaved(browser, wait);

            JsonObject onoffice = server.adminJson("GET", "/admin/api/forms/" + KEY + "/draft", null).getAsJsonObject()
                    .getAsJsonObject("definition").getAsJsonObject("onoffice");
            assertEquals(JsonParser.parseString("{\"match\": \"email\", \"update\": [\"Plz\"]}"),
                    onoffice.get("duplicates"));
            assertEquals(JsonParser.parseString("{\"rule\": \"postcode\", \"user\": \"mmakler\", \"postcodes\": "
                    + "[{\"prefix\": \"52\", \"user\": \"sschulz\"}]}"), onoffice.get("routing"));
            wait.until(d -> d.findElement(By.id("problems-none")).isDisplayed());
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(
                    By.cssSelector("[data-setting='onoffice.duplicates.update']")));
            PublishingInBrowserIT.shot(chrome, "builder-routing");
        }
    }

    private static void choose(WebDriver browser, String path, String value) {
        new Select(browser.findElement(By.cssSelector("[data-setting='" + path + "'] select"))).selectByValue(value);
    }

    private static WebElement rowInput(WebElement row, String key) {
        return row.findElement(By.cssSelector("[data-setting='onoffice.routing.postcodes[]." + key + "'] input"));
    }
}
