package org.formhaus.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.OnOfficeRecord;
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

    static PlannedStep step(MappingPlan plan, String key) {
        return plan.steps().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    static String name(Action action) {
        return action.kind().name().toLowerCase() + " " + action.resourceType();
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

    /** Issue #12: relations, project, price offer, written values and live rules add no request. */
    @Test
    void everyLinkJoinsTheTwoRequestsAndTheVerdictOpensTheSecond() throws Exception {
        MappingPlan plan = plan("inquiry", """
                "onoffice": {"relations": ["interested", "buyer"], "project": 5, "task": true, "priceOffer": "von",
                             "writeValues": [{"from": "slot", "to": "address.Sonstige1"}, {"from": "von", "to": "estate.kaufpreis"}],
                             "liveRules": [{"field": "von", "compare": "greater", "record": "estate.kaufpreis"}]},""",
                Map.of("email", "a@example.org", "objekt", "10", "von", "400000", "slot", "morgens"));
        assertEquals(List.of(List.of("address", "check.estate"), List.of("check.verdict", "relation.interested",
                "relation.buyer", "agentslog", "task", "priceOffer", "write.address", "write.estate")), keys(plan));
        JsonObject r = new JsonObject();
        r.addProperty("address", "100");
        assertEquals("{\"estateId\":10,\"addressId\":100,\"priceOffer\":400000}",
                step(plan, "priceOffer").action().build(r).parameters().toString());
        assertEquals(5, step(plan, "agentslog").action().build(r).parameters().get("projectid").getAsInt());
        assertEquals(5, step(plan, "task").action().build(r).parameters().get("relatedProjectIds").getAsInt());
        assertEquals("get idsfromrelation", name(step(plan, "relation.buyer").probe().action().build(r)));

        r.addProperty("check.estate", "{\"kaufpreis\": \"350000.00\"}");
        assertEquals(null, step(plan, "check.verdict").action().build(r), "the rule holds: nothing to send");
        r.addProperty("check.estate", "{\"kaufpreis\": \"450000.00\"}");
        MappingException refused = org.junit.jupiter.api.Assertions.assertThrows(MappingException.class,
                () -> step(plan, "check.verdict").action().build(r));
        assertEquals("Live rule not met: von = 400000 must be > estate.kaufpreis + 0 = 450000 (onOffice holds 450000 "
                + "for estate 10)", refused.getMessage());
    }

    @Test
    void aProjectNumberWithAFractionIsRefusedNotCutOff() throws Exception {
        List<org.formhaus.forms.DefinitionException.Problem> problems = new java.util.ArrayList<>();
        RecordLinks.parse(form("contact", "\"onoffice\": {\"project\": 2.5},"), problems);
        assertEquals(List.of("onoffice.project: must be an onOffice project number (a whole number ≥ 1)"),
                problems.stream().map(Object::toString).toList());
        assertEquals(7L, RecordLinks.parse(form("contact", "\"onoffice\": {\"project\": 7.0},"), problems).project());
    }

    @Test
    void aLiveRuleWithoutAnEstateFailsTheDeliveryInsteadOfPassingUnchecked() throws Exception {
        MappingPlan plan = plan("inquiry", """
                "onoffice": {"liveRules": [{"field": "von", "compare": "greater", "record": "estate.kaufpreis"}]},""",
                Map.of("email", "a@example.org", "von", "400000"));
        assertEquals(List.of(List.of("address"), List.of("check.verdict", "agentslog")), keys(plan));
        MappingException e = org.junit.jupiter.api.Assertions.assertThrows(MappingException.class,
                () -> step(plan, "check.verdict").action().build(new JsonObject()));
        assertEquals("The live rules could not be checked: the submission names no estate (the field mapped to "
                + "estate.Id was empty)", e.getMessage());
    }

    @Test
    void anInquiryWhoseTaskGoesToTheEstatesAgentLooksTheAgentUpInTheFirstRequest() throws Exception {
        MappingPlan plan = plan("inquiry", "\"onoffice\": {\"task\": {\"user\": \"estate\"}},",
                Map.of("email", "a@example.org", "objekt", "10"));
        assertEquals(List.of(List.of("address", "agent.id", "agent.user"), List.of("agentslog", "task")), keys(plan));
    }

    @Test
    void theEstateIsTaggedWithAnExternalNumberDerivedFromTheSubmission() throws Exception {
        assertEquals("FH-3f2a9c1e0000", EstateSteps.externalNumber(ID));
        MappingPlan plan = plan("owner", "", Map.of("email", "a@example.org"));
        PlannedStep estate = plan.stages().get(0).get(1);
        assertEquals("FH-3f2a9c1e0000", estate.action().build(new JsonObject()).parameters()
                .getAsJsonObject("data").get("objektnr_extern").getAsString());
        assertEquals("read", estate.probe().action().build(new JsonObject()).kind().name().toLowerCase());
    }

    /** Issue #15: every last-stage create carries the tag and has a probe that finds it by the tag. */
    @Test
    void everyCreateBesideTheAddressIsTaggedAndHasAProbeThatLooksForTheTag() throws Exception {
        JsonObject r = new JsonObject();
        r.addProperty("address", "101");
        Map<String, Object> v = Map.of("email", "a@example.org", "von", "200000", "slot", "2026-06-01T10:00");

        PlannedStep log = step(plan("contact", "", v), "agentslog");
        assertTrue(log.action().build(r).parameters().get("note").getAsString().endsWith("\nFormhaus: FH-3f2a9c1e0000"));
        JsonObject logProbe = log.probe().action().build(r).parameters();
        assertEquals("[101]", logProbe.get("addressid").toString());
        assertEquals("{\"Bemerkung\":[{\"op\":\"like\",\"val\":\"%FH-3f2a9c1e0000%\"}]}", logProbe.get("filter").toString());

        PlannedStep task = step(plan("owner", "", v), "task");
        assertEquals("Formhaus: FH-3f2a9c1e0000", task.action().build(r).parameters().getAsJsonObject("data")
                .get("Kommentar").getAsString());
        assertEquals("read task", name(task.probe().action().build(r)));

        PlannedStep appointment = step(plan("appointment", "", v), "calendar");
        assertTrue(appointment.action().build(r).parameters().getAsJsonObject("data").get("note").getAsString()
                .endsWith("\nFormhaus: FH-3f2a9c1e0000"));
        JsonObject appointmentProbe = appointment.probe().action().build(r).parameters();
        assertEquals("2026-05-31", appointmentProbe.getAsJsonObject("filter").get("startDate").getAsString());
        assertEquals("2026-06-02", appointmentProbe.getAsJsonObject("filter").get("endDate").getAsString());

        PlannedStep criterion = step(plan("searchprofile", "", v), "searchcriteria");
        assertEquals("Formhaus: FH-3f2a9c1e0000", criterion.action().build(r).parameters().getAsJsonObject("data")
                .get("krit_bemerkung_oeffentlich").getAsString());
        assertEquals("get searchcriterias", name(criterion.probe().action().build(r)));
    }

    @Test
    void aProbeFindsOnlyTheRecordThatCarriesTheTag() {
        PlannedStep.Probe probe = TagProbes.task(RecordTag.of(ID), null);
        JsonObject other = new JsonObject();
        other.addProperty("Kommentar", "Formhaus: FH-ffffffffffff");
        JsonObject ours = new JsonObject();
        ours.addProperty("Kommentar", "Rückruf erbeten\nFormhaus: FH-3f2a9c1e0000");
        ActionResult found = new ActionResult("probe.task", "", "task", "", 0, "OK",
                List.of(new OnOfficeRecord("7001", "task", other), new OnOfficeRecord("7002", "task", ours)), null, 2L);
        ActionResult none = new ActionResult("probe.task", "", "task", "", 0, "OK",
                List.of(new OnOfficeRecord("7001", "task", other)), null, 1L);
        assertEquals("7002", probe.found().value(found, new JsonObject()));
        assertNull(probe.found().value(none, new JsonObject()));
    }

    @Test
    void anInquiredEstateThatIsNotARecordNumberIsRefused() {
        MappingException e = assertThrows(MappingException.class,
                () -> plan("inquiry", "", Map.of("email", "a@example.org", "objekt", "10; DROP")));
        assertEquals("estate.Id: '10; DROP' is not an onOffice record number", e.getMessage());
    }

    @Test
    void filesRideInTheTwoRequestsAndGoToTheRecordTheFormCreatesOrNames() throws Exception {
        FormDefinition owner = new DefinitionParser().parse(JsonParser.parseString("""
                {"key": "k", "kind": "owner", "fields": [
                  {"name": "email", "type": "email", "maps": "address.Email"},
                  {"name": "plan", "type": "file", "label": "Grundriss"},
                  {"name": "ausweis", "type": "file", "label": "Ausweis", "maps": "address.file"}]}""")
                .getAsJsonObject());
        List<UploadedFile> files = List.of(new UploadedFile(7, "plan", "grundriss.pdf", "application/pdf", () -> new byte[1]),
                new UploadedFile(8, "ausweis", "ausweis.pdf", "application/pdf", () -> new byte[1]));
        MappingPlan plan = new SubmissionMapper().plan(owner, 1, ID, Map.of("email", "a@example.org"), List.of(), files);
        assertEquals(List.of(List.of("address", "estate", "file.7.tmp", "file.8.tmp"),
                List.of("relation.owner", "agentslog", "task", "file.7", "file.8")), keys(plan));
        JsonObject records = new JsonObject();
        records.addProperty("address", "300");
        records.addProperty("estate", "40");
        records.addProperty("file.7.tmp", "tmp1");
        JsonObject link = plan.stages().get(1).get(3).action().build(records).parameters();
        assertEquals("estate", link.get("module").getAsString(), "an owner form's files go to the new estate");
        assertEquals("40", link.get("relatedRecordId").getAsString());
        assertEquals("Grundriss", link.get("title").getAsString());

        FormDefinition custom = new DefinitionParser().parse(JsonParser.parseString("""
                {"key": "k", "kind": "custom", "fields": [{"name": "plan", "type": "file"}]}""").getAsJsonObject());
        assertEquals(List.of(), keys(new SubmissionMapper().plan(custom, 1, ID, Map.of(), List.of(), files.subList(0, 1))),
                "a submission that creates no record keeps its files in Formhaus only");
    }

    // ---- onOffice fidelity (#16): the two newsletter double opt-ins ----------------------------------------------------

    @Test
    void formhausOwnDoubleOptInSendsOnlyTheLinkAndWritesTheAddressAtTheConfirmation() throws Exception {
        SubmissionMapper mapper = new SubmissionMapper(new KnownFields(), id -> "https://f.example/n/confirm?t=" + id);
        Map<String, Object> v = Map.of("email", "a@example.org");
        MappingPlan subscription = mapper.plan(form("newsletter", ""), 1, ID, v, List.of("info@agentur.example"));
        assertEquals(List.of(List.of("mail.newsletterConfirmation")), keys(subscription));

        MappingPlan confirmation = mapper.confirmation(form("newsletter", ""), 1, ID, v);
        assertEquals(List.of(List.of("address"), List.of("newsletter.confirmed", "agentslog.newsletter")),
                keys(confirmation));
        Action address = step(confirmation, "address").action().build(new JsonObject());
        assertEquals("create address", name(address));
        assertEquals("1", address.parameters().get("newsletter_aktiv").getAsString());
        assertEquals("a@example.org", address.parameters().get("email").getAsString());
        assertTrue(address.parameters().get("checkDuplicate").getAsBoolean());
        assertThrows(MappingException.class, () -> step(mapper.confirmation(form("newsletter", ""), 1, ID, null),
                "address").action().build(new JsonObject()), "erased before the confirmation: nothing to write");
    }

    @Test
    void onOfficesDoubleOptInWritesTheAddressWithoutNewsletterFieldThenRegistersIt() throws Exception {
        MappingPlan plan = plan("newsletter", "\"onoffice\": {\"newsletter\": \"onoffice\"},",
                Map.of("email", "a@example.org"));
        assertEquals(List.of(List.of("address"), List.of("newsletter.registered")), keys(plan),
                "no Formhaus link, and no agent's-log entry: onOffice writes its own");
        assertTrue(!step(plan, "address").action().build(new JsonObject()).parameters().has("newsletter_aktiv"));
        JsonObject r = new JsonObject();
        r.addProperty("address", "6313");
        Action register = step(plan, "newsletter.registered").action().build(r);
        assertEquals("do registerNewsletter", name(register));
        assertEquals("6313", register.resourceId());
        assertTrue(register.parameters().get("register").getAsBoolean());
    }

    @Test
    void theNewsletterOptionIsOnlyForNewsletterForms() throws Exception {
        List<org.formhaus.forms.DefinitionException.Problem> problems = new java.util.ArrayList<>();
        MappingOptions.parse(form("contact", "\"onoffice\": {\"newsletter\": \"onoffice\"},"), problems);
        MappingOptions.parse(form("newsletter", "\"onoffice\": {\"newsletter\": \"both\"},"), problems);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().contains("onoffice.newsletter"), problems.toString());
        assertTrue(problems.get(1).toString().contains("formhaus or onoffice"), problems.toString());
    }
}
