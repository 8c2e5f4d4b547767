package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.formhaus.testing.Await;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 10's done-when, from the field panel to the CRM: a form built with the builder only (a field picked from the
 * simulator's catalogue with its permitted values as options, one of them hidden, its English texts from onOffice, two
 * half-width fields, a condition, a step break before a field, a field moved with the keyboard only and one dragged),
 * a problem shown at its setting in German, the preview
 * following each change, published, a later draft edit that leaves the live form alone, then the live form EMBEDDED
 * with embed.js on an agency page on another origin, filled in there and delivered to the simulator. A screenshot of
 * each builder state goes to target/screenshots/builder-e2e-*.png.
 */
class BuilderToEmbedInBrowserIT {

    private static final String KEY = "b-e2e";

    @Test
    void aFormBuiltWithTheFieldPanelIsPublishedEmbeddedSubmittedAndDelivered() throws Exception {
        try (TestServer server = TestServer.onH2().start();
             HeadlessChrome chrome = HeadlessChrome.start("de-DE")) {
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
            PublishingInBrowserIT.signIn(browser, wait, server, "/admin/build/new");
            try {
                BuilderInBrowserIT.newBlankForm(browser, wait, KEY, "contact");
            } catch (RuntimeException e) {
                shot(chrome, 0, "failed");
                throw new AssertionError("script errors: " + ((JavascriptExecutor) browser)
                        .executeScript("return window.fhErrors"), e);
            }
            shot(chrome, 1, "blank");

            // A picked onOffice select arrives with the permitted values as options (labels in the form's language).
            BuilderInBrowserIT.pick(browser, wait, "address.Anrede");
            wait.until(d -> d.findElements(By.cssSelector("#field-panel .options-table tbody tr")).size() == 5);
            assertEquals("Herr", browser.findElement(By.cssSelector(
                    "#field-panel .options-table tr[data-value='Herr'] td:nth-child(2) input")).getAttribute("value"));
            inPreview(browser, wait, d -> d.findElements(By.cssSelector("#fh-Anrede option[value='Eheleute']")).size() == 1);
            shot(chrome, 2, "picked-select");

            // Texts in English: the labels and values of the onOffice field come from onOffice.
            browser.findElement(By.cssSelector("#field-panel button.add-language[data-language='en']")).click();
            WebElement englishLabel = wait.until(d -> d.findElement(By.cssSelector(
                    "#field-panel fieldset.texts-language[data-language='en'] [data-setting='translations.en.label'] input")));
            assertEquals("Title", englishLabel.getAttribute("value"));
            assertEquals("Mr.", browser.findElement(By.cssSelector(
                    "#field-panel .options-table tr[data-value='Herr'] input.option-translation")).getAttribute("value"));
            awaitSaved(browser, wait);
            JsonObject english = draft(server).getAsJsonObject("translations").getAsJsonObject("en")
                    .getAsJsonObject("fields").getAsJsonObject("Anrede");
            assertEquals("Title", english.get("label").getAsString());
            assertEquals("Spouses", english.getAsJsonObject("options").get("Eheleute").getAsString());
            browser.findElement(By.cssSelector("button.preview-language[data-language='en']")).click();
            inPreview(browser, wait, d -> d.findElement(By.cssSelector("label[for='fh-Anrede']")).getText().startsWith("Title")
                    && d.findElements(By.xpath("//select[@id='fh-Anrede']/option[.='Mr.']")).size() == 1);
            shot(chrome, 3, "english-texts");
            browser.findElement(By.cssSelector("button.preview-language[data-language='de']")).click();
            inPreview(browser, wait, d -> d.findElement(By.cssSelector("label[for='fh-Anrede']")).getText().startsWith("Anrede"));
            // The form's own language switch inside the preview changes the preview, not the admin UI's language.
            browser.switchTo().frame("preview");
            // (clicked by script: the desktop preview is scaled, which WebDriver's hit test does not follow)
            ((JavascriptExecutor) browser).executeScript("arguments[0].click()",
                    browser.findElement(By.cssSelector("a[data-fh-lang='en']")));
            wait.until(d -> d.findElement(By.cssSelector("label[for='fh-Anrede']")).getText().startsWith("Title"));
            browser.switchTo().defaultContent();

            // One permitted value hidden from visitors: gone from the preview.
            browser.findElement(By.cssSelector("#field-panel .options-table tr[data-value='Eheleute'] input.option-hidden"))
                    .click();
            wait.until(d -> d.findElement(By.id("announce")).getText().contains("ausgeblendet"));
            inPreview(browser, wait, d -> d.findElements(By.cssSelector("#fh-Anrede option[value='Eheleute']")).isEmpty()
                    && d.findElements(By.cssSelector("#fh-Anrede option[value='Herr']")).size() == 1);
            shot(chrome, 4, "option-hidden");

            // First and last name side by side: half width each.
            BuilderInBrowserIT.pick(browser, wait, "address.Vorname");
            width(browser, "half");

            // A problem of the server's check appears at the setting it concerns, in the admin's language.
            WebElement maxLength = browser.findElement(By.cssSelector("#field-panel [data-setting='fields[].maxLength'] input"));
            maxLength.clear();
            maxLength.sendKeys("600", Keys.TAB);
            wait.until(d -> d.findElement(By.cssSelector("#field-panel [data-setting='fields[].maxLength'] .problem"))
                    .getText().equals("überschreitet die Grenze 500 eines Felds vom Typ text"));
            assertEquals("true", browser.findElement(By.cssSelector(
                    "#field-panel [data-setting='fields[].maxLength'] input")).getAttribute("aria-invalid"));
            assertTrue(browser.findElement(By.id("problems-list")).getText().contains(
                    "fields[1].maxLength: überschreitet die Grenze 500"), browser.findElement(By.id("problems-list")).getText());
            inPreview(browser, wait, d -> d.getPageSource().contains(
                    "fields[1].maxLength: überschreitet die Grenze 500 eines Felds vom Typ text"));
            shot(chrome, 5, "problem-in-german");
            maxLength = browser.findElement(By.cssSelector("#field-panel [data-setting='fields[].maxLength'] input"));
            maxLength.clear();
            maxLength.sendKeys("100", Keys.TAB);
            wait.until(d -> d.findElement(By.id("problems-none")).isDisplayed());
            BuilderInBrowserIT.pick(browser, wait, "address.Name");
            width(browser, "half");
            inPreview(browser, wait, d -> d.findElements(By.cssSelector(".fh-half")).size() == 2
                    && top(d, "Vorname") == top(d, "Name") && left(d, "Vorname") < left(d, "Name"));
            shot(chrome, 6, "half-width");
            browser.findElement(By.cssSelector("button.preview-width[data-width=phone]")).click();
            inPreview(browser, wait, d -> top(d, "Name") > top(d, "Vorname"));
            shot(chrome, 7, "half-width-phone");
            browser.findElement(By.cssSelector("button.preview-width[data-width=desktop]")).click();

            // The e-mail starts the second step: "step break before this field", with the step's title.
            BuilderInBrowserIT.pick(browser, wait, "address.Email");
            BuilderInBrowserIT.required(browser);
            browser.findElement(By.cssSelector("#field-panel input.step-break")).click();
            WebElement stepTitle = wait.until(d -> d.findElement(By.cssSelector("#field-panel input.step-title")));
            stepTitle.clear();
            stepTitle.sendKeys("Kontaktdaten", Keys.TAB);
            inPreview(browser, wait, d -> d.findElements(By.cssSelector("[data-fh-step]")).size() == 2
                    && d.getPageSource().contains("Kontaktdaten"));
            shot(chrome, 8, "step-break");

            // A company field shown only for companies, added last.
            BuilderInBrowserIT.palette(browser, "text");
            BuilderInBrowserIT.label(browser, "Firma");
            WebElement conditionField = browser.findElement(By.cssSelector(
                    "#field-panel [data-setting='fields[].showIf'] select"));
            new Select(conditionField).selectByValue("Anrede");
            WebElement value = wait.until(d -> d.findElements(By.cssSelector(
                    "#field-panel [data-setting='fields[].showIf'] select")).get(2));
            new Select(value).selectByValue("Firma");
            inPreview(browser, wait, d -> "Anrede".equals(d.findElement(By.cssSelector("[data-fh-field='text']"))
                    .getAttribute("data-fh-show-if")));
            shot(chrome, 9, "condition");

            // Keyboard only: the company field moves up before the step break (Alt+Up on its entry, then its ↑ button
            // pressed with Enter); each move is announced and focus stays on the moved field.
            List<String> before = BuilderInBrowserIT.fieldNames(browser);
            assertEquals("text", before.get(before.size() - 1), before.toString());
            int last = before.size() - 1;
            WebElement entry = browser.findElement(By.cssSelector("#field-list li[data-index='" + last + "'] .label-button"));
            entry.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
            wait.until(d -> BuilderInBrowserIT.fieldNames(d).get(last - 1).equals("text"));
            assertTrue(browser.switchTo().activeElement().getText().startsWith("Firma"), "focus stays on the moved field");
            wait.until(d -> d.findElement(By.id("announce")).getText().contains("Position " + last));
            browser.switchTo().activeElement().sendKeys(Keys.TAB); // to its ↑ button
            WebElement up = browser.switchTo().activeElement();
            assertTrue(up.getAttribute("class").contains("move-up"), up.getAttribute("outerHTML"));
            up.sendKeys(Keys.ENTER);
            wait.until(d -> BuilderInBrowserIT.fieldNames(d).get(last - 2).equals("text"));
            wait.until(d -> d.findElement(By.id("announce")).getText().contains("Position " + (last - 1)));
            assertEquals(List.of("Anrede", "Vorname", "Name", "text", "schritt", "Email"),
                    BuilderInBrowserIT.fieldNames(browser));
            inPreview(browser, wait, d -> d.findElements(By.cssSelector("[data-fh-step='1'] [data-fh-field='text']")).size() == 1);
            shot(chrome, 10, "keyboard-moved");

            BuilderInBrowserIT.palette(browser, "consent"); // after the selected (moved) company field: into step 1
            BuilderInBrowserIT.label(browser, "Ich stimme der Datenschutzerklärung zu.");
            BuilderInBrowserIT.required(browser);

            // Dragged with the mouse: the consent is dropped before the company field (the list's drag events, as
            // Chromium fires them; WebDriver cannot drive native drag and drop).
            assertEquals(List.of("Anrede", "Vorname", "Name", "text", "consent", "schritt", "Email"),
                    BuilderInBrowserIT.fieldNames(browser));
            ((JavascriptExecutor) browser).executeScript("""
                    var from = document.querySelector("#field-list li[data-index='4']");
                    var to = document.querySelector("#field-list li[data-index='3']");
                    var data = new DataTransfer();
                    from.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
                    to.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
                    to.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
                    from.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));""");
            wait.until(d -> BuilderInBrowserIT.fieldNames(d).equals(List.of("Anrede", "Vorname", "Name", "consent", "text",
                    "schritt", "Email")));
            wait.until(d -> d.findElement(By.id("announce")).getText().contains("Position 4 von 7"));
            awaitSaved(browser, wait);
            wait.until(d -> d.findElement(By.id("problems-none")).isDisplayed());
            inPreview(browser, wait, d -> (Boolean) ((JavascriptExecutor) d).executeScript("""
                    var c = document.querySelector("[data-fh-field='consent']");
                    var t = document.querySelector("[data-fh-field='text']");
                    return !!c && !!t && !!(c.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);"""));

            // Published: live. Then a draft edit, seen in the preview only.
            browser.findElement(By.id("publish")).click();
            wait.until(d -> d.findElement(By.id("save-state")).getText().startsWith("Als Version 1"));
            shot(chrome, 11, "published");
            assertTrue(server.get("/f/" + KEY).body().contains("Kontaktdaten"));
            browser.findElement(By.cssSelector("#field-list li[data-index='1'] .label-button")).click();
            BuilderInBrowserIT.label(browser, "Vorname (neu)");
            awaitSaved(browser, wait);
            inPreview(browser, wait, d -> d.getPageSource().contains("Vorname (neu)"));
            shot(chrome, 12, "draft-after-publish");
            assertFalse(server.get("/f/" + KEY).body().contains("Vorname (neu)"), "the live form is unchanged");

            // The live form, embedded on the agency's page (another origin), filled in and sent there.
            Server agency = agencySite(server.uri("/embed.js").toString());
            try {
                browser.get("http://localhost:" + ((ServerConnector) agency.getConnectors()[0]).getLocalPort() + "/");
                WebElement frame = wait.until(d -> d.findElement(By.cssSelector("iframe[data-formhaus='" + KEY + "']")));
                browser.switchTo().frame(frame);
                wait.until(d -> d.findElement(By.id("fh-Anrede")));
                assertFalse(browser.getPageSource().contains("Vorname (neu)"), "the embed shows the live version");
                assertTrue(browser.findElements(By.cssSelector("#fh-Anrede option[value='Eheleute']")).isEmpty(),
                        "the hidden value is not offered");
                new Select(browser.findElement(By.id("fh-Anrede"))).selectByValue("Herr");
                assertFalse(browser.findElement(By.id("fh-text")).isDisplayed(), "the company field waits for a company");
                browser.findElement(By.id("fh-Vorname")).sendKeys("Erika");
                browser.findElement(By.id("fh-Name")).sendKeys("Baukasten");
                browser.findElement(By.id("fh-consent")).sendKeys(" ");
                browser.switchTo().defaultContent();
                shot(chrome, 13, "embedded");
                browser.switchTo().frame(frame);
                browser.findElement(By.cssSelector("[data-fh-next]")).click();
                wait.until(d -> d.findElement(By.id("fh-Email")).isDisplayed());
                browser.findElement(By.id("fh-Email")).sendKeys("erika.baukasten@example.org");
                browser.findElement(By.cssSelector("button[type=submit]")).click();
                wait.until(d -> d.getPageSource().contains("Vielen Dank"));
                browser.switchTo().defaultContent();
                shot(chrome, 14, "embedded-sent");
            } finally {
                agency.stop();
            }
            JsonArray stored = server.adminJson("GET", "/admin/api/submissions?form=" + KEY, null).getAsJsonArray();
            assertEquals(1, stored.size(), stored.toString());
            BuilderInBrowserIT.awaitDelivered(server, stored.get(0).getAsJsonObject().get("id").getAsString());
            JsonObject record = Await.until("the address in the simulator", Duration.ofSeconds(10), () -> {
                for (JsonElement e : server.simulator().records("address")) {
                    if (e.toString().contains("erika.baukasten@example.org")) {
                        return e.getAsJsonObject();
                    }
                }
                return null;
            });
            String written = record.toString();
            assertTrue(written.contains("Erika") && written.contains("Baukasten") && written.contains("Herr"), written);

            // Published again: the draft's edit goes live.
            browser.get(server.uri("/admin/build/" + KEY).toString());
            wait.until(d -> d.findElements(By.cssSelector("#field-list li")).size() > 3);
            browser.findElement(By.id("publish")).click();
            wait.until(d -> d.findElement(By.id("save-state")).getText().startsWith("Als Version 2"));
            assertTrue(server.get("/f/" + KEY).body().contains("Vorname (neu)"));

            // Renaming a field carries its texts along and the conditions testing it.
            browser.findElement(By.cssSelector("#field-list li[data-index='0'] .label-button")).click();
            WebElement name = browser.findElement(By.cssSelector("#field-panel [data-setting='fields[].name'] input"));
            name.clear();
            name.sendKeys("salutation", Keys.TAB);
            awaitSaved(browser, wait);
            wait.until(d -> d.findElement(By.id("problems-none")).isDisplayed()
                    || !d.findElement(By.id("problems-list")).getText().isEmpty());
            assertEquals("", browser.findElement(By.id("problems-list")).getText(), draft(server).toString());
            JsonObject renamed = draft(server);
            assertTrue(renamed.getAsJsonObject("translations").getAsJsonObject("en").getAsJsonObject("fields")
                    .has("salutation"), renamed.toString());
            for (JsonElement f : renamed.getAsJsonArray("fields")) {
                if (f.getAsJsonObject().get("name").getAsString().equals("text")) {
                    assertEquals("salutation", f.getAsJsonObject().getAsJsonObject("showIf").get("field").getAsString());
                }
            }
        }
    }

