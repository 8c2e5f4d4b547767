package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.formhaus.testing.Await;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What only a browser can prove: an agency page on another origin (http://localhost:P, while Formhaus answers at
 * http://127.0.0.1:Q) carries two embed tags; each iframe takes its form's height; an invalid entry is stopped in the
 * browser, one only the server refuses comes back with its error and the values kept, and a valid one is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbedInBrowserIT {

    static final String NEWSLETTER = """
            { "key": "newsletter", "kind": "newsletter", "language": "en", "title": "Newsletter",
              "fields": [{"name": "email", "type": "email", "label": "Email", "required": true, "maps": "address.Email"}] }""";

    static final String STEPS = """
            { "key": "bewertung", "kind": "valuation", "language": "de", "title": "Bewertung",
              "fields": [
                {"name": "s1", "type": "break", "label": "Objekt"},
                {"name": "art", "type": "radio", "label": "Art", "options": ["Haus", "Wohnung"], "required": true},
                {"name": "grundstueck", "type": "area", "label": "Grundstück", "required": true,
                 "showIf": {"field": "art", "equals": "Haus"}},
                {"name": "s2", "type": "break", "label": "Kontakt"},
                {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"}
              ] }""";

    @RegisterExtension
    final TestServer formhaus = TestServer.onH2().perTestClass();

    Server agencySite;
    HeadlessChrome chrome;
    WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        formhaus.adminJson("POST", "/admin/api/forms", TestForms.CONTACT);
        formhaus.adminJson("POST", "/admin/api/forms", NEWSLETTER);
        formhaus.adminJson("POST", "/admin/api/forms", STEPS);
        agencySite = agencySite(formhaus.uri("/embed.js").toString());
        chrome = HeadlessChrome.start("de-DE");
        browser = chrome.driver();
    }

    /** The agency's website: another origin, one page with two embed tags. */
    static Server agencySite(String embedJs) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<!DOCTYPE html><html><head><title>Agentur</title></head><body>"
                        + "<h1>Makler Muster</h1><p>Schreiben Sie uns.</p>"
                        + "<script src=\"" + embedJs + "\" data-form=\"kontakt\" data-height=\"150\" async></script>"
                        + "<p>Unser Newsletter:</p>"
                        + "<script src=\"" + embedJs + "\" data-form=\"newsletter\" data-height=\"150\" async></script>"
                        + "</body></html>");
            }
        }), "/*");
        server.setHandler(context);
        server.start();
        return server;
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (chrome != null) chrome.close();
        } finally {
            agencySite.stop();
        }
    }

    @Test
    void aMultiStepFormShowsOneStepAtATimeAndOnlyTheFieldsWhoseConditionHolds() throws Exception {
        browser.get(formhaus.uri("/f/bewertung").toString());
        WebElement progress = browser.findElement(By.cssSelector(".fh-progress-text"));
        assertEquals("Schritt 1 von 2", progress.getText());
        assertTrue(!browser.findElement(By.id("fh-email")).isDisplayed(), "step 2 waits");
        assertTrue(!browser.findElement(By.id("fh-grundstueck")).isDisplayed(), "no land for an unknown kind");

        browser.findElement(By.cssSelector("[data-fh-next]")).click();
        assertEquals("Bitte füllen Sie dieses Feld aus.", browser.findElement(By.id("fh-art-error")).getText());
        assertEquals("Schritt 1 von 2", progress.getText(), "a step with errors is not left");

        browser.findElement(By.id("fh-art-0")).click();
        assertTrue(browser.findElement(By.id("fh-grundstueck")).isDisplayed(), "a house has land");
        browser.findElement(By.id("fh-grundstueck")).sendKeys("abc");
        browser.findElement(By.cssSelector("[data-fh-next]")).click();
        assertEquals("Bitte geben Sie eine Zahl ein.", browser.findElement(By.id("fh-grundstueck-error")).getText());
        browser.findElement(By.id("fh-art-1")).click();
        assertTrue(!browser.findElement(By.id("fh-grundstueck")).isDisplayed(), "a flat has none");

        browser.findElement(By.cssSelector("[data-fh-next]")).click();
        assertEquals("Schritt 2 von 2", progress.getText());
        assertEquals("Kontakt", browser.switchTo().activeElement().getText(), "focus moves to the step's title");
        browser.findElement(By.id("fh-email")).sendKeys("stepper@example.org");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Await.until("the thank-you page", Duration.ofSeconds(10),
                () -> browser.getPageSource().contains("Vielen Dank") ? true : null);
        JsonArray stored = formhaus.adminJson("GET", "/admin/api/submissions?form=bewertung", null).getAsJsonArray();
        assertEquals(1, stored.size());
        JsonElement values = formhaus.adminJson("GET", "/admin/api/submissions/" + stored.get(0).getAsJsonObject()
                .get("id").getAsString(), null).getAsJsonObject().getAsJsonObject("data").get("values");
        assertEquals("{\"art\":\"Wohnung\",\"grundstueck\":\"\",\"email\":\"stepper@example.org\"}", values.toString());
    }

    WebElement frame(String key) {
        return browser.findElement(By.cssSelector("iframe[data-formhaus='" + key + "']"));
    }

    int reportedHeight(String key) {
        String h = frame(key).getAttribute("data-height-reported");
        return h == null ? 0 : Integer.parseInt(h);
    }

    @Test
    void anEmbeddedFormResizesValidatesTwiceAndStoresTheValidEntry() throws Exception {
        int port = ((ServerConnector) agencySite.getConnectors()[0]).getLocalPort();
        browser.get("http://localhost:" + port + "/immobilien?utm_source=newsletter");

        // Both forms report their height to the page on the other origin; each iframe takes its own.
        int contactHeight = Await.until("the contact form to report its height", Duration.ofSeconds(20),
                () -> reportedHeight("kontakt") > 150 ? reportedHeight("kontakt") : null);
        Await.until("the newsletter form to report its height", Duration.ofSeconds(20),
                () -> reportedHeight("newsletter") > 150 ? true : null);
        assertEquals(contactHeight + "px", frame("kontakt").getCssValue("height"));
        assertTrue(reportedHeight("newsletter") < contactHeight, "one field is shorter than four");

        // An invalid entry is stopped in the browser, with the server's words, and focus on the first error.
        browser.switchTo().frame(frame("kontakt"));
        browser.findElement(By.id("fh-vorname")).sendKeys("Erika");
        browser.findElement(By.id("fh-email")).sendKeys("erika-at-example");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = browser.findElement(By.id("fh-email-error"));
        assertEquals("Bitte geben Sie eine gültige E-Mail-Adresse ein.", error.getText());
        assertEquals("fh-email", browser.switchTo().activeElement().getAttribute("id"));
        assertEquals("Bitte stimmen Sie zu, um fortzufahren.", browser.findElement(By.id("fh-dsgvo-error")).getText());
        browser.switchTo().defaultContent();
        Await.until("the iframe to grow with the error messages", Duration.ofSeconds(10),
                () -> reportedHeight("kontakt") > contactHeight ? true : null);

        // One only the server can refuse (no such top-level domain): the page comes back, values kept.
        browser.switchTo().frame(frame("kontakt"));
        WebElement email = browser.findElement(By.id("fh-email"));
        email.clear();
        email.sendKeys("erika@example.nosuchtld");
        browser.findElement(By.id("fh-dsgvo")).sendKeys(" "); // by keyboard: space ticks a focused checkbox
        assertTrue(browser.findElement(By.id("fh-dsgvo")).isSelected());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Await.until("the server's error", Duration.ofSeconds(10), () -> browser.findElements(By.id("fh-summary")).isEmpty() ? null : true);
        assertEquals("Erika", browser.findElement(By.id("fh-vorname")).getAttribute("value"));
        assertEquals("fh-email", browser.switchTo().activeElement().getAttribute("id"));

        // Then a valid entry: thank-you page in the frame, the submission stored with the page's context.
        email = browser.findElement(By.id("fh-email"));
        email.clear();
        email.sendKeys("erika.embedded@example.org");
        if (!browser.findElement(By.id("fh-dsgvo")).isSelected()) {
            browser.findElement(By.id("fh-dsgvo")).sendKeys(" ");
        }
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Await.until("the thank-you page", Duration.ofSeconds(10),
                () -> browser.getPageSource().contains("Vielen Dank") ? true : null);
        browser.switchTo().defaultContent();
        Await.until("the iframe to shrink to the thank-you page", Duration.ofSeconds(10),
                () -> reportedHeight("kontakt") < contactHeight ? true : null);

        JsonArray stored = formhaus.adminJson("GET", "/admin/api/submissions?form=kontakt", null).getAsJsonArray();
        assertEquals(1, stored.size(), stored.toString());
        String id = stored.get(0).getAsJsonObject().get("id").getAsString();
        JsonElement data = formhaus.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject().get("data");
        assertEquals("erika.embedded@example.org", data.getAsJsonObject().getAsJsonObject("values").get("email").getAsString());
        assertEquals("newsletter", data.getAsJsonObject().getAsJsonObject("context").get("utm_source").getAsString());
        assertTrue(data.getAsJsonObject().getAsJsonObject("context").get("page").getAsString()
                .startsWith("http://localhost:" + port + "/immobilien"));
    }
}
