package org.formhaus.onoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formhaus.simulator.FaultMode;
import org.formhaus.simulator.Simulator;
import org.formhaus.simulator.SimulatorFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP client against the simulator on a real port. */
class HttpOnOfficeClientTest {

    @RegisterExtension
    static final SimulatorFixture fixture = SimulatorFixture.perTestClass();
    Simulator sim;

    @BeforeEach
    void reset() {
        sim = fixture.simulator();
    }

    private OnOfficeClient client(RetryMode mode) {
        return fixture.connector().clientFor(fixture.credentials(), mode);
    }

    @Test
    void sendsAllActionsOfOneCallInOneHttpRequestAndReturnsResultsInOrder() throws Exception {
        List<ActionResult> results = client(RetryMode.AUTOMATIC).execute(List.of(
                Actions.createAddress(Map.of("Vorname", "Max", "Name", "Muster", "email", "max@example.org"), true, false),
                Actions.readEstate("10", List.of("objekttitel", "ort")),
                Actions.getUsers()));

        assertEquals(1, sim.requestCount());
        assertEquals(3, sim.requests().get(0).getAsJsonObject().getAsJsonArray("actions").size());
        assertEquals("address", results.get(0).resourceType());
        assertEquals("102", results.get(0).firstId());
        assertEquals("Aachen", results.get(1).records().get(0).get("ort"));
        assertEquals(4, results.get(2).records().size());
    }

    @Test
    void keepsTheCallersIdentifiersAndSignsEachActionWithHmacVersion2() throws Exception {
        List<ActionResult> results = client(RetryMode.NONE).execute(List.of(
                Actions.getUsers().withIdentifier("users"), Actions.readEstate("10", List.of("ort"))));

        assertEquals("users", results.get(0).identifier());
        assertEquals("", results.get(1).identifier());
        var sent = sim.requests().get(0).getAsJsonObject().getAsJsonArray("actions");
        assertEquals("users", sent.get(0).getAsJsonObject().get("identifier").getAsString());
        assertFalse(sent.get(1).getAsJsonObject().get("identifier").getAsString().isEmpty());
        assertEquals(2, sent.get(1).getAsJsonObject().get("hmac_version").getAsInt());
    }

    @Test
    void aMarketplaceUsersClaimTravelsInTheParametersOfEveryActionAndNeverInToString() throws Exception {
        sim.setMarketplaceClaims(List.of("THE-CLAIM"));
        OnOfficeCredentials plain = fixture.credentials();
        OnOfficeCredentials marketplace = new OnOfficeCredentials(plain.url(), plain.token(), plain.secret(),
                "THE-CLAIM");

        List<ActionResult> results = fixture.connector().clientFor(marketplace, RetryMode.NONE).execute(List.of(
                Actions.getUsers(), Actions.readEstate("10", List.of("ort"))));

        assertEquals("Aachen", results.get(1).records().get(0).get("ort"));
        for (var action : sim.requests().get(0).getAsJsonObject().getAsJsonArray("actions")) {
            assertEquals("THE-CLAIM", action.getAsJsonObject().getAsJsonObject("parameters")
                    .get("extendedclaim").getAsString());
        }
        assertFalse(marketplace.toString().contains("THE-CLAIM"), marketplace.toString());
    }

    @Test
    void aMarketplaceUsersCallWithoutTheClaimIsRefusedWith193AsAPermanentFailure() {
        sim.setMarketplaceClaims(List.of("THE-CLAIM"));
        OnOfficeException e = org.junit.jupiter.api.Assertions.assertThrows(OnOfficeException.class,
                () -> client(RetryMode.AUTOMATIC).executeOne(Actions.getUsers()));
        assertEquals(193, e.errorCode());
        assertEquals(OnOfficeException.Reason.EXTENDED_CLAIM, e.reason());
        assertFalse(e.retryable());
        assertEquals(1, sim.requestCount(), "not retried");
    }

