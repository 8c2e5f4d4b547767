package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.formhaus.connection.ConnectionCheck;
import org.formhaus.connection.ConnectionReport;
import org.formhaus.connection.NeededRights;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.ApiRight;
import org.formhaus.simulator.Simulator;
import org.formhaus.simulator.SimulatorFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rights each form needs, derived from its kind and what it maps and does, named as onOffice's Rights tab names
 * them; and the connection check naming, per form, a needed right that is missing.
 */
class FormRightsTest {

    @RegisterExtension
    static final SimulatorFixture fixture = SimulatorFixture.perTestClass();

    static final Set<String> ADDRESS = Set.of("Addresses", "Read addresses", "Write addresses", "Read user data via API");
    static final Set<String> ACTIVITY = Set.of("Agent's Log", "Activities", "Read entries", "Write entries");
    static final Set<String> ESTATE_READ = Set.of("Property", "Read properties");
    static final Set<String> ESTATE_WRITE = Set.of("Property", "Read properties", "Write properties",
            "Allows external property numbers to be edited");
    static final Set<String> TASK = Set.of("Task management", "Read tasks");
    static final Set<String> CALENDAR = Set.of("Appointment management", "Read appointments", "Edit appointments");
    static final Set<String> SEARCH = Set.of("Read search criteria", "Write search criteria");

    @SafeVarargs
    static Set<String> union(Set<String>... sets) {
        return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
    }

    static Stream<Arguments> starterKinds() {
        return Stream.of(
                Arguments.of("contact", union(ADDRESS, ACTIVITY)),
                Arguments.of("inquiry", union(ADDRESS, ACTIVITY, ESTATE_READ)),
                Arguments.of("owner", union(ADDRESS, ACTIVITY, ESTATE_WRITE, TASK)),
                Arguments.of("valuation", union(ADDRESS, ACTIVITY, ESTATE_WRITE, TASK)),
                Arguments.of("searchprofile", union(ADDRESS, ACTIVITY, SEARCH)),
                Arguments.of("appointment", union(ADDRESS, ACTIVITY, CALENDAR, ESTATE_READ)),
                Arguments.of("newsletter", union(ADDRESS, ACTIVITY)),
                Arguments.of("custom", union(ADDRESS, ACTIVITY)));
    }

