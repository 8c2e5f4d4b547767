package org.formhaus.onoffice.sandbox;

import java.time.Clock;
import java.time.Duration;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeConnector;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.onoffice.RetryMode;
import org.formhaus.onoffice.RetryPolicy;

/**
 * A simulator on a real Jetty port for a test class: start once, {@link #reset()} before each test, close after.
 * Clients use short timeouts and millisecond back-off so the suite stays fast.
 */
public final class SimulatorFixture implements AutoCloseable {

    public static final String TOKEN = "fixtureToken0123456789abcdef0123";
    public static final String SECRET = "fixtureSecret-0123456789abcdef0123456789abcdef0123456789abcdef0";
    public static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(40));

    private final SimulatorServer server;

    private SimulatorFixture(SimulatorServer server) {
        this.server = server;
    }

    public static SimulatorFixture start() throws Exception {
        return new SimulatorFixture(SimulatorServer.start(Simulator.create(TOKEN, SECRET), 0));
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

    public OnOfficeConnector connector(Clock clock, Duration requestTimeout) {
        return OnOfficeConnector.builder().clock(clock).connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(requestTimeout).retryPolicy(FAST_RETRIES).build();
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
