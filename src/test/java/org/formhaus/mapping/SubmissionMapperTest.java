package org.formhaus.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.junit.jupiter.api.Test;

class SubmissionMapperTest {

    static final String ID = "3f2a9c1e-0000-4000-8000-000000000001";

    static FormDefinition form(String kind, String options) throws Exception {
        JsonObject json = JsonParser.parseString("""
                { "key": "k", "kind": "%s", "title": "T", %s "fields": [
                  {"name": "email", "type": "email", "label": "E-Mail", "maps": "address.Email"},
                  {"name": "objekt", "type": "hidden", "label": "Objekt", "maps": "estate.Id"},
                  {"name": "von", "type": "currency", "label": "Preis ab", "maps": "searchcriteria.kaufpreis__von"},
                  {"name": "slot", "type": "text", "label": "Termin", "maps": "calendar.start_dt"} ] }"""
                .formatted(kind, options)).getAsJsonObject();
        return new DefinitionParser().parse(json);
    }

    static List<List<String>> keys(MappingPlan plan) {
        return plan.stages().stream().map(s -> s.stream().map(PlannedStep::key).toList()).toList();
    }

    static MappingPlan plan(String kind, String options, Map<String, Object> values) throws Exception {
        return new SubmissionMapper().plan(form(kind, options), 1, ID, values, List.of("info@agentur.example"));
    }

    @Test
    void eachKindPlansAtMostTwoStages() throws Exception {
        Map<String, Object> v = Map.of("email", "a@example.org", "slot", "2026-06-01T10:00");
        assertEquals(List.of(List.of("address"), List.of("agentslog")), keys(plan("contact", "", v)));
        assertEquals(List.of(List.of("address", "estate"), List.of("relation.owner", "agentslog", "task")),
                keys(plan("owner", "", v)));
        assertEquals(List.of(List.of("address"), List.of("agentslog", "searchcriteria")),
                keys(plan("searchprofile", "", v)));
        assertEquals(List.of(List.of("address"), List.of("agentslog", "calendar")), keys(plan("appointment", "", v)));
        assertEquals(List.of(List.of("address"), List.of("task")),
                keys(plan("appointment", "\"onoffice\": {\"activity\": false, \"appointment\": {\"as\": \"task\"}},", v)));
    }

    @Test
    void anInquiryWhoseTaskGoesToTheEstatesAgentLooksTheAgentUpInTheFirstRequest() throws Exception {
        MappingPlan plan = plan("inquiry", "\"onoffice\": {\"task\": {\"user\": \"estate\"}},",
                Map.of("email", "a@example.org", "objekt", "10"));
        assertEquals(List.of(List.of("address", "agent.id", "agent.user"), List.of("agentslog", "task")), keys(plan));
    }

    @Test
    void theEstateIsTaggedWithAnExternalNumberDerivedFromTheSubmission() throws Exception {
        assertEquals("FH-3f2a9c1e0000", SubmissionMapper.externalNumber(ID));
        MappingPlan plan = plan("owner", "", Map.of("email", "a@example.org"));
        PlannedStep estate = plan.stages().get(0).get(1);
        assertEquals("FH-3f2a9c1e0000", estate.action().build(new JsonObject()).parameters()
                .getAsJsonObject("data").get("objektnr_extern").getAsString());
        assertEquals("read", estate.probe().action().build(new JsonObject()).kind().name().toLowerCase());
    }

    @Test
    void anInquiredEstateThatIsNotARecordNumberIsRefused() {
        MappingException e = assertThrows(MappingException.class,
                () -> plan("inquiry", "", Map.of("email", "a@example.org", "objekt", "10; DROP")));
        assertEquals("estate.Id: '10; DROP' is not an onOffice record number", e.getMessage());
    }
}