    @Test
    void matchesResultsByIdentifierEvenWhenTheServerReordersThem() {
        List<Action> actions = List.of(Actions.getUsers(), Actions.readEstate("10", List.of()));
        ActionResult second = new ActionResult("fh1", ActionKind.READ.urn(), "estate", "10", 0, "OK", List.of(), null, null);
        ActionResult first = new ActionResult("fh0", ActionKind.GET.urn(), "users", "", 0, "OK", List.of(), null, null);

        List<ActionResult> matched = HttpOnOfficeClient.match(actions, List.of("fh0", "fh1"), List.of(second, first));

        assertEquals("users", matched.get(0).resourceType());
        assertEquals("estate", matched.get(1).resourceType());
    }

    @Test
    void aMissingResultBecomesAnErrorResultInsteadOfVanishing() {
        List<ActionResult> matched = HttpOnOfficeClient.match(List.of(Actions.getUsers()), List.of("fh0"), List.of());
        assertEquals(500, matched.get(0).errorCode());
    }

    @Test
    void retriesServerErrorsWithBackoffUntilTheyPass() throws Exception {
        sim.setFault(FaultMode.HTTP500, 0, 2);

        List<ActionResult> results = client(RetryMode.AUTOMATIC).execute(List.of(Actions.getUsers()));

        assertTrue(results.get(0).ok());
        assertEquals(3, sim.requestCount());
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsWhenOnOfficeStaysDown() {
        sim.setFault(FaultMode.DOWN, 0);

        OnOfficeException e = assertThrows(OnOfficeException.class,
                () -> client(RetryMode.AUTOMATIC).execute(List.of(Actions.getUsers())));

        assertEquals(OnOfficeException.Reason.SERVER_ERROR, e.reason());
        assertTrue(e.retryable());
        assertEquals(3, sim.requestCount());
    }

    @Test
    void retriesARateLimitedRequest() throws Exception {
        sim.setFault(FaultMode.RATE_LIMIT, 0, 1);

        assertTrue(client(RetryMode.SAFE_ONLY).execute(List.of(Actions.createEstate(Map.of("ort", "Bonn")))).get(0).ok());
        assertEquals(2, sim.requestCount());
    }

    @Test
    void doesNotRetryAWrongToken() {
        OnOfficeClient client = fixture.connector().clientFor(fixture.credentials("wrong-token", SimulatorFixture.SECRET));

        OnOfficeException e = assertThrows(OnOfficeException.class, () -> client.execute(List.of(Actions.getUsers())));

        assertEquals(OnOfficeException.Reason.NOT_AUTHENTICATED, e.reason());
        assertFalse(e.retryable());
        assertEquals(1, sim.requestCount());
    }

    @Test
    void keepsPerActionErrorsInTheResultAndDoesNotRetryThem() throws Exception {
        List<ActionResult> results = client(RetryMode.AUTOMATIC).execute(List.of(
                Actions.createAddress(Map.of("Lieblingsfarbe", "blau"), false, false), Actions.getUsers()));

        assertFalse(results.get(0).ok());
        assertTrue(results.get(0).message().contains("Lieblingsfarbe"));
        assertEquals(OnOfficeException.Reason.INVALID_REQUEST, OnOfficeException.of(results.get(0)).reason());
        assertTrue(results.get(1).ok());
        assertEquals(1, sim.requestCount());
    }

    @Test
    void executeOneThrowsAClassifiedMissingRight() {
        sim.setRights(Map.of("Read user data via API", false));

        OnOfficeException e = assertThrows(OnOfficeException.class,
                () -> client(RetryMode.AUTOMATIC).executeOne(Actions.getUsers()));

        assertEquals(OnOfficeException.Reason.MISSING_RIGHT, e.reason());
        assertFalse(e.retryable());
    }

    @Test
    void timesOutWhenTheReplyStallsAndWithoutRetryRunsTheCreateOnlyOnce() {
        sim.setFault(FaultMode.TIMEOUT_AFTER_COMMIT, 10_000);
        OnOfficeClient client = fixture.connector(Clock.systemUTC(), Duration.ofMillis(300))
                .clientFor(fixture.credentials(), RetryMode.NONE);

        OnOfficeException e = assertThrows(OnOfficeException.class,
                () -> client.execute(List.of(Actions.createEstate(Map.of("ort", "Bonn")))));
        sim.setFault(FaultMode.OK, 0);

        assertEquals(OnOfficeException.Reason.TIMEOUT, e.reason());
        assertEquals(1, sim.requestCount());
        assertEquals(3, sim.records("estate").size(), "the create was committed although the client timed out");
    }

    @Test
    void safeOnlyModeRetriesReadsAfterATimeoutButNotCreates() {
        sim.setFault(FaultMode.TIMEOUT_AFTER_COMMIT, 10_000);
        OnOfficeClient client = fixture.connector(Clock.systemUTC(), Duration.ofMillis(200))
                .clientFor(fixture.credentials(), RetryMode.SAFE_ONLY);

        assertThrows(OnOfficeException.class, () -> client.execute(List.of(Actions.createEstate(Map.of("ort", "Bonn")))));
        int afterCreate = sim.requestCount();
        assertThrows(OnOfficeException.class, () -> client.execute(List.of(Actions.readEstate("10", List.of("ort")))));
        sim.setFault(FaultMode.OK, 0);

        assertEquals(1, afterCreate);
        assertEquals(1 + 3, sim.requestCount());
    }

    @Test
    void automaticRetryOfACreateAfterATimeoutMayDuplicateTheRecord() throws Exception {
        sim.setFault(FaultMode.TIMEOUT_AFTER_COMMIT, 10_000, 1);
        OnOfficeClient client = fixture.connector(Clock.systemUTC(), Duration.ofMillis(300))
                .clientFor(fixture.credentials(), RetryMode.AUTOMATIC);

        assertTrue(client.execute(List.of(Actions.createEstate(Map.of("ort", "Bonn")))).get(0).ok());
        sim.releaseStalls();

        assertEquals(4, sim.records("estate").size(), "documented hazard: two estates from one call");
    }

    @Test
    void aConnectionRefusedIsATransportErrorThatIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        OnOfficeClient client = fixture.connector().clientFor(new OnOfficeCredentials(
                "http://localhost:" + closedPort + "/api/stable/api.php", SimulatorFixture.TOKEN, SimulatorFixture.SECRET));

        OnOfficeException e = assertThrows(OnOfficeException.class, () -> client.execute(List.of(Actions.getUsers())));

        assertEquals(OnOfficeException.Reason.TRANSPORT, e.reason());
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
    }

