package org.formhaus.viewings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.formhaus.testing.Await;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A visitor in Chromium chooses a viewing slot from the agent's calendar, and another types a date and time into an
 * appointment request's native input; both arrive as the appointment's start. Screenshots under target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewingSlotsInBrowserIT {

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    @Test
    void aVisitorChoosesAFreeSlotWithTheKeyboardAndSendsIt() throws Exception {
        server.adminJson("POST", "/admin/api/forms", ViewingSlotsIT.viewingForm("besichtigung-browser", """
                {"daysAhead": 5, "from": "10:00", "to": "12:00", "slotMinutes": 45, "bufferMinutes": 15}"""));
        String second = ViewingSlotsIT.firstWorkday() + "T11:00";
        try (HeadlessChrome chrome = HeadlessChrome.start("de-DE")) {
            WebDriver browser = chrome.driver();
            browser.get(server.uri("/f/besichtigung-browser?fh_estate=10").toString());
            WebElement legend = browser.findElement(By.cssSelector("[data-fh-field=termin] legend"));
            assertTrue(legend.getText().startsWith("Termin"), legend.getText());
            browser.findElement(By.id("fh-name")).sendKeys("Vera Viewer");
            browser.findElement(By.id("fh-email")).sendKeys("vera@example.org");
            WebElement first = browser.findElement(By.id("fh-termin-0"));
            first.click();
            first.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN); // the second slot, by keyboard as in any radio group
            WebElement chosen = browser.findElement(By.cssSelector("input[name=termin]:checked"));
            assertEquals(second, chosen.getAttribute("value"));
            assertEquals(chosen, browser.switchTo().activeElement(), "the focus follows the choice");
            shot(chrome, "viewing-slots-chosen");
            assertEquals(List.of(), audit(browser), "WCAG 2.2 AA (a11y/audit.js) on the slot page");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            Await.until("the thank-you page", Duration.ofSeconds(10),
                    () -> browser.getPageSource().contains("Vielen Dank") ? true : null);
        }
        assertEquals(second, storedValue("besichtigung-browser", "termin"));
    }

    @Test
    void aVisitorTypesADateAndATimeIntoTheNativeInput() throws Exception {
        server.adminJson("POST", "/admin/api/forms", """
                { "key": "termin-browser", "kind": "appointment", "title": "Beratungstermin",
                  "onoffice": {"appointment": {"user": "sschulz", "durationMinutes": 30}},
                  "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
                  {"name": "termin", "type": "datetime", "label": "Wunschtermin", "required": true, "minDate": "today",
                   "help": "Datum und Uhrzeit", "maps": "calendar.start_dt"} ] }""");
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2);
        try (HeadlessChrome chrome = HeadlessChrome.start("de-DE")) {
            WebDriver browser = chrome.driver();
            browser.get(server.uri("/f/termin-browser").toString());
            WebElement input = browser.findElement(By.id("fh-termin"));
            assertEquals("datetime-local", input.getAttribute("type"));
            assertEquals("fh-termin-help", input.getAttribute("aria-describedby"));
            assertEquals("fh-termin", browser.findElement(By.cssSelector("label[for=fh-termin]"))
                    .getAttribute("for"));
            browser.findElement(By.id("fh-email")).sendKeys("typed@example.org");
            // typed into the input's own segments: day, month, year (or month first, as the browser's locale
            // orders them), then hours and minutes; the input moves from segment to segment by itself
            type(input, String.format("%02d%02d%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear()));
            if (!input.getAttribute("value").startsWith(day.toString())) {
                input.clear();
                type(input, String.format("%02d%02d%d", day.getMonthValue(), day.getDayOfMonth(), day.getYear()));
            }
            String typed = input.getAttribute("value");
            if (!typed.equals(day + "T14:30")) {
                // a Chromium whose input takes the keys otherwise: set it as the picker would, and say so
                System.out.println("datetime-local took '" + typed + "' from the keys; set by script instead");
                ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, day + "T14:30");
            }
            assertEquals(day + "T14:30", input.getAttribute("value"));
            shot(chrome, "appointment-date-and-time");
            assertEquals(List.of(), audit(browser), "WCAG 2.2 AA (a11y/audit.js) on the date-and-time page");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            Await.until("the thank-you page", Duration.ofSeconds(10),
                    () -> browser.getPageSource().contains("Vielen Dank") ? true : null);
        }
        assertEquals(day + "T14:30", storedValue("termin-browser", "termin"));
    }

    @Test
    void theBuilderEditsTheSlotWindowThroughTheSchema() throws Exception {
        server.adminJson("POST", "/admin/api/forms", ViewingSlotsIT.viewingForm("besichtigung-builder", "true"));
        try (HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            WebDriver browser = chrome.driver();
            org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(
                    browser, Duration.ofSeconds(20));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            String page = "/admin/build/besichtigung-builder";
            browser.get(server.uri(page).toString());
            wait.until(d -> d.getCurrentUrl().contains("/admin/login"));
            browser.findElement(By.id("email")).sendKeys("admin@formhaus.local");
            browser.findElement(By.id("password")).sendKeys(TestServer.ADMIN_PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit].primary")).click();
            wait.until(d -> d.getCurrentUrl().endsWith(page));
            WebElement group = wait.until(d -> d.findElement(By.cssSelector("details[data-group=onoffice]")));
            if (group.getAttribute("open") == null) {
                group.findElement(By.tagName("summary")).click();
            }
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector(
                    "[data-setting='onoffice.appointment.slots'] select"))).selectByValue("object");
            WebElement days = wait.until(d -> d.findElement(By.cssSelector(
                    "[data-setting='onoffice.appointment.slots.daysAhead'] input")));
            days.clear();
            days.sendKeys("5", org.openqa.selenium.Keys.TAB);
            WebElement saturday = wait.until(d -> d.findElement(By.xpath("//*[@data-setting="
                    + "'onoffice.appointment.slots.weekdays']//label[contains(., 'Saturday')]/input")));
            saturday.click();
            // a time input (Kind.TIME); its typed keys depend on the locale's clock, so the value is set as a picker would
            WebElement from = browser.findElement(By.cssSelector(
                    "[data-setting='onoffice.appointment.slots.from'] input[type=time]"));
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = '08:30';"
                    + "arguments[0].dispatchEvent(new Event('change'))", from);
            shot(chrome, "viewing-slots-builder");
            Await.until("the draft holds the slot window", Duration.ofSeconds(10), () -> {
                JsonObject draft = server.adminJson("GET", "/admin/api/forms/besichtigung-builder/draft", null)
                        .getAsJsonObject();
                JsonObject definition = draft.has("definition") ? draft.getAsJsonObject("definition") : draft;
                var slots = definition.getAsJsonObject("onoffice").getAsJsonObject("appointment").get("slots");
                return slots != null && slots.isJsonObject() && slots.toString().contains("\"daysAhead\":5")
                        && slots.toString().contains("sat") && slots.toString().contains("\"from\":\"08:30\"") ? true : null;
            });
        }
    }

    /** The builder's WCAG 2.2 AA check (a11y/audit.js), run on a visitor's page. */
    @SuppressWarnings("unchecked")
    static List<String> audit(WebDriver browser) throws Exception {
        String script;
        try (java.io.InputStream in = ViewingSlotsInBrowserIT.class.getResourceAsStream("/a11y/audit.js")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return (List<String>) ((JavascriptExecutor) browser).executeScript(script, List.of());
    }

    private static void type(WebElement input, String date) {
        input.sendKeys(date);
        input.sendKeys(org.openqa.selenium.Keys.TAB);
        input.sendKeys("1430"); // a 12-hour input takes 14 as 2 PM
    }

    private String storedValue(String form, String field) throws Exception {
        JsonElement list = server.adminJson("GET", "/admin/api/submissions?form=" + form, null);
        String id = list.getAsJsonArray().get(0).getAsJsonObject().get("id").getAsString();
        JsonObject s = server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
        return s.getAsJsonObject("data").getAsJsonObject("values").get(field).getAsString();
    }

    private static void shot(HeadlessChrome chrome, String name) throws Exception {
        Path shot = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, chrome.driver().getScreenshotAs(OutputType.BYTES));
    }
}
