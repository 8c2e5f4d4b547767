package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.formhaus.forms.RulesTable;
import org.formhaus.http.Json;
import org.formhaus.testing.HeadlessChrome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared rules table through the browser's evaluator: form.js, as served, loaded into headless Chromium, given each
 * case's model exactly as the form page carries it ({@code FormLogic#toJson}); it must reach the state the server
 * reaches ({@code forms.RulesTableTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesTableInBrowserIT {

    private HeadlessChrome chrome;

    @BeforeAll
    void loadFormJs() throws Exception {
        chrome = HeadlessChrome.start("de-DE");
        chrome.driver().get("about:blank");
        String script;
        try (InputStream in = getClass().getResourceAsStream("/static/form.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        chrome.driver().executeScript(script);
        assertEquals(Boolean.TRUE, chrome.driver().executeScript("return typeof window.FormhausLogic === 'object'"));
    }

    @AfterAll
    void stop() throws Exception {
        chrome.close();
    }

    List<RulesTable.Case> cases() throws Exception {
        List<RulesTable.Case> cases = RulesTable.cases();
        assertTrue(cases.size() >= 30);
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theBrowserEvaluatesEachCaseAsTheTableSays(RulesTable.Case c) {
        String model = Json.GSON.toJson(c.definition().logic().toJson());
        Object result = chrome.driver().executeScript("return JSON.stringify(window.FormhausLogic.evaluate("
                + "JSON.parse(arguments[0]), JSON.parse(arguments[1]), arguments[2]))",
                model, Json.GSON.toJson(c.input()), c.language());
        JsonObject state = JsonParser.parseString((String) result).getAsJsonObject();
        assertEquals(c.expected(), RulesTable.canonical(state), c.name());
    }
}
