package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import org.formhaus.testing.HeadlessChrome;
import org.formhaus.testing.TeamMembers;
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
 * The builder's form-level editors (issue 10), through the UI only (no JSON typed): rules with AND/OR groups, several
 * operators and actions, a calculation whose mistake the server names with a caret at its position; the e-mails with
 * recipients as choices, a value inserted from the picker and the preview rendered by the server's sending code; a
 * further e-mail through the generic row editor; the title and the confirmation in English; the closed message per
 * language; the contrast warning; the embedding panel's snippets and allowed sites. The definition produced is
 * asserted, and no setting is left to raw JSON. Screenshots: target/screenshots/builder-form-*.png.
 */
class BuilderFormSettingsInBrowserIT {

    private static final String KEY = "b-settings";
    private static final String DRAFT = """
            {"key": "b-settings", "kind": "inquiry", "language": "de", "title": "Kaufanfrage", "fields": [
              {"name": "art", "type": "select", "label": "Art", "options": [{"value": "kauf", "label": "Kauf"},
                {"value": "miete", "label": "Miete"}]},
              {"name": "preis", "type": "number", "label": "Preis"},
              {"name": "rate", "type": "number", "label": "Provisionssatz"},
              {"name": "provision", "type": "number", "label": "Provision"},
              {"name": "extras", "type": "checkboxes", "label": "Extras", "options": ["Garten", "Balkon"]},
              {"name": "firma", "type": "text", "label": "Firma"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "objekt", "type": "hidden", "label": "Objekt", "maps": "estate.Id"}]}""";

    @Test
    void everyFormLevelSettingIsEditedWithoutJson() throws Exception {
        try (TestServer server = TestServer.onH2().start();
             HeadlessChrome chrome = HeadlessChrome.start("en-US")) {
            WebDriver browser = chrome.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            assertEquals(200, server.admin("PUT", "/admin/api/forms/" + KEY + "/draft?new=true", DRAFT).statusCode());
            PublishingInBrowserIT.signIn(browser, wait, server, "/admin/build/" + KEY);
            wait.until(d -> d.findElements(By.cssSelector("#field-list li")).size() == 8);

            rules(browser, wait, chrome);
            emails(browser, wait, chrome);
            texts(browser, wait, chrome);
            theme(browser, wait, chrome);
            embedding(browser, wait, chrome, server);
            rows(browser, wait, chrome);

            awaitSaved(browser, wait);
            wait.until(d -> d.findElement(By.id("problems-none")).isDisplayed());
            assertEquals(List.of(), noVisualEditor(browser), "settings still edited as raw JSON");
            assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.fhErrors || null"));
            assertDefinition(server.adminJson("GET", "/admin/api/forms/" + KEY + "/draft", null).getAsJsonObject()
                    .getAsJsonObject("definition"));
        }
    }

    /** The embedding panel edits the account's allowed sites for its owner only, as the settings API allows. */
    @Test
    void onlyTheOwnerGetsTheAllowedSitesToEdit() throws Exception {
        try (TestServer server = TestServer.onH2().start()) {
            assertEquals(200, server.admin("PUT", "/admin/api/forms/" + KEY + "/draft?new=true", DRAFT).statusCode());
            TeamMembers team = new TeamMembers(server);
            TeamMembers.Member owner = team.firstAdmin();
            TeamMembers.Member editor = team.member(TestServer.ADMIN_TOKEN, "editor", "editor@agentur.example");
            String ownersPage = owner.browser().get("/admin/build/" + KEY).body();
            String editorsPage = editor.browser().get("/admin/build/" + KEY).body();
            assertTrue(ownersPage.contains(" data-may-edit-origins"), "the owner's builder edits the allowed sites");
            assertTrue(editorsPage.contains("data-embed-base=\"http://") && !editorsPage.contains("data-may-edit-origins"),
                    "an editor gets the snippets, not the sites");
            assertEquals(403, editor.browser().api("PUT", "/admin/api/settings/embedding",
                    "{\"allowedOrigins\": []}").statusCode());
        }
    }

