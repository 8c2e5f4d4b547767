package org.formhaus.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.ApiRight;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.RetryMode;
import org.formhaus.simulator.FaultMode;
import org.formhaus.simulator.Simulator;
import org.formhaus.simulator.SimulatorFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectionCheckTest {

    static final Set<Feature> ALL = EnumSet.allOf(Feature.class);
    @RegisterExtension
    static final SimulatorFixture fixture = SimulatorFixture.perTestClass();
    Simulator sim;

    @BeforeEach
    void reset() {
        sim = fixture.simulator();
    }

    private ConnectionReport check(OnOfficeClient client) {
        return new ConnectionCheck(client).run(Simulator.DEFAULT_MAILBOXES, ALL);
    }

    private static Set<String> problems(ConnectionReport report) {
        return report.problems().stream().map(ConnectionReport.RightCheck::right).collect(Collectors.toSet());
    }

    private static ConnectionReport.RightCheck right(ConnectionReport report, ApiRight right) {
        return report.rights().stream().filter(r -> r.right().equals(right.label())).findFirst().orElseThrow();
    }

    @Test
    void aUserWithAllRightsPassesInOneRequest() {
        ConnectionReport report = check(fixture.client());

        assertTrue(report.ok(), () -> new Gson().toJson(report));
        assertTrue(report.credentials().ok());
        assertTrue(report.problems().isEmpty());
        assertEquals(CheckStatus.OK, right(report, ApiRight.READ_USER_DATA).status());
        assertEquals(CheckStatus.OK, right(report, ApiRight.ONLY_PUBLISHED_PROPERTIES).status());
        assertEquals(ApiRight.values().length, report.rights().size());
        report.mailboxes().forEach(m -> assertEquals(CheckStatus.OK, m.status()));
        assertEquals(1, sim.requestCount());
    }

    /**
     * Records as a delivery leaves them (an agent's-log entry, a task, an appointment and a search criterion of the
     * seeded address 100, the seeded estate 10), named as the check's known records.
     */
    private KnownRecords deliveredRecords() throws Exception {
        OnOfficeClient client = fixture.client();
        String task = client.executeOne(Actions.createTask(Map.of("Betreff", "Rückruf"), "100", null)).firstId();
        String appointment = client.executeOne(Actions.createAppointment(Map.of("start_dt", "2026-12-01 10:00:00",
                "end_dt", "2026-12-01 11:00:00"), List.of("100"), null)).firstId();
        String criterion = client.executeOne(Actions.createSearchCriteria("100", Map.of("kaufpreis__bis", "400000")))
                .firstId();
        client.executeOne(Actions.createAgentsLog(List.of("100"), null, "Email", "Eingang", "Anfrage", Map.of()));
        return new KnownRecords(List.of("100"), List.of("10"), List.of("100"), List.of(task), List.of(appointment),
                List.of(criterion));
    }

    @ParameterizedTest
    @EnumSource(ApiRight.class)
    void lackingJustOneRightReportsExactlyThatRight(ApiRight right) throws Exception {
        KnownRecords known = deliveredRecords();
        sim.setRight(right, right.restriction()); // a restriction "lacks" its safe setting when switched on

        ConnectionReport report = new ConnectionCheck(fixture.client()).run(Simulator.DEFAULT_MAILBOXES, ALL, known);

        if (right == ApiRight.READ_PROJECTS) {
            // Formhaus creates no projects, so none is known to exist: no records could also mean no projects
            assertTrue(report.problems().isEmpty(), () -> new Gson().toJson(report.problems()));
            assertEquals(CheckStatus.UNVERIFIED, right(report, right).status());
            assertTrue(right(report, right).detail().contains("no records"), right(report, right).detail());
        } else if (right == ApiRight.ADDRESS_OTHER1) {
            assertTrue(report.problems().isEmpty(), () -> new Gson().toJson(report.problems()));
            assertEquals(CheckStatus.UNVERIFIED, right(report, right).status());
        } else if (right == ApiRight.CREATE_SEARCH_CRITERIA_WITHOUT_ADDRESS_WRITE) {
            assertTrue(report.problems().isEmpty(), () -> new Gson().toJson(report.problems()));
            assertEquals(CheckStatus.NOT_NEEDED, right(report, right).status());
        } else {
            assertEquals(Set.of(right.label()), problems(report), () -> new Gson().toJson(report.problems()));
            assertEquals(right.restriction() ? CheckStatus.WRONG_SETTING : CheckStatus.MISSING, right(report, right).status());
            assertFalse(report.ok());
        }
        assertTrue(report.credentials().ok());
    }

    @ParameterizedTest
    @EnumSource(value = ApiRight.class, names = {"READ_ADDRESSES", "READ_PROPERTIES", "READ_ENTRIES", "READ_TASKS",
            "READ_APPOINTMENTS", "READ_SEARCH_CRITERIA"})
    void aMissingReadRightAnswersNoRecordsWhichTheCheckTellsApartOnlyByRecordsKnownToExist(ApiRight right)
            throws Exception {
        KnownRecords known = deliveredRecords();
        sim.setRight(right, false);

        ConnectionReport blind = check(fixture.client());
        ConnectionReport knowing = new ConnectionCheck(fixture.client()).run(Simulator.DEFAULT_MAILBOXES, ALL, known);

        assertEquals(CheckStatus.UNVERIFIED, right(blind, right).status(), "no records is also an empty account");
        assertTrue(right(blind, right).detail().contains("\"" + right.label() + "\""), right(blind, right).detail());
        assertEquals(CheckStatus.MISSING, right(knowing, right).status());
        assertTrue(right(knowing, right).detail().contains("Formhaus wrote before"), right(knowing, right).detail());
        sim.setRight(right, true);
        assertEquals(CheckStatus.OK, right(new ConnectionCheck(fixture.client())
                .run(Simulator.DEFAULT_MAILBOXES, ALL, known), right).status(), "records read back prove the right");
    }

    @Test
    void searchCriteriaWithoutAddressWriteIsReportedWhenBothAreMissing() {
        sim.setRight(ApiRight.WRITE_ADDRESSES, false);
        sim.setRight(ApiRight.CREATE_SEARCH_CRITERIA_WITHOUT_ADDRESS_WRITE, false);

        assertEquals(Set.of("Write addresses", "Creation of new search criteria without write access to addresses"),
                problems(check(fixture.client())));
    }

    @Test
    void theOnlyPublishedPropertiesTrapIsFlaggedWithWhatBreaks() {
        sim.setRights(java.util.Map.of("Can only read properties published on the website", true));

        ConnectionReport report = check(fixture.client());

        ConnectionReport.RightCheck trap = right(report, ApiRight.ONLY_PUBLISHED_PROPERTIES);
        assertEquals(CheckStatus.WRONG_SETTING, trap.status());
        assertTrue(trap.withoutIt().contains("owner link breaks"));
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("Can only read properties published on the website")));
    }

    @Test
    void rightsTheFormsDoNotUseAreReportedAsNotNeeded() {
        sim.setRight(ApiRight.PROJECT_MANAGEMENT, false);

        ConnectionReport report = new ConnectionCheck(fixture.client())
                .run(Simulator.DEFAULT_MAILBOXES, EnumSet.of(Feature.ADDRESS, Feature.EMAIL));

        assertTrue(report.ok());
        assertEquals(CheckStatus.NOT_NEEDED, right(report, ApiRight.PROJECT_MANAGEMENT).status());
        assertEquals(CheckStatus.OK, right(report, ApiRight.WRITE_ADDRESSES).status());
    }

    @Test
    void wrongTokenWrongSecretAndClockSkewEachGetTheirOwnMessage() {
        ConnectionReport wrongToken = check(fixture.connector()
                .clientFor(fixture.credentials("unknown-token", SimulatorFixture.SECRET), RetryMode.NONE));
        ConnectionReport wrongSecret = check(fixture.connector()
                .clientFor(fixture.credentials(SimulatorFixture.TOKEN, "not-the-secret"), RetryMode.NONE));
        ConnectionReport skewed = check(fixture.connector(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5)),
                Duration.ofSeconds(5)).clientFor(fixture.credentials(), RetryMode.NONE));

        assertEquals(CredentialsProblem.WRONG_TOKEN, wrongToken.credentials().problem());
        assertEquals(CredentialsProblem.WRONG_SECRET, wrongSecret.credentials().problem());
        assertEquals(CredentialsProblem.CLOCK_SKEW, skewed.credentials().problem());
        assertEquals(3, Set.of(wrongToken.credentials().message(), wrongSecret.credentials().message(),
                skewed.credentials().message()).size());
        assertTrue(skewed.credentials().message().contains("120 seconds"));
        for (ConnectionReport r : List.of(wrongToken, wrongSecret, skewed)) {
            assertFalse(r.ok());
            assertTrue(r.problems().isEmpty(), "rights are not judged when credentials fail");
            assertFalse(new Gson().toJson(r).contains(SimulatorFixture.SECRET));
        }
    }

    @Test
    void anUnreachableOnOfficeIsReportedAsSuch() {
        sim.setFault(FaultMode.DOWN, 0);

        ConnectionReport report = check(fixture.client());

        assertEquals(CredentialsProblem.UNREACHABLE, report.credentials().problem());
    }

    @Test
    void aMailboxTheApiUserIsNotAssignedToGetsItsOwnMessage() {
        ConnectionReport report = new ConnectionCheck(fixture.client())
                .run(List.of("info@agentur.example", "chef@agentur.example"), ALL);

        assertFalse(report.ok());
        assertTrue(report.problems().isEmpty());
        assertEquals(CheckStatus.OK, report.mailboxes().get(0).status());
        ConnectionReport.MailboxCheck chef = report.mailboxes().get(1);
        assertEquals(CheckStatus.MISSING, chef.status());
        assertTrue(chef.message().contains("chef@agentur.example"));
        assertTrue(chef.message().contains("not assigned"));
        assertNotEquals(report.mailboxes().get(0).message(), chef.message());
        assertEquals(0, sim.mails().size(), "probing a mailbox sends nothing");
    }

    @Test
    void theCheckChangesNoRecords() {
        String before = List.of("address", "estate", "searchcriteria", "agentslog", "task", "calendar").stream()
                .map(t -> sim.records(t).toString()).collect(Collectors.joining());

        check(fixture.client());

        String after = List.of("address", "estate", "searchcriteria", "agentslog", "task", "calendar").stream()
                .map(t -> sim.records(t).toString()).collect(Collectors.joining());
        assertEquals(before, after);
    }

    @Test
    void theReportSerialisesWithGson() {
        String json = new Gson().toJson(check(fixture.client()));

        assertTrue(json.contains("\"right\":\"Read user data via API\""), json);
        assertTrue(json.contains("\"status\":\"OK\""));
    }

    @Test
    void sendTestEmailSendsFromTheMailboxToItself() {
        TestEmailResult result = new ConnectionCheck(fixture.client()).sendTestEmail("vertrieb@agentur.example");

        assertTrue(result.sent(), result.message());
        var mail = sim.mails().get(0).getAsJsonObject();
        assertEquals("vertrieb@agentur.example", mail.get("from").getAsString());
        assertEquals("vertrieb@agentur.example", mail.getAsJsonArray("to").get(0).getAsString());
    }

    @Test
    void sendTestEmailFromAnUnassignedMailboxExplainsTheFix() {
        TestEmailResult result = new ConnectionCheck(fixture.client()).sendTestEmail("chef@agentur.example");

        assertFalse(result.sent());
        assertTrue(result.message().contains("Basic settings"), result.message());
        assertEquals(0, sim.mails().size());
    }
}
