package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
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
 * The linked-record settings of #12 in the builder: relations as labelled checkboxes, the live rules and written
 * values as rows of the generic row editor (no raw JSON), the fields they name picked from the draft's fields by label;
 * a relation ticked, a rule's comparison changed and a written value's source field picked reach the saved draft. Screenshot: target/screenshots/builder-linked-records.png.
 */
class LinkedRecordsInBuilderIT {

    private static final String KEY = "b-gebot";
    private static final String DRAFT = """
            {"key": "b-gebot", "kind": "inquiry", "language": "de", "title": "Bieterverfahren",
             "onoffice": {"relations": ["interested"], "priceOffer": "gebot",
                          "writeValues": [{"from": "status", "to": "estate.status"}],
                          "liveRules": [{"field": "gebot", "compare": "greaterOrEqual", "record": "estate.kaufpreis",
                                         "plus": 1000, "message": "Bitte überbieten Sie den Preis um 1.000 €."}]},
             "fields": [
              {"name": "objekt", "type": "hidden", "label": "Objekt", "maps": "estate.Id"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "gebot", "type": "currency", "label": "Ihr Gebot", "required": true},
              {"name": "status", "type": "hidden", "label": "Status", "default": "2"}]}""";

    @Test
    void relationsRulesAndWrittenValuesAreEditedAsRowsAndChoices() throws Exception {
        try (TestServer server = TestServer.onH2().start();
             HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            assertEquals(200, server.admin("PUT", "/admin/api/forms/" + KEY + "/draft?new=true", DRAFT).statusCode());
            PublishingInBrowserIT.signIn(browser, wait, server, "/admin/build/" + KEY);
            wait.until(d -> d.findElements(By.cssSelector("#field-list li")).size() == 4);
            BuilderFormSettingsInBrowserIT.open(browser, "onoffice");

            WebElement rule = wait.until(d -> d.findElement(By.cssSelector(
                    "[data-setting='onoffice.liveRules'] .row[data-row='0']")));
            assertTrue(rule.getText().contains("gebot"), rule.getText());
            assertTrue(browser.findElement(By.cssSelector("[data-setting='onoffice.writeValues'] .row[data-row='0']"))
                    .isDisplayed());
            WebElement relations = browser.findElement(By.cssSelector("[data-setting='onoffice.relations']"));
            assertTrue(relations.getText().contains("interested party"), relations.getText());
            relations.findElement(By.cssSelector("input[value='buyer']")).click();
            new Select(rule.findElement(By.cssSelector("[data-setting='onoffice.liveRules[].compare'] select")))
                    .selectByVisibleText("greater than");
            // form fields are picked by label: the price offer from the number-like fields only
            Select price = new Select(browser.findElement(By.cssSelector("[data-setting='onoffice.priceOffer'] select")));
            assertEquals(List.of("", "gebot"), price.getOptions().stream().map(o -> o.getAttribute("value")).toList());
            assertEquals("Ihr Gebot (gebot)", price.getFirstSelectedOption().getText());
            new Select(browser.findElement(By.cssSelector(
                    "[data-setting='onoffice.writeValues'] .row[data-row='0'] [data-setting='onoffice.writeValues[].from'] select")))
                    .selectByVisibleText("Objekt (objekt)");
            BuilderFormSettingsInBrowserIT.awaitSaved(browser, wait);
            PublishingInBrowserIT.shot(chrome, "builder-linked-records");

            List<String> raw = BuilderFormSettingsInBrowserIT.noVisualEditor(browser);
            assertTrue(raw.stream().noneMatch(s -> s.startsWith("onoffice.")), "raw JSON: " + raw);
            JsonObject onoffice = server.adminJson("GET", "/admin/api/forms/" + KEY + "/draft", null).getAsJsonObject()
                    .getAsJsonObject("definition").getAsJsonObject("onoffice");
            assertEquals("[\"buyer\",\"interested\"]", onoffice.get("relations").toString()); // in the choices' order
            assertEquals("objekt", onoffice.getAsJsonArray("writeValues").get(0).getAsJsonObject().get("from")
                    .getAsString());
            assertEquals("greater", onoffice.getAsJsonArray("liveRules").get(0).getAsJsonObject().get("compare")
                    .getAsString());
        }
    }
}
