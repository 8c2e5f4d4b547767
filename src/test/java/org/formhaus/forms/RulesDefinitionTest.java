package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules and calculations when a definition is saved (every mistake named by place) and when it is validated. */
class RulesDefinitionTest {

    private static final String FIELDS = """
            {"key": "k", "kind": "custom", "language": "de", "fields": [
              {"name": "art", "type": "select", "label": "Art", "options": ["kauf", "miete"]},
              {"name": "preis", "type": "currency", "label": "Preis", "required": true},
              {"name": "rate", "type": "number", "label": "Satz"},
              {"name": "provision", "type": "currency", "label": "Provision"},
              {"name": "quelle", "type": "text", "label": "Quelle", "default": "web"},
              {"name": "extras", "type": "checkboxes", "label": "Extras", "options": ["Balkon", "Garten"]},
              {"name": "datei", "type": "file", "label": "Datei"}
            ], "rules": RULES}""";

    private static FormDefinition parse(String rules) throws DefinitionException {
        return new DefinitionParser().parse(JsonParser.parseString(FIELDS.replace("RULES", rules)).getAsJsonObject());
    }

    private static List<String> problems(String rules) {
        DefinitionException e = assertThrows(DefinitionException.class, () -> parse(rules));
        return e.problems().stream().map(Object::toString).toList();
    }

    @Test
    void aCalculationMistakeIsReportedWithItsPosition() {
        assertEquals(List.of("rules[0].then[0].expression: at 20: expected ')'"),
                problems("[{\"then\": [{\"action\": \"calculate\", \"field\": \"provision\", \"expression\": \"(preis * rate / 100\"}]}]"));
        assertEquals(List.of("rules[0].then[0].expression: at 9: no field named 'prise'"),
                problems("[{\"then\": [{\"action\": \"calculate\", \"field\": \"provision\", \"expression\": \"rate *  prise\"}]}]"));
        assertEquals(List.of("rules[0].then[0].expression: at 7: unexpected character ';'"),
                problems("[{\"then\": [{\"action\": \"calculate\", \"field\": \"provision\", \"expression\": \"preis ; exit()\"}]}]"));
        assertTrue(problems("[{\"then\": [{\"action\": \"calculate\", \"field\": \"provision\", \"expression\": \"provision + 1\"}]}]")
                .get(0).contains("cannot read its own field"));
        assertTrue(problems("[{\"then\": [{\"action\": \"calculate\", \"field\": \"provision\", \"expression\": \"round(preis, rate)\"}]}]")
                .get(0).startsWith("rules[0].then[0].expression: at 1: round takes"));
        assertTrue(problems("[{\"then\": [{\"action\": \"calculate\", \"field\": \"provision\", \"expression\": \"datei + 1\"}]}]")
                .get(0).contains("'datei' is a file"));
    }

    @Test
    void everyRuleMistakeIsNamedByItsPlace() {
        List<String> p = problems("""
                [{"when": {"all": [{"field": "art", "equals": "haus"}, {"field": "nix", "filled": true},
                                    {"field": "preis", "greater": "viel"}, {"field": "rate", "between": [5, 1]},
                                    {"field": "preis", "less": 1, "greater": 2}, {"field": "art", "like": "k"}]},
                  "then": [{"action": "explode", "field": "art"}, {"action": "show", "field": "nix"},
                           {"action": "hideOptions", "field": "extras", "options": ["Keller"]},
                           {"action": "setValue", "field": "art", "value": "haus"},
                           {"action": "calculate", "field": "extras", "expression": "1"},
                           {"action": "setLabel", "field": "art"},
                           {"action": "show", "field": "art", "value": "x"}],
                  "else": []}]""");
        for (String expected : List.of(
                "rules[0].when.all[0].equals: 'art' can never be 'haus' (not one of its options)",
                "rules[0].when.all[1].field: no field named 'nix'",
                "rules[0].when.all[2].greater: must be a number",
                "rules[0].when.all[3].between: must be [low, high], two numbers, low not above high",
                "rules[0].when.all[4].less: give exactly one of equals, notEquals, empty, filled, contains, greater, less, between, oneOf",
                "rules[0].when.all[5].like: unknown key 'like'",
                "rules[0].then[0].action: unknown action 'explode'; one of show, hide, require, lock, hideOptions, setValue, calculate, setLabel, setHelp",
                "rules[0].then[1].field: no field named 'nix'",
                "rules[0].then[2].options: 'Keller' is not an option of 'extras'",
                "rules[0].then[3].value: 'haus' is not an option of 'art'",
                "rules[0].then[4].field: a calculation's result is a number; calculate into a number, currency, area, text or hidden field",
                "rules[0].then[5].text: must be a non-empty text",
                "rules[0].then[6].value: unknown key 'value'",
                "rules[0].else: unknown key 'else'")) {
            assertTrue(p.contains(expected), expected + " in " + p);
        }
    }

