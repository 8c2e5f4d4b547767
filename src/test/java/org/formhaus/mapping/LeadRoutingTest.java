package org.formhaus.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.junit.jupiter.api.Test;

/** Lead routing's rules and duplicate rules as read from a definition (issue #12). */
class LeadRoutingTest {

    static FormDefinition form(String onoffice) throws Exception {
        JsonObject json = JsonParser.parseString("""
                { "key": "k", "kind": "contact", "title": "T", "onoffice": %s, "fields": [
                  {"name": "vorname", "type": "text", "label": "Vorname", "maps": "address.Vorname"},
                  {"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"},
                  {"name": "plz", "type": "text", "label": "PLZ", "maps": "address.Plz"} ] }""".formatted(onoffice))
                .getAsJsonObject();
        return new DefinitionParser().parse(json);
    }

    static String routed(String onoffice, String plz, long turn) throws Exception {
        FormDefinition form = form(onoffice);
        MappedValues mapped = new MappedValues(form, Map.of("email", "a@example.org", "plz", plz), 1, new KnownFields());
        return LeadRouting.of(form).chosen(mapped, () -> turn);
    }

    @Test
    void thePostcodeTableTakesTheFirstRowThatHoldsThePostcodeElseTheFallback() throws Exception {
        String table = """
                {"routing": {"rule": "postcode", "user": "mmakler", "postcodes": [
                  {"from": "01000", "to": "09999", "user": "ost"}, {"prefix": "52", "user": "aachen"},
                  {"from": "50000", "to": "59999", "user": "west"}]}}""";
        assertEquals("ost", routed(table, "01067", 1), "leading zeros compare as numbers");
        assertEquals("aachen", routed(table, "52062", 1), "the first row that fits");
        assertEquals("west", routed(table, "50667", 1));
        assertEquals("mmakler", routed(table, "80331", 1), "no row: the fallback");
        assertEquals("mmakler", routed(table, "", 1), "no postcode: the fallback");
    }

    @Test
    void roundRobinGoesThroughTheUsersByTurnAndFixedAlwaysNamesItsUser() throws Exception {
        String rr = "{\"routing\": {\"rule\": \"roundrobin\", \"users\": [\"a\", \"b\", \"c\"]}}";
        assertEquals(List.of("a", "b", "c", "a"), List.of(routed(rr, "", 1), routed(rr, "", 2), routed(rr, "", 3),
                routed(rr, "", 4)));
        assertEquals("tteam", routed("{\"routing\": {\"rule\": \"fixed\", \"user\": \"tteam\"}}", "", 7));
    }

    @Test
    void withoutRoutingTheTaskUserIsTheResponsibleAgentAsBefore() throws Exception {
        LeadRouting implied = LeadRouting.of(form("{\"task\": {\"user\": \"mmakler\"}}"));
        assertFalse(implied.configured());
        assertEquals("mmakler", implied.user());
        assertEquals(LeadRouting.Rule.ESTATE, LeadRouting.of(form("{\"task\": {\"user\": \"estate\"}}")).rule());
    }

    @Test
    void badRoutingIsReportedByPlace() throws Exception {
        List<Problem> problems = new ArrayList<>();
        LeadRouting.parse(form("""
                {"task": {"user": "x"}, "routing": {"rule": "postcode", "postcodes": [
                  {"from": "5", "user": "a"}, {"prefix": "5", "from": "1", "to": "2", "user": "b"}, {"from": "9", "to": "1",
                  "user": "c"}]}}"""), problems);
        List<String> places = problems.stream().map(Problem::place).toList();
        assertTrue(places.contains("onoffice.routing.postcodes[0]"), places.toString());
        assertTrue(places.contains("onoffice.routing.postcodes[1].prefix"), places.toString());
        assertTrue(places.contains("onoffice.routing.postcodes[2].to"), places.toString());
        assertTrue(places.contains("onoffice.task.user"), places.toString());
        problems.clear();
        LeadRouting.parse(form("{\"routing\": {\"rule\": \"roundrobin\"}}"), problems);
        assertEquals("onoffice.routing.users", problems.get(0).place());
    }

    @Test
    void theResponsibleAgentIsReadFromTheRecords() throws Exception {
        JsonObject records = new JsonObject();
        assertTrue(LeadRouting.responsible(records).isEmpty());
        records.addProperty(LeadRouting.USER, "tteam");
        records.addProperty(LeadRouting.USER_ID, "18");
        assertEquals(new LeadRouting.Agent("tteam", 18L), LeadRouting.responsible(records).orElseThrow());
    }

    @Test
    void theDuplicateRuleReadsEarlierStringsAndTheObject() throws Exception {
        List<Problem> problems = new ArrayList<>();
        FormDefinition form = form("{}");
        assertEquals(DuplicateRule.DEFAULT, DuplicateRule.parse(JsonParser.parseString("\"keep\""), form, problems));
        assertEquals(DuplicateRule.Match.NONE, DuplicateRule.parse(JsonParser.parseString("\"create\""), form,
                problems).match());
        assertTrue(DuplicateRule.parse(JsonParser.parseString("\"update\""), form, problems).updates("Vorname"));
        DuplicateRule rule = DuplicateRule.parse(JsonParser.parseString(
                "{\"match\": \"email-name\", \"update\": [\"Plz\"]}"), form, problems);
        assertEquals(List.of(), problems);
        assertTrue(rule.updates("Plz"));
        assertFalse(rule.updates("Vorname"));
        DuplicateRule.parse(JsonParser.parseString("{\"match\": \"phone\"}"), form, problems);
        assertEquals("onoffice.duplicates.match", problems.get(0).place(), "phone matching needs a phone field");
    }

    @Test
    void valuesCompareWithoutCaseSpaceNumberFormatOrListOrder() throws Exception {
        assertTrue(ContactMatch.same(" Erika ", "erika"));
        assertTrue(ContactMatch.same("120.50", "120.5"));
        assertTrue(ContactMatch.same("a, b", "B,a"));
        assertFalse(ContactMatch.same("Erica", "Erika"));
    }
}
