package org.formhaus.onoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.formhaus.simulator.SimulatorFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which hosts onOffice requests may go to (issue 15, "Server-side requests"). */
class OnOfficeHostsTest {

    @RegisterExtension
    static final SimulatorFixture fixture = SimulatorFixture.perTestClass();

    @Test
    void byDefaultOnlyOnOfficesApiHostOverHttpsIsAllowed() {
        OnOfficeHosts hosts = OnOfficeHosts.parse("");

        assertTrue(hosts.allows("https://api.onoffice.de/api/stable/api.php"));
        assertTrue(hosts.allows("https://API.onoffice.de./api/latest/api.php"));
        for (String url : List.of("http://api.onoffice.de/api/stable/api.php", "https://api.onoffice.de:8443/api.php",
                "http://127.0.0.1:3306/", "http://localhost:8080/admin", "http://169.254.169.254/latest/meta-data/",
                "https://api.onoffice.de.evil.example/api.php", "https://api.onoffice.de@127.0.0.1/api.php",
                "http://[::1]/", "file:///etc/passwd", "gopher://127.0.0.1:25/", "not a url")) {
            assertFalse(hosts.allows(url), url);
        }
    }

    @Test
    void anOperatorsHostAllowsAnyPortAndHostWithPortOnlyThatPort() {
        OnOfficeHosts hosts = OnOfficeHosts.parse(" onoffice-proxy.internal:8443 , 127.0.0.1, [::1]:8080");

        assertTrue(hosts.allows("https://onoffice-proxy.internal:8443/api.php"));
        assertFalse(hosts.allows("https://onoffice-proxy.internal/api.php"));
        assertTrue(hosts.allows("http://127.0.0.1:1/x"));
        assertTrue(hosts.allows("http://127.0.0.1:65000/x"));
        assertFalse(hosts.allows("http://127.0.0.2:65000/x"));
        assertTrue(hosts.allows("http://[::1]:8080/x"));
        assertFalse(hosts.allows("http://[::1]:8081/x"));
        assertTrue(hosts.allows("https://api.onoffice.de/api/stable/api.php"), "onOffice's own stay allowed");
    }

    @Test
    void theSimulatorsBaseAddsItsHostAndPort() {
        OnOfficeHosts hosts = OnOfficeHosts.onOfficeOnly().plus(URI.create("http://127.0.0.1:41234"));

        assertTrue(hosts.allows("http://127.0.0.1:41234/sandbox/onoffice/api/stable/api.php"));
        assertFalse(hosts.allows("http://127.0.0.1:41235/"));
    }

    @Test
    void anEntryThatIsNoHostIsRefusedByName() {
        for (String entry : List.of("http://proxy.example", "proxy.example/api", "proxy.example:0", "proxy:port",
                "under_score.example")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnOfficeHosts.parse(entry));
            assertTrue(e.getMessage().contains("'" + entry + "'"), e.getMessage());
        }
    }

    @Test
    void aClientRefusesAHostThatIsNotAllowedBeforeConnecting() {
        int before = fixture.simulator().requestCount();
        OnOfficeClient client = OnOfficeConnector.builder().build().clientFor(fixture.credentials(), RetryMode.AUTOMATIC);

        OnOfficeException e = assertThrows(OnOfficeException.class, () -> client.executeOne(Actions.getUsers()));

        assertEquals(OnOfficeException.Reason.HOST_NOT_ALLOWED, e.reason());
        assertFalse(e.retryable());
        assertEquals(before, fixture.simulator().requestCount(), "nothing was sent");
    }
}
