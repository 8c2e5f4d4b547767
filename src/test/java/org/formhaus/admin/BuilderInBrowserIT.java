package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.Await;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The form builder's done-when (issue 10): each of the eight kinds is built from a blank form with the builder only
 * (no JSON typed): fields picked from the simulator's onOffice catalogue (a select arrives with the permitted values
 * as options), fields from the palette, a condition, a step break, a keyboard-only move; the preview follows each
 * change; publishing makes it live while a later draft edit does not; each form is submitted and delivered to the
 * simulator. A screenshot of each builder state goes to target/screenshots/.
 */
class BuilderInBrowserIT {

    /** Per kind, the onOffice fields picked besides salutation, first name, name and e-mail (what the kind needs). */
    private static final Map<String, List<String>> KIND_FIELDS = new LinkedHashMap<>();

    static {
        KIND_FIELDS.put("contact", List.of("agentslog.Bemerkung"));
        KIND_FIELDS.put("inquiry", List.of("estate.Id"));
        KIND_FIELDS.put("owner", List.of("estate.vermarktungsart", "estate.objektart", "estate.plz", "estate.ort"));
        KIND_FIELDS.put("valuation", List.of("estate.objektart", "estate.strasse", "estate.plz", "estate.ort",
                "estate.wohnflaeche"));
        KIND_FIELDS.put("searchprofile", List.of("searchcriteria.vermarktungsart"));
        KIND_FIELDS.put("appointment", List.of("calendar.start_dt"));
        KIND_FIELDS.put("newsletter", List.of());
        KIND_FIELDS.put("custom", List.of());
    }

