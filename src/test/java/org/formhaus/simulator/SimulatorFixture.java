package org.formhaus.simulator;

import java.time.Clock;
import java.time.Duration;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeConnector;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.onoffice.OnOfficeHosts;
import org.formhaus.onoffice.RetryMode;
import org.formhaus.onoffice.RetryPolicy;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulator on a real Jetty port. For a whole test class, register it as an extension: it starts once, is
 * {@link #reset()} before each test and closes after.
 * <pre>{@code @RegisterExtension static final SimulatorFixture fixture = SimulatorFixture.perTestClass();}</pre>
 * For one test, {@link #start()} it in a try-with-resources. Clients use short timeouts and millisecond back-off so the
 * suite stays fast.
 */
public final class SimulatorFixture implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    public static final String TOKEN = "fixtureToken0123456789abcdef0123";
    public static final String SECRET = "fixtureSecret-0123456789abcdef0123456789abcdef0123456789abcdef0";
    public static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(40));

    private SimulatorServer server;

    private SimulatorFixture() {
    }

    /** Started now; close it yourself. */
    public static SimulatorFixture start() throws Exception {
        SimulatorFixture fixture = new SimulatorFixture();
        fixture.server = SimulatorServer.start(Simulator.create(TOKEN, SECRET), 0);
        return fixture;
    }

    /** Started, reset and closed by JUnit around the test class that registers it. */
    public static SimulatorFixture perTestClass() {
        return new SimulatorFixture();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = SimulatorServer.start(Simulator.create(TOKEN, SECRET), 0);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    public Simulator simulator() {
        return server.simulator();
    }

    public SimulatorServer server() {
        return server;
    }

    public void reset() {
        simulator().reset();
    }

    public OnOfficeCredentials credentials() {
        return new OnOfficeCredentials(server.apiUri().toString(), TOKEN, SECRET);
    }

    public OnOfficeCredentials credentials(String token, String secret) {
        return new OnOfficeCredentials(server.apiUri().toString(), token, secret);
    }

    /** A connector that may reach this machine (the simulator, and closed ports tests knock on) besides onOffice. */
    public OnOfficeConnector connector(Clock clock, Duration requestTimeout) {
        return OnOfficeConnector.builder().clock(clock).connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(requestTimeout).retryPolicy(FAST_RETRIES)
                .hosts(OnOfficeHosts.parse("127.0.0.1, localhost")).build();
    }

    public OnOfficeConnector connector() {
        return connector(Clock.systemUTC(), Duration.ofSeconds(5));
    }

    public OnOfficeClient client() {
        return connector().clientFor(credentials(), RetryMode.NONE);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