    private static void rules(WebDriver browser, WebDriverWait wait, HeadlessChrome chrome) throws Exception {
        open(browser, "rules");
        click(wait, "[data-setting='rules'] button.rule-add");
        // Rule 1: when Art is Kauf AND Preis > 500000 AND (Extras contains Garten OR Preis between 100..200).
        choose(wait, "r0.when.add", null);
        click(wait, "[data-focus-key='r0.when.add']");
        choose(wait, "r0.when.0.field", "Art (art)");
        choose(wait, "r0.when.0.value", "Kauf");
        click(wait, "[data-focus-key='r0.when.add']");
        choose(wait, "r0.when.1.field", "Preis (preis)");
        choose(wait, "r0.when.1.op", "is greater than");
        type(wait, "r0.when.1.value", "500000");
        click(wait, "[data-rule='0'] .rule-when > fieldset > p > button.rule-add-group");
        choose(wait, "r0.when.2.0.field", "Extras (extras)");
        choose(wait, "r0.when.2.0.op", "contains");
        choose(wait, "r0.when.2.0.value", "Garten");
        click(wait, "[data-rule='0'] .rule-when fieldset fieldset button.rule-add-test");
        choose(wait, "r0.when.2.1.field", "Preis (preis)");
        choose(wait, "r0.when.2.1.op", "is between");
        type(wait, "r0.when.2.1.low", "100");
        type(wait, "r0.when.2.1.high", "200");
        // Then: Firma required; Provision calculated (first with a mistake the server finds).
        choose(wait, "r0.a0.action", "make required");
        choose(wait, "r0.a0.field", "Firma (firma)");
        click(wait, "[data-focus-key='r0.addAction']");
        choose(wait, "r0.a1.action", "calculate value");
        choose(wait, "r0.a1.field", "Provision (provision)");
        type(wait, "r0.a1.expression", "preis * prise / 100");
        WebElement caret = wait.until(d -> {
            WebElement pre = d.findElement(By.cssSelector("pre.expression-caret"));
            return pre.isDisplayed() && pre.getText().contains("prise'") ? pre : null;
        });
        assertTrue(caret.getText().contains("        ^ at 9: no field named 'prise'"), caret.getText());
        PublishingInBrowserIT.shot(chrome, "builder-form-1-rule-expression-error");
        // The problem in the Checks list leads to the expression, opening the rules panel.
        browser.findElement(By.cssSelector("details[data-group='rules'] > summary")).click();
        browser.findElement(By.cssSelector("#problems-list a[data-place='rules[0].then[1].expression']")).click();
        wait.until(d -> "rules[0].then[1].expression".equals(d.switchTo().activeElement().getAttribute("data-place")));
        WebElement expression = wait.until(d -> d.findElement(By.cssSelector("[data-focus-key='r0.a1.expression']")));
        expression.clear();
        expression.sendKeys("preis * ");
        choose(wait, "r0.a1.insert", "Provisionssatz (rate)");
        expression = browser.findElement(By.cssSelector("[data-focus-key='r0.a1.expression']"));
        expression.sendKeys(Keys.END, " / 100", Keys.TAB);
        type(wait, "r0.a1.decimals", "2");
        wait.until(d -> !d.findElement(By.cssSelector("pre.expression-caret")).isDisplayed());

        // Rule 2: when Art is one of Miete → hide the option Garten, set Provision's label, set a value, lock.
        click(wait, "[data-setting='rules'] button.rule-add");
        click(wait, "[data-focus-key='r1.when.add']");
        choose(wait, "r1.when.0.field", "Art (art)");
        choose(wait, "r1.when.0.op", "is one of");
        wait.until(d -> d.findElement(By.cssSelector("[data-rule='1'] .rule-values input[value='kauf']"))).click();
        browser.findElement(By.cssSelector("[data-rule='1'] .rule-values input[value='miete']")).click();
        choose(wait, "r1.a0.action", "hide options");
        choose(wait, "r1.a0.field", "Extras (extras)");
        wait.until(d -> d.findElement(By.cssSelector("[data-rule='1'] .rule-action input[value='Garten']"))).click();
        click(wait, "[data-focus-key='r1.addAction']");
        choose(wait, "r1.a1.action", "change label");
        choose(wait, "r1.a1.field", "Preis (preis)");
        type(wait, "r1.a1.text", "Monatsmiete");
        click(wait, "[data-focus-key='r1.addAction']");
        choose(wait, "r1.a2.action", "set value");
        choose(wait, "r1.a2.field", "Provisionssatz (rate)");
        type(wait, "r1.a2.value", "0");
        click(wait, "[data-focus-key='r1.addAction']");
        choose(wait, "r1.a3.action", "lock (read-only)");
        choose(wait, "r1.a3.field", "Provisionssatz (rate)");
        // Rule 2 moves up, with the keyboard-reachable button.
        click(wait, "[data-focus-key='r1.up']");
        wait.until(d -> new Select(d.findElement(By.cssSelector("[data-focus-key='r0.a0.action']")))
                .getFirstSelectedOption().getText().equals("hide options"));
        awaitSaved(browser, wait);
        PublishingInBrowserIT.shot(chrome, "builder-form-2-rules");
    }