    static JsonObject starter(String kind) throws Exception {
        try (InputStream in = FormRightsTest.class.getResourceAsStream("/starter-forms/" + kind + ".json")) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    static Set<String> needs(FormDefinition form) {
        return NeededRights.of(FormFeatures.of(form, false)).stream().map(ApiRight::label)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Issue #12: a bid form needs the rights its price offer, project link and live rule use. */
    @Test
    void aBidFormNeedsProjectsAndWritingEstatesForItsOfferAndReadingForItsRule() throws Exception {
        Set<String> needs = needs(new DefinitionParser().parse(JsonParser.parseString("""
                { "key": "gebot", "kind": "inquiry", "title": "Gebot",
                  "onoffice": {"priceOffer": "gebot", "project": 3, "writeValues": [{"from": "s", "to": "estate.status"}],
                               "liveRules": [{"field": "gebot", "compare": "greater", "record": "estate.kaufpreis"}]},
                  "fields": [{"name": "objekt", "type": "hidden", "maps": "estate.Id"},
                             {"name": "email", "type": "email", "maps": "address.Email"},
                             {"name": "s", "type": "hidden", "default": "2"},
                             {"name": "gebot", "type": "currency"}] }""").getAsJsonObject()));
        for (String right : List.of("Write properties", "Read projects", "Write projects", "Write addresses")) {
            assertTrue(needs.contains(right), right + " in " + needs);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starterKinds")
    void eachStarterKindNeedsExactlyTheRightsItsSubmissionsUse(String kind, Set<String> expected) throws Exception {
        assertEquals(expected, needs(new DefinitionParser().parse(starter(kind))));
    }

    static Stream<Arguments> specialFields() {
        return Stream.of(
                Arguments.of("estate.top_angebot", Set.of("Marketing (Top Listing)")),
                Arguments.of("estate.referenz", Set.of("Marketing (Reference property)")),
                Arguments.of("estate.veroeffentlichen",
                        Set.of("Marketing (website)", "Allows properties to be listed on your own website")),
                Arguments.of("estate.status", Set.of("Edit property status")),
                Arguments.of("estate.objektnr_extern", Set.of("Allows external property numbers to be edited")),
                Arguments.of("address.KdNr", Set.of("Edit customer number")),
                Arguments.of("address.Benutzer", Set.of("Change supervisor")),
                Arguments.of("task.Betreff", TASK),
                Arguments.of("calendar.note", CALENDAR));
    }

    static Stream<Arguments> mailUses() {
        return Stream.of(
                Arguments.of("{\"confirmation\": {\"templateid\": 12}}", true),
                Arguments.of("{\"notice\": {\"to\": [\"team@agentur.example\"], \"templateid\": 13}}", true),
                Arguments.of("{\"more\": [{\"to\": [\"visitor\"], \"templateid\": 14}]}", true),
                Arguments.of("{\"confirmation\": {\"enabled\": false, \"templateid\": 12}}", false),
                Arguments.of("{\"confirmation\": {\"subject\": \"Danke\"}}", false));
    }

    /** An e-mail written from an onOffice template ({@code templateid}) needs "Email templates" (else error 191). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mailUses")
    void anEmailFromAnOnOfficeTemplateNeedsTheRightEmailTemplates(String emails, boolean needed) throws Exception {
        for (String kind : List.of("contact", "inquiry", "owner", "valuation", "searchprofile", "appointment",
                "newsletter", "custom")) {
            JsonObject json = starter(kind);
            json.add("emails", JsonParser.parseString(emails));
            Set<String> needs = needs(new DefinitionParser().parse(json));
            assertEquals(needed, needs.contains("Email templates"), kind + " " + emails + " → " + needs);
        }
    }

    /** The custom starter plus one field mapped to {@code maps}. */
    static FormDefinition customWith(String maps) throws Exception {
        JsonObject json = starter("custom");
        JsonObject field = new JsonObject();
        field.addProperty("name", "extra");
        field.addProperty("type", "text");
        field.addProperty("label", "Extra");
        field.addProperty("maps", maps);
        json.getAsJsonArray("fields").add(field);
        return new DefinitionParser().parse(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specialFields")
    void aFieldThatNeedsASpecialRightAddsItByOnOfficesName(String maps, Set<String> special) throws Exception {
        Set<String> needs = needs(customWith(maps));
        assertTrue(needs.containsAll(special), maps + " → " + needs);
        assertTrue(needs.containsAll(union(ADDRESS, ACTIVITY)), "and what the form does besides: " + needs);
    }

    @Test
    void theSixOptionalPropertyRightsAreSixSeparateRights() {
        Set<String> labels = Stream.of(ApiRight.values()).map(ApiRight::label).collect(Collectors.toSet());
        assertTrue(labels.containsAll(Set.of("Allows properties to be listed on your own website",
                "Allows external property numbers to be edited", "Marketing (website)", "Marketing (Top Listing)",
                "Marketing (Reference property)", "Edit property status")), labels.toString());
    }

    /** A client that waits long enough for the simulator on a loaded machine (the first check of a class is slow). */
    static org.formhaus.onoffice.OnOfficeClient patientClient() {
        return fixture.connector(java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(30))
                .clientFor(fixture.credentials(), org.formhaus.onoffice.RetryMode.AUTOMATIC);
    }

    @Test
    void theCheckSaysWhichFormNeedsAMissingRight() throws Exception {
        Simulator sim = fixture.simulator();
        sim.setRight(ApiRight.MARKETING_TOP_LISTING, false);
        FormDefinition featured = customWith("estate.top_angebot");
        FormDefinition contact = new DefinitionParser().parse(starter("contact"));
        List<FormDefinition> forms = List.of(featured, contact);

        ConnectionReport report = new ConnectionCheck(patientClient())
                .run(Simulator.DEFAULT_MAILBOXES, FormFeatures.of(forms, true))
                .withForms(AccountConnection.needs(forms, true));

        assertTrue(report.credentials().ok(), report.credentials().message());
        assertFalse(report.ok());
        ConnectionReport.FormRights top = report.forms().stream().filter(f -> f.form().equals(featured.key()))
                .findFirst().orElseThrow();
        assertEquals(List.of("Marketing (Top Listing)"), top.missing());
        assertEquals(List.of("Form 'formular' needs \"Marketing (Top Listing)\", which is missing."), top.messages());
        assertTrue(report.warnings().containsAll(top.messages()));
        ConnectionReport.FormRights plain = report.forms().stream().filter(f -> f.form().equals(contact.key()))
                .findFirst().orElseThrow();
        assertTrue(plain.missing().isEmpty(), plain.toString());
        assertEquals("MISSING", report.rights().stream().filter(r -> r.right().equals("Marketing (Top Listing)"))
                .findFirst().orElseThrow().status().name(), "needed by a form, so not 'not needed'");
    }

    @Test
    void withoutFormsUsingMarketingTheMissingRightIsNotNeeded() throws Exception {
        fixture.simulator().setRight(ApiRight.MARKETING_TOP_LISTING, false);
        List<FormDefinition> forms = List.of(new DefinitionParser().parse(starter("contact")));

        ConnectionReport report = new ConnectionCheck(patientClient())
                .run(Simulator.DEFAULT_MAILBOXES, FormFeatures.of(forms, true)).withForms(AccountConnection.needs(forms, true));

        assertTrue(report.ok(), report.warnings().toString());
        assertTrue(report.forms().get(0).missing().isEmpty());
    }
}