    @Test
    void everyKindIsBuiltFromABlankFormPublishedSubmittedAndDelivered() throws Exception {
        try (TestServer server = TestServer.onH2().start();
             HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            PublishingInBrowserIT.signIn(browser, wait, server, "/admin/build/new");
            JsonArray salutations = permitted(server, "address.Anrede");
            assertTrue(salutations.size() > 1, "the simulator's catalogue has salutations");

            for (Map.Entry<String, List<String>> kind : KIND_FIELDS.entrySet()) {
                String key = "b-" + kind.getKey();
                boolean first = kind.getKey().equals("contact");
                newBlankForm(browser, wait, key, kind.getKey());
                if (first) {
                    PublishingInBrowserIT.shot(chrome, "builder-1-blank");
                }
                pick(browser, wait, "address.Anrede");
                if (first) {
                    PublishingInBrowserIT.shot(chrome, "builder-2-picked-select");
                }
                List<WebElement> optionValues = browser.findElements(By.cssSelector(
                        "#field-panel .options-table tbody tr"));
                assertEquals(salutations.size(), optionValues.size(), "the permitted values arrive as options: "
                        + ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.fhErrors"));
                pick(browser, wait, "address.Vorname");
                pick(browser, wait, "address.Name");
                required(browser);
                palette(browser, "break");
                label(browser, "Kontakt");
                pick(browser, wait, "address.Email");
                required(browser);
                for (String maps : kind.getValue()) {
                    pick(browser, wait, maps);
                    if (!maps.equals("agentslog.Bemerkung")) {
                        required(browser);
                    }
                }
                palette(browser, "text");
                label(browser, "Firma");
                condition(browser, wait, "Anrede", salutations.get(0).getAsJsonObject().get("key").getAsString());
                if (first) {
                    PublishingInBrowserIT.shot(chrome, "builder-3-condition");
                }
                palette(browser, "consent");
                label(browser, "Ich stimme der Datenschutzerklärung zu.");
                required(browser);

                // Keyboard only: the consent (last) moves up one place with Alt+Up on its entry.
                int count = fieldNames(browser).size();
                WebElement consent = browser.findElement(By.cssSelector("#field-list li[data-index='" + (count - 1)
                        + "'] .label-button"));
                consent.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
                wait.until(d -> fieldNames(d).get(count - 2).startsWith("consent"));
                assertTrue(browser.switchTo().activeElement().getText().startsWith("Ich stimme"),
                        "focus stays on the moved field");
                wait.until(d -> d.findElement(By.id("announce")).getText().contains("position " + (count - 1)));
                assertTrue(fieldNames(browser).get(count - 1).startsWith("text"), fieldNames(browser).toString());

                wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Draft saved."));
                wait.until(d -> d.findElement(By.id("problems-none")).isDisplayed());
                // The preview is the draft: two steps, the last field added is there.
                browser.switchTo().frame("preview");
                wait.until(d -> d.findElements(By.cssSelector("[data-fh-step]")).size() == 2
                        && d.getPageSource().contains("Ich stimme der Datenschutzerkl"));
                browser.switchTo().defaultContent();
                if (first) {
                    PublishingInBrowserIT.shot(chrome, "builder-4-ready");
                }
                browser.findElement(By.id("publish")).click();
                wait.until(d -> d.findElement(By.id("save-state")).getText().startsWith("Published as version 1"));
                assertTrue(server.get("/f/" + key).body().contains("Firma"));

                String id = submit(server, key, kind.getKey(), salutations.get(1).getAsJsonObject().get("key")
                        .getAsString());
                awaitDelivered(server, id);
            }

            // A later draft edit does not change the live form until it is published again.
            browser.get(server.uri("/admin/build/b-contact").toString());
            wait.until(d -> d.findElements(By.cssSelector("#field-list li")).size() > 3);
            browser.findElement(By.cssSelector("#field-list li[data-index='1'] .label-button")).click();
            label(browser, "Vorname (neu)");
            wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Draft saved."));
            browser.switchTo().frame("preview");
            wait.until(d -> d.getPageSource().contains("Vorname (neu)"));
            browser.switchTo().defaultContent();
            PublishingInBrowserIT.shot(chrome, "builder-5-draft-after-publish");
            assertFalse(server.get("/f/b-contact").body().contains("Vorname (neu)"), "live form unchanged");
            browser.findElement(By.cssSelector("button.preview-width[data-width=phone]")).click();
            PublishingInBrowserIT.shot(chrome, "builder-6-phone-preview");
            browser.findElement(By.id("publish")).click();
            wait.until(d -> d.findElement(By.id("save-state")).getText().startsWith("Published as version 2"));
            assertTrue(server.get("/f/b-contact").body().contains("Vorname (neu)"));
        }
    }

    static void newBlankForm(WebDriver browser, WebDriverWait wait, String key, String kind) {
        browser.get(browser.getCurrentUrl().replaceAll("/admin/.*", "/admin/build/new"));
        wait.until(d -> d.findElement(By.id("new-title"))).sendKeys("Baukasten " + kind);
        WebElement keyInput = browser.findElement(By.id("new-key"));
        keyInput.clear();
        keyInput.sendKeys(key);
        new Select(browser.findElement(By.id("new-kind"))).selectByValue(kind);
        browser.findElement(By.cssSelector("#new-form button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/admin/build/" + key));
        wait.until(d -> d.findElement(By.id("problems-list")).getText().contains("fields"));
    }

    static void pick(WebDriver browser, WebDriverWait wait, String maps) {
        String module = maps.substring(0, maps.indexOf('.'));
        new Select(browser.findElement(By.id("picker-module"))).selectByValue(module);
        WebElement search = browser.findElement(By.id("picker-search"));
        search.clear();
        search.sendKeys(maps.substring(maps.indexOf('.') + 1));
        int before = fieldNames(browser).size();
        wait.until(d -> d.findElement(By.cssSelector("#picker-results li[data-maps='" + maps + "'] button.pick")))
                .click();
        wait.until(d -> fieldNames(d).size() == before + 1);
    }

    static void palette(WebDriver browser, String type) {
        int before = fieldNames(browser).size();
        browser.findElement(By.cssSelector(".palette button[data-type='" + type + "']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> fieldNames(d).size() == before + 1);
    }

    static void label(WebDriver browser, String text) {
        WebElement input = browser.findElement(By.cssSelector("#field-panel [data-setting='fields[].label'] input"));
        input.clear();
        input.sendKeys(text, Keys.TAB);
    }

    static void required(WebDriver browser) {
        WebElement box = browser.findElement(By.cssSelector("#field-panel [data-setting='fields[].required'] input"));
        if (!box.isSelected()) {
            box.click();
        }
    }

    private static void condition(WebDriver browser, WebDriverWait wait, String fieldLabel, String value) {
        WebElement field = browser.findElement(By.cssSelector("#field-panel [data-setting='fields[].showIf'] select"));
        Select select = new Select(field);
        select.getOptions().stream().filter(o -> o.getText().endsWith("(" + fieldLabel + ")")).findFirst().orElseThrow().click();
        WebElement valueSelect = wait.until(d -> d.findElements(By.cssSelector(
                "#field-panel [data-setting='fields[].showIf'] select")).get(2));
        new Select(valueSelect).selectByValue(value);
    }

    static List<String> fieldNames(WebDriver browser) {
        List<String> names = new ArrayList<>();
        for (WebElement li : browser.findElements(By.cssSelector("#field-list li"))) {
            names.add(li.getAttribute("data-name"));
        }
        return names;
    }

    private static JsonArray permitted(TestServer server, String maps) throws Exception {
        JsonObject catalogue = server.adminJson("GET", "/admin/api/onoffice-fields", null).getAsJsonObject();
        for (JsonElement module : catalogue.getAsJsonArray("modules")) {
            for (JsonElement field : module.getAsJsonObject().getAsJsonArray("fields")) {
                if (field.getAsJsonObject().get("maps").getAsString().equals(maps)) {
                    return field.getAsJsonObject().getAsJsonArray("permitted");
                }
            }
        }
        throw new AssertionError("no " + maps + " in the catalogue");
    }

    /** Submits the published form with a value for every field (the conditional one shown). */
    private static String submit(TestServer server, String key, String kind, String salutation) throws Exception {
        JsonObject form = server.adminJson("GET", "/admin/api/forms/" + key, null).getAsJsonObject();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (JsonElement e : form.getAsJsonArray("fields")) {
            JsonObject f = e.getAsJsonObject();
            String name = f.get("name").getAsString();
            String maps = f.has("maps") ? f.get("maps").getAsString() : "";
            String value = switch (f.get("type").getAsString()) {
                case "email" -> kind + "@example.org";
                case "select", "radio", "checkboxes" -> maps.equals("address.Anrede") ? salutation
                        : f.getAsJsonArray("options").get(0).getAsJsonObject().get("value").getAsString();
                case "consent" -> "yes";
                case "number", "area", "currency" -> maps.equals("estate.Id") ? "10" : "100";
                case "date" -> "2027-06-01";
                case "datetime" -> "2027-06-01 10:00";
                case "break", "heading", "paragraph" -> null;
                default -> maps.endsWith("plz") ? "52062" : "Test " + name;
            };
            if (value != null) {
                values.put(name, List.of(value));
            }
        }
        HttpResponse<String> reply = server.submitJson(key, values);
        assertEquals(202, reply.statusCode(), kind + ": " + reply.body());
        return JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
    }

    static void awaitDelivered(TestServer server, String id) throws Exception {
        Await.until("submission " + id + " delivered", Duration.ofSeconds(20), () -> {
            JsonObject s = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
            if (s.get("status").getAsString().equals("failed")) {
                throw new AssertionError("delivery failed: " + s);
            }
            return s.get("status").getAsString().equals("delivered") ? s : null;
        });
    }
}