    private static void emails(WebDriver browser, WebDriverWait wait, HeadlessChrome chrome) throws Exception {
        open(browser, "emails");
        setting(browser, "emails.confirmation.enabled", "yes");
        WebElement subject = input(browser, "emails.confirmation.subject");
        subject.sendKeys("Ihre Anfrage: ");
        new Select(browser.findElement(By.id("mail-insert"))).selectByVisibleText("Field: Art");
        browser.findElement(By.id("mail-insert-button")).click();
        wait.until(d -> input(d, "emails.confirmation.subject").getAttribute("value")
                .equals("Ihre Anfrage: {{art}}"));
        setting(browser, "emails.notice.enabled", "yes");
        browser.findElement(By.cssSelector("[data-setting='emails.notice.to'] input[value='responsible']")).click();
        browser.findElement(By.cssSelector("[data-setting='emails.notice.to'] .add-address")).click();
        WebElement address = wait.until(d -> d.findElement(By.cssSelector(
                "[data-setting='emails.notice.to'] input[type=email]")));
        address.sendKeys("team@agentur.example", Keys.TAB);
        // A further e-mail through the generic row editor.
        browser.findElement(By.cssSelector("[data-setting='emails.more'] .row-add")).click();
        WebElement row = wait.until(d -> d.findElement(By.cssSelector("[data-setting='emails.more'] .row[data-row='0']")));
        row.findElement(By.cssSelector("[data-setting='emails.more[].to'] .add-address")).click();
        wait.until(d -> d.findElement(By.cssSelector("[data-setting='emails.more'] [data-setting='emails.more[].to'] "
                + "input[type=email]"))).sendKeys("chef@agentur.example", Keys.TAB);
        WebElement moreSubject = browser.findElement(By.cssSelector(
                "[data-setting='emails.more'] [data-setting='emails.more[].subject'] input"));
        moreSubject.sendKeys("Neue Anfrage (Kopie)", Keys.TAB);
        // The preview: the server rendered the confirmation with a sample value of the field inserted.
        // (each save's answer redraws the preview, so the texts are read inside the wait)
        wait.until(d -> d.findElements(By.cssSelector("#mail-preview article")).size() == 3
                && d.findElement(By.cssSelector("#mail-preview article[data-mail='confirmation']")).getText()
                .contains("Subject: Ihre Anfrage: kauf")
                && d.findElement(By.cssSelector("#mail-preview article[data-mail='notice']")).getText()
                .contains("The responsible agent, team@agentur.example"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('mail-preview').scrollIntoView()");
        PublishingInBrowserIT.shot(chrome, "builder-form-3-emails-preview");
    }

    private static void texts(WebDriver browser, WebDriverWait wait, HeadlessChrome chrome) throws Exception {
        open(browser, "form");
        browser.findElement(By.cssSelector("[data-place='translations.en.title']")).sendKeys("Purchase inquiry", Keys.TAB);
        awaitSaved(browser, wait);
        wait.until(d -> d.findElement(By.cssSelector("[data-place='translations.en.emails.confirmation.subject']")))
                .sendKeys("Your inquiry: ${values.art}", Keys.TAB);
        browser.findElement(By.cssSelector("[data-place='translations.en.thankYouMessage']"))
                .sendKeys("Thank you, we will call you.", Keys.TAB);
        // a rule's text (setLabel) is translated by its place
        browser.findElement(By.cssSelector("[data-place='translations.en.texts.rules[0].then[1].text']"))
                .sendKeys("Monthly rent", Keys.TAB);
        open(browser, "protection");
        browser.findElement(By.cssSelector("[data-place='protection.closedMessage.de']"))
                .sendKeys("Die Aktion ist beendet.", Keys.TAB);
        browser.findElement(By.cssSelector("[data-place='protection.closedMessage.en']"))
                .sendKeys("The offer has ended.", Keys.TAB);
        awaitSaved(browser, wait);
        wait.until(d -> d.findElements(By.cssSelector("#mail-preview article[data-mail='confirmation']")).size() == 2
                && d.findElement(By.cssSelector("#mail-preview article[data-mail='confirmation'][data-language='en']"))
                .getText().contains("Subject: Your inquiry: kauf"));
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector(\"[data-setting='translations']\").scrollIntoView()");
        PublishingInBrowserIT.shot(chrome, "builder-form-4-translations");
    }

    private static void theme(WebDriver browser, WebDriverWait wait, HeadlessChrome chrome) throws Exception {
        open(browser, "theme");
        WebElement text = input(browser, "theme.text");
        text.sendKeys("#999999", Keys.TAB);
        WebElement warning = wait.until(d -> {
            WebElement w = d.findElement(By.id("contrast"));
            return w.getText().contains("Text on background") ? w : null;
        });
        assertTrue(warning.getText().contains("2.84:1 (#999999 on #ffffff) is below WCAG AA"), warning.getText());
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", warning);
        PublishingInBrowserIT.shot(chrome, "builder-form-5-contrast");
        text = input(browser, "theme.text");
        text.clear();
        text.sendKeys("#333333", Keys.TAB);
        wait.until(d -> d.findElement(By.id("contrast")).getText().isEmpty());
    }

    private static void embedding(WebDriver browser, WebDriverWait wait, HeadlessChrome chrome, TestServer server)
            throws Exception {
        open(browser, "embed");
        String script = browser.findElement(By.id("embed-script")).getAttribute("value");
        assertTrue(script.matches("<script src=\"http://[^\"]+/embed.js\" data-form=\"" + KEY + "\" async></script>"),
                script);
        assertTrue(browser.findElement(By.id("embed-iframe")).getAttribute("value").contains("/f/" + KEY + "\""));
        wait.until(d -> d.findElement(By.cssSelector(".embed-sites .add-site"))).click();
        wait.until(d -> d.findElement(By.cssSelector("#embed-sites input")))
                .sendKeys("https://www.agentur.example", Keys.TAB);
        wait.until(d -> d.findElement(By.id("embed-sites-state")).getText().equals("Allowed sites saved."));
        PublishingInBrowserIT.shot(chrome, "builder-form-6-embedding");
        JsonObject settings = server.adminJson("GET", "/admin/api/settings/embedding", null).getAsJsonObject();
        assertEquals("[\"https://www.agentur.example\"]", settings.get("allowedOrigins").toString());
    }

    /** A table another issue added (onoffice.liveRules: `path` + `path[].key`), drawn by the generic row editor. */
    private static void rows(WebDriver browser, WebDriverWait wait, HeadlessChrome chrome) throws Exception {
        open(browser, "onoffice");
        String table = "[data-setting='onoffice.liveRules']";
        browser.findElement(By.cssSelector(table + " .row-add")).click();
        browser.findElement(By.cssSelector(table + " .row-add")).click();
        wait.until(d -> d.findElements(By.cssSelector(table + " .row")).size() == 2);
        for (int i = 0; i < 2; i++) {
            String row = table + " .row[data-row='" + i + "'] ";
            // the form field is picked from the draft's fields (Kind.FIELD_REF), by label
            new Select(browser.findElement(By.cssSelector(row + "[data-setting='onoffice.liveRules[].field'] select")))
                    .selectByVisibleText(i == 0 ? "Preis (preis)" : "Provisionssatz (rate)");
            new Select(browser.findElement(By.cssSelector(row + "[data-setting='onoffice.liveRules[].compare'] select")))
                    .selectByValue(i == 0 ? "greaterOrEqual" : "less");
            browser.findElement(By.cssSelector(row + "[data-setting='onoffice.liveRules[].record'] input"))
                    .sendKeys("estate.kaufpreis", Keys.TAB);
            browser.findElement(By.cssSelector(row + "[data-setting='onoffice.liveRules[].message'] input"))
                    .sendKeys("Regel " + (i + 1), Keys.TAB);
        }
        // the second row moves up with its button; focus stays on a control of the moved row
        browser.findElement(By.cssSelector(table + " .row[data-row='1'] .row-up")).click();
        wait.until(d -> d.findElement(By.cssSelector(table + " .row[data-row='0'] legend")).getText()
                .equals("Row 1: rate"));
        assertTrue(browser.switchTo().activeElement().getAttribute("class").contains("row-remove"),
                "focus on the moved row");
        browser.findElement(By.cssSelector(table + " .row[data-row='1'] .row-remove")).click();
        wait.until(d -> d.findElements(By.cssSelector(table + " .row")).size() == 1);
        awaitSaved(browser, wait);
        ((JavascriptExecutor) browser).executeScript("document.querySelector(arguments[0]).scrollIntoView()", table);
        PublishingInBrowserIT.shot(chrome, "builder-form-7-row-editor");
        // a table inside a row (contextMaps[].values) is that row's own row editor, not loose inputs beside it
        open(browser, "form");
        String maps = "[data-setting='contextMaps']";
        browser.findElement(By.cssSelector(maps + " .row-add")).click();
        String row = maps + " .row[data-row='0']";
        wait.until(d -> d.findElements(By.cssSelector(row + " [data-setting='contextMaps[].values'] .row-add")).size() == 1);
        assertEquals(0L, ((JavascriptExecutor) browser).executeScript("""
                return Array.prototype.filter.call(document.querySelectorAll(arguments[0]), function (e) {
                    return !e.parentElement.closest("[data-setting='contextMaps[].values']"); }).length;""",
                row + " [data-setting='contextMaps[].values[].when']"), "values[].when outside its table");
        browser.findElement(By.cssSelector(row + " .row-remove")).click();
        wait.until(d -> d.findElements(By.cssSelector(maps + " .row")).isEmpty());
    }

    private static void assertDefinition(JsonObject d) {
        assertEquals(JsonParser.parseString("""
                [{"when": {"field": "art", "oneOf": ["miete"]},
                  "then": [{"action": "hideOptions", "field": "extras", "options": ["Garten"]},
                           {"action": "setLabel", "field": "preis", "text": "Monatsmiete"},
                           {"action": "setValue", "field": "rate", "value": "0"},
                           {"action": "lock", "field": "rate"}]},
                 {"when": {"all": [{"field": "art", "equals": "kauf"}, {"field": "preis", "greater": 500000},
                                   {"any": [{"field": "extras", "contains": "Garten"},
                                            {"field": "preis", "between": [100, 200]}]}]},
                  "then": [{"action": "require", "field": "firma"},
                           {"action": "calculate", "field": "provision", "expression": "preis * rate / 100",
                            "decimals": 2}]}]"""), d.get("rules"));
        assertEquals(JsonParser.parseString("""
                {"confirmation": {"enabled": true, "subject": "Ihre Anfrage: {{art}}"},
                 "notice": {"enabled": true, "to": ["responsible", "team@agentur.example"]},
                 "more": [{"to": ["chef@agentur.example"], "subject": "Neue Anfrage (Kopie)"}]}"""), d.get("emails"));
        assertEquals(JsonParser.parseString("""
                {"en": {"title": "Purchase inquiry", "emails": {"confirmation": {"subject": "Your inquiry: ${values.art}"}},
                        "thankYouMessage": "Thank you, we will call you.",
                        "texts": {"rules[0].then[1].text": "Monthly rent"}}}"""),
                d.get("translations"));
        assertEquals(JsonParser.parseString("""
                {"closedMessage": {"de": "Die Aktion ist beendet.", "en": "The offer has ended."}}"""),
                d.get("protection"));
        assertEquals(JsonParser.parseString("{\"text\": \"#333333\"}"), d.get("theme"));
        assertEquals(JsonParser.parseString("{\"liveRules\": [{\"field\": \"rate\", \"compare\": \"less\", "
                + "\"record\": \"estate.kaufpreis\", \"message\": \"Regel 2\"}]}"), d.get("onoffice"));
    }

    /** The schema paths whose setting the builder still draws as a JSON text box (every group opened). */
    @SuppressWarnings("unchecked")
    static List<String> noVisualEditor(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                document.querySelectorAll('#panel-build details').forEach(function (d) { d.open = true; });
                return Array.prototype.map.call(document.querySelectorAll('#panel-build textarea.json-raw'),
                    function (t) { return t.closest('[data-setting]').dataset.setting; });""");
    }

    static void open(WebDriver browser, String group) {
        WebElement details = browser.findElement(By.cssSelector("details[data-group='" + group + "']"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    private static void click(WebDriverWait wait, String css) {
        wait.until(d -> d.findElement(By.cssSelector(css))).click();
    }

    /** Picks the visible text in the rules editor's control {@code key} (null: only waits for it). */
    private static void choose(WebDriverWait wait, String key, String text) {
        WebElement select = wait.until(d -> d.findElement(By.cssSelector("[data-focus-key='" + key + "']")));
        if (text != null) {
            new Select(select).selectByVisibleText(text);
        }
    }

    private static void type(WebDriverWait wait, String key, String text) {
        WebElement input = wait.until(d -> d.findElement(By.cssSelector("[data-focus-key='" + key + "']")));
        input.clear();
        input.sendKeys(text, Keys.TAB);
    }

    private static WebElement input(WebDriver browser, String path) {
        return browser.findElement(By.cssSelector("[data-setting='" + path + "'] input, [data-setting='" + path
                + "'] textarea"));
    }

    private static void setting(WebDriver browser, String path, String visibleText) {
        new Select(browser.findElement(By.cssSelector("[data-setting='" + path + "'] select")))
                .selectByVisibleText(visibleText);
    }

    static void awaitSaved(WebDriver browser, WebDriverWait wait) {
        wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Draft saved."));
    }
}