    @Test
    void theServerDecidesHiddenRequiredLockedAndCalculatedValues() throws Exception {
        FormDefinition form = parse("""
                [{"when": {"field": "art", "equals": "miete"}, "then": [{"action": "hide", "field": "preis"},
                                                                        {"action": "hideOptions", "field": "extras", "options": ["Garten"]}]},
                 {"when": {"field": "art", "equals": "kauf"}, "then": [{"action": "require", "field": "rate"}]},
                 {"then": [{"action": "lock", "field": "quelle"},
                           {"action": "calculate", "field": "provision", "expression": "preis × rate ÷ 100"}]}]""");
        FormValidator validator = new FormValidator();
        ValidationResult rent = validator.validate(form, Map.of("art", List.of("miete"), "preis", List.of("999"),
                "quelle", List.of("forged"), "provision", List.of("1")));
        assertTrue(rent.valid(), rent.errors().toString());
        assertEquals("", rent.values().get("preis"), "hidden: neither validated nor stored");
        assertEquals("web", rent.values().get("quelle"), "locked: the default, not what was sent");
        assertEquals("", rent.values().get("provision"), "calculated: no price, no commission; never the client's");

        ValidationResult buy = validator.validate(form, Map.of("art", List.of("kauf"), "preis", List.of("250.000"),
                "provision", List.of("1")));
        assertEquals("Bitte füllen Sie dieses Feld aus.", buy.errors().asMap().get("rate"), "required by the rule");
        ValidationResult priced = validator.validate(form, Map.of("art", List.of("kauf"), "preis", List.of("250.000"),
                "rate", List.of("3,57"), "provision", List.of("1")));
        assertTrue(priced.valid(), priced.errors().toString());
        assertEquals("8925", priced.values().get("provision"));

        ValidationResult garden = validator.validate(form, Map.of("art", List.of("miete"), "extras", List.of("Garten")));
        assertEquals("Bitte wählen Sie eine der Optionen.", garden.errors().asMap().get("extras"), "a hidden option");
    }

    @Test
    void expressionsEvaluateWithDecimalsAndNoValueForDivisionByZero() throws Exception {
        Expression e = ExpressionParser.parse("if a > 0 then round(b / a, 2) else max(a, b, 7)");
        assertEquals(new BigDecimal("0.33"), e.evaluate(n -> n.equals("a") ? new BigDecimal("3") : BigDecimal.ONE));
        assertEquals(new BigDecimal("7"), e.evaluate(n -> n.equals("a") ? BigDecimal.ZERO : BigDecimal.ONE));
        assertNull(ExpressionParser.parse("1 / (a - a)").evaluate(n -> BigDecimal.TEN));
        assertEquals(List.of("a", "b"), List.copyOf(e.references()));
        assertFalse(ExpressionParser.parse("0.1 + 0.2 = 0.3").evaluate(n -> null).signum() == 0, "decimal, not binary");
    }

    @Test
    void showIfAndRulesMakeOneModelTheBrowserGetsAsJson() throws Exception {
        FormDefinition form = new DefinitionParser().parse(JsonParser.parseString("""
                {"key": "k", "kind": "custom", "fields": [
                  {"name": "a", "type": "text", "label": "A"},
                  {"name": "b", "type": "text", "label": "B", "showIf": {"field": "a", "equals": "x"}}],
                 "rules": [{"then": [{"action": "calculate", "field": "a", "expression": "1 + 2", "decimals": 0}]}]}""")
                .getAsJsonObject());
        assertEquals("""
                {"fields":{"a":{"type":"text","defaults":[]},"b":{"type":"text","defaults":[]}},\
                "rules":[{"when":{"field":"a","op":"oneOf","values":["x"]},"then":[{"action":"show","field":"b"}]},\
                {"then":[{"action":"calculate","field":"a","expression":["+",["num","1"],["num","2"]],"decimals":0}]}]}""",
                sorted(form.logic().toJson().toString()));
    }

    /** The README's rules example parses with the fields it names. */
    @Test
    void theReadmesRulesExampleIsAccepted() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```json\\n(\"rules\": \\[.*?)\\n```",
                java.util.regex.Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "the README shows rules");
        FormDefinition form = new DefinitionParser().parse(JsonParser.parseString("""
                {"key": "k", "kind": "custom", "fields": [
                  {"name": "art", "type": "radio", "label": "Art", "options": ["kauf", "miete"]},
                  {"name": "preis", "type": "currency"}, {"name": "rate", "type": "number"},
                  {"name": "provision", "type": "currency"},
                  {"name": "extras", "type": "checkboxes", "options": ["Balkon", "Garten"]},
                  {"name": "finanzierung", "type": "text"}], RULES}""".replace("RULES", block.group(1)))
                .getAsJsonObject());
        assertEquals(2, form.logic().rules().size());
    }

    /** The fields object's order is not the point; sort its two entries. */
    private static String sorted(String json) {
        return json.replace("{\"b\":{\"type\":\"text\",\"defaults\":[]},\"a\":{\"type\":\"text\",\"defaults\":[]}}",
                "{\"a\":{\"type\":\"text\",\"defaults\":[]},\"b\":{\"type\":\"text\",\"defaults\":[]}}");
    }
}