    /** The agency's website on another origin, one page with the form's embed tag. */
    private static Server agencySite(String embedJs) throws Exception {
        Server site = new Server();
        ServerConnector connector = new ServerConnector(site);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        site.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<!DOCTYPE html><html lang=\"de\"><head><title>Makler Muster</title></head>"
                        + "<body style=\"font-family: sans-serif; max-width: 60rem; margin: 1rem auto\">"
                        + "<h1>Makler Muster</h1><p>Schreiben Sie uns.</p>"
                        + "<script src=\"" + embedJs + "\" data-form=\"" + KEY + "\" async></script></body></html>");
            }
        }), "/*");
        site.setHandler(context);
        site.start();
        return site;
    }

    private static void width(WebDriver browser, String width) {
        new Select(browser.findElement(By.cssSelector("#field-panel [data-setting='fields[].width'] select")))
                .selectByValue(width);
    }

    private static long top(WebDriver d, String name) {
        return rect(d, name, "top");
    }

    private static long left(WebDriver d, String name) {
        return rect(d, name, "left");
    }

    private static long rect(WebDriver d, String name, String side) {
        Object v = ((JavascriptExecutor) d).executeScript("var e = document.querySelector(\"[data-fh-field='\" + "
                + "arguments[0] + \"']\"); return e ? Math.round(e.getBoundingClientRect()[arguments[1]]) : -1;", name, side);
        return ((Number) v).longValue();
    }

    /** Waits until the preview (the draft rendered by the server) shows what {@code shown} looks for. */
    private static void inPreview(WebDriver browser, WebDriverWait wait, Function<WebDriver, Boolean> shown) {
        browser.switchTo().frame("preview");
        try {
            wait.until(shown::apply);
        } finally {
            browser.switchTo().defaultContent();
        }
    }

    private static void awaitSaved(WebDriver browser, WebDriverWait wait) {
        wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Entwurf gespeichert."));
    }

    private static JsonObject draft(TestServer server) throws Exception {
        return server.adminJson("GET", "/admin/api/forms/" + KEY + "/draft", null).getAsJsonObject()
                .getAsJsonObject("definition");
    }

    private static void shot(HeadlessChrome chrome, int n, String state) throws Exception {
        PublishingInBrowserIT.shot(chrome, "builder-e2e-" + (n < 10 ? "0" : "") + n + "-" + state);
    }
}
