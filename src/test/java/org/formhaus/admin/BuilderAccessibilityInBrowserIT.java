package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * WCAG 2.2 AA of the builder's pages (issue 10: "the builder is a work tool used all day"), in English and German:
 * the builder with every panel open and a field selected (rules, rows, texts per language, e-mails with their
 * preview, theme, embedding), the new-form page, the versions page and the form list. {@code a11y/audit.js} checks
 * names of controls, ids and ARIA references, text contrast, visible focus on every focusable element, target size,
 * frame titles, page language, h1 and main; the test fails on any violation.
 */
class BuilderAccessibilityInBrowserIT {

    private static final String KEY = "b-a11y";
    private static final String DRAFT = """
            {"key": "b-a11y", "kind": "inquiry", "language": "de", "title": "Kaufanfrage", "fields": [
              {"name": "art", "type": "select", "label": "Art", "options": [{"value": "kauf", "label": "Kauf"},
                {"value": "miete", "label": "Miete"}]},
              {"name": "preis", "type": "number", "label": "Preis"},
              {"name": "provision", "type": "number", "label": "Provision"},
              {"name": "extras", "type": "checkboxes", "label": "Extras", "options": ["Garten", "Balkon"]},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"}],
             "rules": [{"when": {"any": [{"field": "art", "oneOf": ["kauf"]}, {"field": "preis", "between": [1, 9]}]},
                        "then": [{"action": "calculate", "field": "provision", "expression": "preis * 3 / 100"},
                                 {"action": "hideOptions", "field": "extras", "options": ["Garten"]}]}],
             "emails": {"confirmation": {"subject": "Danke ${values.art}"},
                        "notice": {"to": ["responsible", "team@agentur.example"]},
                        "more": [{"to": ["chef@agentur.example"], "subject": "Kopie"}]},
             "translations": {"en": {"title": "Purchase", "fields": {"art": {"label": "Kind"}}}},
             "protection": {"closedMessage": {"de": "Geschlossen."}},
             "theme": {"accent": "#7fb3ff"}}""";

    @Test
    void theBuilderPagesHaveNoWcagViolations() throws Exception {
        try (TestServer server = TestServer.onH2().start();
             HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            server.admin("PUT", "/admin/api/forms/" + KEY + "/draft?new=true", DRAFT);
            server.admin("POST", "/admin/api/forms/" + KEY + "/publish", null);
            server.admin("PUT", "/admin/api/forms/" + KEY + "/draft", DRAFT.replace("Kaufanfrage", "Kaufanfrage 2"));
            PublishingInBrowserIT.signIn(browser, wait, server, "/admin/build/" + KEY);
            List<String> violations = new ArrayList<>();
            for (String lang : List.of("en", "de")) {
                browser.get(server.uri("/admin/build/" + KEY + "?lang=" + lang).toString());
                wait.until(d -> d.findElements(By.cssSelector("#field-list li")).size() == 5);
                browser.findElement(By.cssSelector("#field-list li[data-index='0'] .label-button")).click();
                try {
                    wait.until(d -> d.findElements(By.cssSelector("#mail-preview article")).size() >= 3
                            && !d.findElement(By.id("contrast")).getAttribute("textContent").isEmpty());
                } catch (RuntimeException e) {
                    throw new AssertionError(server.adminJson("GET", "/admin/api/forms/" + KEY + "/draft", null)
                            + " " + ((JavascriptExecutor) browser).executeScript(
                            "return document.getElementById('mail-preview').outerHTML + window.fhErrors"), e);
                }
                BuilderFormSettingsInBrowserIT.noVisualEditor(browser); // opens every panel
                PublishingInBrowserIT.shot(chrome, "builder-a11y-" + lang);
                violations.addAll(audit(browser, "builder (" + lang + ")"));
                for (String page : List.of("/admin/build/new", "/admin/build/" + KEY + "/versions", "/admin")) {
                    browser.get(server.uri(page + "?lang=" + lang).toString());
                    wait.until(d -> d.findElement(By.tagName("h1")));
                    violations.addAll(audit(browser, page + " (" + lang + ")"));
                }
            }
            assertEquals(List.of(), violations, "WCAG 2.2 AA violations:\n" + String.join("\n", violations));
        }
    }

    /** The audit itself is real: each kind of violation planted into a builder page is reported. */
    @Test
    void theAuditFindsPlantedViolations() throws Exception {
        try (TestServer server = TestServer.onH2().start();
             HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            PublishingInBrowserIT.signIn(browser, wait, server, "/admin/build/new");
            ((JavascriptExecutor) browser).executeScript("""
                    var box = document.createElement('div');
                    box.innerHTML = '<input type="text" id="planted-1"><button type="button" id="p-focus">y</button>'
                        + '<p id="p-pale">pale text</p><span id="planted-1"></span>'
                        + '<input type="text" aria-describedby="nowhere" aria-label="x">'
                        + '<iframe></iframe><button type="button" id="p-small">x</button>';
                    // styles through the CSSOM: the admin pages' CSP ignores style attributes
                    box.querySelector('#p-focus').style.setProperty('outline', 'none', 'important');
                    box.querySelector('#p-pale').style.color = '#aaa';
                    var small = box.querySelector('#p-small').style;
                    small.width = '10px'; small.height = '10px'; small.padding = '0'; small.minHeight = '0';
                    document.querySelector('main').appendChild(box);""");
            String found = String.join("\n", audit(browser, "planted"));
            for (String rule : List.of("control-name: no accessible name (input#planted-1)", "duplicate-id: planted-1",
                    "aria-reference: aria-describedby names missing #nowhere", "color-contrast: 2.18:1 (p#p-pale)",
                    "frame-title", "focus-visible: no visible focus (button#p-focus)", "target-size: 10×10 px (button#p-small)")) {
                assertTrue(found.contains(rule), rule + " not in:\n" + found);
            }
        }
    }

    /** The page's violations, each prefixed with the page; keyboard use first, so focus styles show as they would. */
    @SuppressWarnings("unchecked")
    static List<String> audit(WebDriver browser, String page) throws Exception {
        new Actions(browser).sendKeys(Keys.TAB).perform();
        String script;
        try (InputStream in = BuilderAccessibilityInBrowserIT.class.getResourceAsStream("/a11y/audit.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> found = (List<String>) ((JavascriptExecutor) browser).executeScript(script, List.of());
        return found.stream().map(v -> page + ": " + v).toList();
    }
}