    @Test
    void aReplyThatIsNotOnOfficeJsonIsATransportError() {
        OnOfficeClient client = fixture.connector().clientFor(new OnOfficeCredentials(
                fixture.server().baseUri().resolve("records/address").toString(), SimulatorFixture.TOKEN,
                SimulatorFixture.SECRET), RetryMode.NONE);

        OnOfficeException e = assertThrows(OnOfficeException.class, () -> client.execute(List.of(Actions.getUsers())));

        assertEquals(OnOfficeException.Reason.TRANSPORT, e.reason());
    }

    @Test
    void neitherTokenNorSecretAppearInAnyErrorMessage() throws Exception {
        List<Throwable> errors = new ArrayList<>();
        OnOfficeConnector connector = fixture.connector();
        collect(errors, () -> connector.clientFor(fixture.credentials("wrong-token", SimulatorFixture.SECRET)).executeOne(Actions.getUsers()));
        collect(errors, () -> connector.clientFor(fixture.credentials(SimulatorFixture.TOKEN, "wrong-secret")).executeOne(Actions.getUsers()));
        sim.setFault(FaultMode.DOWN, 0);
        collect(errors, () -> connector.clientFor(fixture.credentials()).executeOne(Actions.getUsers()));
        sim.setFault(FaultMode.OK, 0);
        collect(errors, () -> connector.clientFor(new OnOfficeCredentials("http://localhost:1/api.php",
                SimulatorFixture.TOKEN, SimulatorFixture.SECRET), RetryMode.NONE).executeOne(Actions.getUsers()));

        assertEquals(4, errors.size());
        for (Throwable e : errors) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                String text = String.valueOf(c.getMessage()) + c;
                assertFalse(text.contains(SimulatorFixture.SECRET), text);
                assertFalse(text.contains(SimulatorFixture.TOKEN), text);
            }
        }
        assertFalse(fixture.credentials().toString().contains(SimulatorFixture.SECRET));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void collect(List<Throwable> errors, Call call) {
        try {
            call.run();
        } catch (Exception e) {
            errors.add(e);
        }
    }
}
