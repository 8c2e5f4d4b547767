package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.Await;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Rules and calculations over real HTTP and in Chromium: the visitor sees commission and price per m² as they type,
 * labels, fields and options follow the rules; the server stores what it computed itself and ignores forged hidden,
 * locked and calculated values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormLogicIT {

    static final String CALCULATOR = """
            { "key": "provision", "kind": "contact", "language": "de", "title": "Provisionsrechner",
              "fields": [
                {"name": "art", "type": "radio", "label": "Art", "required": true,
                 "options": [{"value": "kauf", "label": "Kauf"}, {"value": "miete", "label": "Miete"}]},
                {"name": "preis", "type": "currency", "label": "Kaufpreis", "required": true},
                {"name": "rate", "type": "number", "label": "Provision in %", "default": "3,57"},
                {"name": "provision", "type": "currency", "label": "Provision"},
                {"name": "qm", "type": "area", "label": "Wohnfläche"},
                {"name": "proqm", "type": "currency", "label": "Preis pro m²"},
                {"name": "quelle", "type": "text", "label": "Quelle", "default": "website"},
                {"name": "extras", "type": "checkboxes", "label": "Extras", "options": ["Balkon", "Garten", "Stellplatz"]},
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"}
              ],
              "rules": [
                {"when": {"field": "art", "equals": "miete"},
                 "then": [{"action": "setLabel", "field": "preis", "text": "Kaltmiete"},
                          {"action": "hide", "field": "provision"},
                          {"action": "hideOptions", "field": "extras", "options": ["Garten"]}]},
                {"then": [{"action": "lock", "field": "quelle"},
                          {"action": "calculate", "field": "provision", "expression": "preis × rate ÷ 100"},
                          {"action": "calculate", "field": "proqm", "expression": "preis / qm"}]},
                {"when": {"field": "preis", "greater": 1000000}, "then": [{"action": "require", "field": "qm"}]}
              ] }""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    @BeforeAll
    void start() throws Exception {
        server.adminJson("POST", "/admin/api/forms", CALCULATOR);
        server.adminJson("POST", "/admin/api/forms", """
                { "key": "weiter", "kind": "contact", "language": "de", "title": "Weiter",
                  "thankYouUrl": "https://agency.example/danke?name={{vorname}}&von={{utm.source}}",
                  "fields": [{"name": "vorname", "type": "text", "label": "Vorname"},
                             {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"}] }""");
    }

    @Test
    void theThankYouUrlGetsItsMacrosPercentEncoded() throws Exception {
        HttpResponse<String> reply = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/f/weiter"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestServer.encode(Map.of(
                        "vorname", List.of("<script>&x=1 https://evil.example/"), "email", List.of("m@example.org"),
                        "_ctx_utm_source", List.of("news\"/><a href=x>")))))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(303, reply.statusCode(), reply.body());
        assertEquals("https://agency.example/danke?name=%3Cscript%3E%26x%3D1%20https%3A%2F%2Fevil.example%2F"
                + "&von=news%22%2F%3E%3Ca%20href%3Dx%3E", reply.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void theServerIgnoresForgedHiddenLockedAndCalculatedValues() throws Exception {
        HttpResponse<String> reply = server.submitJson("provision", Map.of("art", List.of("miete"),
                "preis", List.of("1.000"), "qm", List.of("4"), "provision", List.of("999999"),
                "proqm", List.of("1"), "quelle", List.of("forged"), "email", List.of("rent@example.org")));
        assertEquals(202, reply.statusCode(), reply.body());
        JsonObject values = storedValues(JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString());
        assertEquals("", values.get("provision").getAsString(), "hidden for a rental: not stored");
        assertEquals("250", values.get("proqm").getAsString(), "calculated by the server: 1000 / 4");
        assertEquals("website", values.get("quelle").getAsString(), "locked: its default");

        HttpResponse<String> garden = server.submitJson("provision", Map.of("art", List.of("miete"),
                "preis", List.of("1000"), "extras", List.of("Garten"), "email", List.of("rent@example.org")));
        assertEquals(422, garden.statusCode(), "a hidden option is refused");
        HttpResponse<String> big = server.submitJson("provision", Map.of("art", List.of("kauf"),
                "preis", List.of("2.000.000"), "email", List.of("big@example.org")));
        assertEquals(422, big.statusCode());
        assertEquals("Bitte füllen Sie dieses Feld aus.", JsonParser.parseString(big.body()).getAsJsonObject()
                .getAsJsonObject("errors").get("qm").getAsString(), "required by a rule");
    }

    @Test
    void theVisitorSeesCalculationsAndRulesLiveAndTheServerStoresItsOwnResult() throws Exception {
        try (HeadlessChrome chrome = HeadlessChrome.start("de-DE")) {
            WebDriver browser = chrome.driver();
            browser.get(server.uri("/f/provision").toString());
            browser.findElement(By.id("fh-art-0")).click();
            browser.findElement(By.id("fh-preis")).sendKeys("250.000");
            WebElement provision = browser.findElement(By.id("fh-provision"));
            assertEquals("8925", provision.getAttribute("value"), "250.000 × 3,57 ÷ 100, as typed");
            assertEquals("true", provision.getAttribute("readonly"));
            browser.findElement(By.id("fh-qm")).sendKeys("85");
            assertEquals("2941,18", browser.findElement(By.id("fh-proqm")).getAttribute("value"));

            browser.findElement(By.id("fh-art-1")).click();
            assertTrue(browser.findElement(By.cssSelector("label[for=fh-preis]")).getText().startsWith("Kaltmiete"));
            assertFalse(provision.isDisplayed(), "no commission on a rental");
            assertFalse(browser.findElement(By.id("fh-extras-1")).isDisplayed(), "no garden on a rental");

            browser.findElement(By.id("fh-art-0")).click();
            assertTrue(browser.findElement(By.cssSelector("label[for=fh-preis]")).getText().startsWith("Kaufpreis"));
            WebElement preis = browser.findElement(By.id("fh-preis"));
            preis.clear();
            preis.sendKeys("2.000.000");
            browser.findElement(By.id("fh-qm")).clear();
            browser.findElement(By.id("fh-email")).sendKeys("buyer@example.org");
            Path shot = Path.of("target", "screenshots", "form-logic-calculator.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, chrome.driver().getScreenshotAs(OutputType.BYTES));
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            assertEquals("Bitte füllen Sie dieses Feld aus.", browser.findElement(By.id("fh-qm-error")).getText(),
                    "over a million the area is required, in the browser too");
            assertEquals("71400", provision.getAttribute("value"));

            browser.findElement(By.id("fh-qm")).sendKeys("120");
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "document.getElementById('fh-provision').value = '1'"); // a visitor forging the result
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            Await.until("the thank-you page", Duration.ofSeconds(10),
                    () -> browser.getPageSource().contains("Vielen Dank") ? true : null);
        }
        JsonArray stored = server.adminJson("GET", "/admin/api/submissions?form=provision", null).getAsJsonArray();
        JsonObject values = null;
        for (var s : stored) {
            JsonObject v = storedValues(s.getAsJsonObject().get("id").getAsString());
            if (v.get("email").getAsString().equals("buyer@example.org")) {
                values = v;
            }
        }
        assertEquals("71400", values.get("provision").getAsString(), "the server's result, not the forged one");
        assertEquals("16666.67", values.get("proqm").getAsString());
        assertEquals("2000000", values.get("preis").getAsString());
    }

    private JsonObject storedValues(String id) throws Exception {
        return server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject()
                .getAsJsonObject("data").getAsJsonObject("values");
    }
}
