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
             "onoffice": {"routing": {"rule": "fixed", "user": "ehemalig"}, "duplicates": {"update": ["Alt"]}},
             "protection": {"closesAt": "2027-03-31T18:00:00+02:00"}, "fields": [
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
            // the fields that may be updated: a box per mapped address field; a listed name no field maps stays ticked
            WebElement update = browser.findElement(By.cssSelector("[data-setting='onoffice.duplicates.update'] fieldset"));
            assertEquals("E-Mail (Email)|PLZ (Plz)|(unknown) Alt", String.join("|", update.findElements(By.tagName("label"))
                    .stream().map(l -> l.getText().strip()).toList()));
            assertTrue(update.findElement(By.cssSelector("input[value='Alt']")).isSelected());
            update.findElement(By.cssSelector("input[value='Plz']")).click();
            BuilderFormSettingsInBrowserIT.awaitSaved(browser, wait);
            // the server refuses a name the form does not map; unticking it clears that problem
            update = browser.findElement(By.cssSelector("[data-setting='onoffice.duplicates.update'] fieldset"));
            update.findElement(By.cssSelector("input[value='Alt']")).click();
            BuilderFormSettingsInBrowserIT.awaitSaved(browser, wait);
            // opening and closing times: date-time inputs; the stored offset is kept, a new one gets the browser's
            BuilderFormSettingsInBrowserIT.open(browser, "protection");
            WebElement closes = browser.findElement(By.cssSelector(
                    "[data-setting='protection.closesAt'] input[type=datetime-local]"));
            assertEquals("2027-03-31T18:00", closes.getAttribute("value"));
            setValue(browser, closes, "2027-03-31T19:30");
            BuilderFormSettingsInBrowserIT.awaitSaved(browser, wait);
            setValue(browser, browser.findElement(By.cssSelector(
                    "[data-setting='protection.opensAt'] input[type=datetime-local]")), "2027-03-01T09:00");
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
            JsonObject protection = server.adminJson("GET", "/admin/api/forms/" + KEY + "/draft", null).getAsJsonObject()
                    .getAsJsonObject("definition").getAsJsonObject("protection");
            assertEquals("2027-03-31T19:30:00+02:00", protection.get("closesAt").getAsString());
            assertTrue(protection.get("opensAt").getAsString().matches("2027-03-01T09:00:00(Z|[+-]\\d{2}:\\d{2})"),
                    protection.toString());
            assertEquals(JsonParser.parseString("{\"rule\": \"postcode\", \"user\": \"mmakler\", \"postcodes\": "
                    + "[{\"prefix\": \"52\", \"user\": \"sschulz\"}]}"), onoffice.get("routing"));
            wait.until(d -> d.findElement(By.id("problems-none")).isDisplayed());
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(
                    By.cssSelector("[data-setting='onoffice.duplicates.update']")));
            PublishingInBrowserIT.shot(chrome, "builder-routing");
        }
    }

    /** Sets a date-time input as its picker would (typed keys depend on the locale's date format). */
    private static void setValue(WebDriver browser, WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change'))", input, value);
    }

    private static void choose(WebDriver browser, String path, String value) {
        new Select(browser.findElement(By.cssSelector("[data-setting='" + path + "'] select"))).selectByValue(value);
    }

    private static WebElement rowInput(WebElement row, String key) {
        return row.findElement(By.cssSelector("[data-setting='onoffice.routing.postcodes[]." + key + "'] input"));
    }
}
