package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.formhaus.testing.Await;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Issue 11, embedding: a host page on another origin (127.0.0.1:P; Formhaus at 127.0.0.1:Q) hears the form's events
 * (loaded, step, submitted with the submission's id, failed when the server sends the form back or refuses it)
 * through embed.js's DOM events and {@code Formhaus.on}; a
 * multi-step form keeps the visitor's entries and step across a reload of the page, in the browser only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbedEventsInBrowserIT {

    @RegisterExtension
    final TestServer formhaus = TestServer.onH2().perTestClass();

    Server hostSite;
    HeadlessChrome chrome;
    WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        formhaus.adminJson("POST", "/admin/api/forms", EmbedInBrowserIT.STEPS);
        hostSite = hostSite(formhaus.uri("/embed.js").toString());
        chrome = HeadlessChrome.start("de-DE");
        browser = chrome.driver();
    }

    /** The host page: records every Formhaus event it hears, by DOM event and by the API. */
    static Server hostSite(String embedJs) throws Exception {
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
                response.getWriter().write("<!DOCTYPE html><html><head><title>Host</title><script>"
                        + "window.heard = []; window.apiHeard = [];"
                        + "['loaded','step','submitted','failed'].forEach(function (n) {"
                        + "  document.addEventListener('formhaus:' + n, function (e) {"
                        + "    window.heard.push(JSON.stringify({event: n, detail: e.detail, on: e.target.tagName}));"
                        + "  });"
                        + "});</script></head><body><h1>Makler</h1>"
                        + "<script src=\"" + embedJs + "\" data-form=\""
                        + (request.getParameter("form") == null ? "bewertung"
                                : request.getParameter("form").replaceAll("[^a-z-]", "")) + "\" async></script>"
                        + "<script>var wait = setInterval(function () { if (!window.Formhaus) return;"
                        + " clearInterval(wait); Formhaus.on('submitted', function (d) { window.apiHeard.push(d.id); });"
                        + "}, 10);</script></body></html>");
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
            hostSite.stop();
        }
    }

    JsonArray heard() {
        Object list = ((JavascriptExecutor) browser).executeScript("return JSON.stringify(window.heard || [])");
        JsonArray events = new JsonArray();
        JsonParser.parseString((String) list).getAsJsonArray()
                .forEach(e -> events.add(JsonParser.parseString(e.getAsString())));
        return events;
    }

    JsonObject awaitEvent(String name, int nth) {
        try {
            return awaitOrFail(name, nth);
        } catch (Exception e) {
            throw new AssertionError("heard: " + heard(), e);
        }
    }

    JsonObject awaitOrFail(String name, int nth) throws Exception {
        return Await.until("the host page to hear '" + name + "' #" + nth, Duration.ofSeconds(15), () -> {
            int seen = 0;
            for (var e : heard()) {
                if (e.getAsJsonObject().get("event").getAsString().equals(name) && ++seen == nth) {
                    return e.getAsJsonObject();
                }
            }
            return null;
        });
    }

    void screenshot(String name) throws Exception {
        java.nio.file.Path shot = java.nio.file.Path.of("target", "screenshots", name + ".png");
        java.nio.file.Files.createDirectories(shot.getParent());
        java.nio.file.Files.write(shot, ((org.openqa.selenium.TakesScreenshot) browser)
                .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    void intoFrame() {
        intoFrame("bewertung");
    }

    void intoFrame(String form) {
        browser.switchTo().defaultContent();
        browser.switchTo().frame(browser.findElement(By.cssSelector("iframe[data-formhaus='" + form + "']")));
    }

    static final String CLOSING = """
            { "key": "schluss", "kind": "contact", "language": "de", "title": "Ausschreibung",
              "fields": [{"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"}]
              %s }""";

    /**
     * {@code failed} from another origin: first the server sends the form back with an error (a browser that skipped
     * form.js's checks), then it refuses the submission outright (the form closed while the visitor filled it in).
     */
    @Test
    void theHostPageHearsFailedWhenTheServerSendsTheFormBackOrRefusesIt() throws Exception {
        formhaus.adminJson("PUT", "/admin/api/forms/schluss", CLOSING.formatted(""));
        String host = "http://127.0.0.1:" + ((ServerConnector) hostSite.getConnectors()[0]).getLocalPort();
        browser.get(host + "/ausschreibung?form=schluss");
        awaitEvent("loaded", 1);
        intoFrame("schluss");
        ((JavascriptExecutor) browser).executeScript("document.querySelector('form[data-fh-form]').submit()");
        browser.switchTo().defaultContent();
        JsonObject sentBack = awaitEvent("failed", 1).getAsJsonObject("detail");
        assertEquals("schluss", sentBack.get("form").getAsString());
        assertEquals(1, sentBack.get("errors").getAsInt(), "the empty e-mail field, marked by the server");

        awaitEvent("loaded", 2);
        intoFrame("schluss");
        browser.findElement(By.id("fh-email")).sendKeys("spaet@example.org");
        formhaus.adminJson("PUT", "/admin/api/forms/schluss", CLOSING.formatted(", \"protection\": {\"closesAt\":"
                + " \"2020-01-01T00:00:00Z\", \"closedMessage\": \"Die Ausschreibung ist beendet.\"}"));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        browser.switchTo().defaultContent();
        JsonObject refused = awaitEvent("failed", 2).getAsJsonObject("detail");
        assertEquals("Die Ausschreibung ist beendet.", refused.get("message").getAsString(), "the server's reason");
        assertEquals(0, refused.get("errors").getAsInt());
        screenshot("embed-failed-refused");
        assertEquals(0, formhaus.adminJson("GET", "/admin/api/submissions?form=schluss", null).getAsJsonArray()
                .size(), "nothing stored");
    }

    @Test
    void theHostPageHearsTheFormsEventsAndAReloadKeepsTheEntries() throws Exception {
        String host = "http://127.0.0.1:" + ((ServerConnector) hostSite.getConnectors()[0]).getLocalPort();
        browser.get(host + "/haus?utm_source=news");
        JsonObject loaded = awaitEvent("loaded", 1);
        assertEquals("bewertung", loaded.getAsJsonObject("detail").get("form").getAsString());
        assertEquals(2, loaded.getAsJsonObject("detail").get("steps").getAsInt());
        assertEquals("IFRAME", loaded.get("on").getAsString(), "dispatched on the form's iframe, bubbling up");

        intoFrame();
        browser.findElement(By.id("fh-art-1")).click(); // Wohnung
        browser.findElement(By.cssSelector("[data-fh-next]")).click();
        browser.findElement(By.id("fh-email")).sendKeys("reload@example.org");
        browser.switchTo().defaultContent();
        assertEquals(2, awaitEvent("step", 1).getAsJsonObject("detail").get("step").getAsInt());

        browser.navigate().refresh();
        awaitEvent("loaded", 1);
        intoFrame();
        Await.until("the kept step", Duration.ofSeconds(10),
                () -> browser.findElement(By.id("fh-email")).isDisplayed() ? true : null);
        assertEquals("reload@example.org", browser.findElement(By.id("fh-email")).getAttribute("value"));
        assertTrue(browser.findElement(By.id("fh-art-1")).isSelected(), "the choice of step 1 is kept too");
        screenshot("embed-reload-kept-entries");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        browser.switchTo().defaultContent();

        JsonObject submitted = awaitEvent("submitted", 1);
        String id = submitted.getAsJsonObject("detail").get("id").getAsString();
        JsonArray stored = formhaus.adminJson("GET", "/admin/api/submissions?form=bewertung", null).getAsJsonArray();
        assertEquals(1, stored.size());
        assertEquals(stored.get(0).getAsJsonObject().get("id").getAsString(), id);
        assertEquals("[\"" + id + "\"]", ((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(window.apiHeard)"), "Formhaus.on hears it too");
        JsonObject values = formhaus.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject()
                .getAsJsonObject("data");
        assertEquals("reload@example.org", values.getAsJsonObject("values").get("email").getAsString());
        assertEquals("news", values.getAsJsonObject("context").get("utm_source").getAsString());

        // after the thank-you page nothing is kept: a new visit starts empty
        browser.get(host + "/haus");
        awaitEvent("loaded", 1);
        intoFrame();
        assertEquals("", browser.findElement(By.id("fh-email")).getAttribute("value"));
        assertTrue(!browser.findElement(By.id("fh-art-1")).isSelected());
        browser.switchTo().defaultContent();
    }
}
