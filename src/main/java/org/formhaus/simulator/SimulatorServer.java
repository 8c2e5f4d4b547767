package org.formhaus.simulator;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A Jetty server carrying only the {@link SimulatorServlet} at {@code /sandbox/onoffice/*}: for
 * {@code bin/formhaus simulator} and for tests (port 0 picks a free port). Start it, use it, close it; one instance
 * per server, safe to share for reading its addresses.
 *
 * <pre>{@code
 * try (SimulatorServer server = SimulatorServer.start(Simulator.create(token, secret), 0)) {
 *     URI api = server.apiUri(); // http://localhost:PORT/sandbox/onoffice/api/stable/api.php
 * }
 * }</pre>
 */
public final class SimulatorServer implements AutoCloseable {

    public static final String MOUNT = "/sandbox/onoffice";

    private final Server server;
    private final Simulator simulator;
    private final int port;

    private SimulatorServer(Server server, Simulator simulator, int port) {
        this.server = server;
        this.simulator = simulator;
        this.port = port;
    }

    /** Starts on localhost:{@code port} (0 = any free port). */
    public static SimulatorServer start(Simulator simulator, int port) throws Exception {
        return start(simulator, new InetSocketAddress("localhost", port));
    }

    public static SimulatorServer start(Simulator simulator, InetSocketAddress address) throws Exception {
        Server server = new Server(address);
        // No graceful wait on stop: a request stalled by an injected fault must not hold up shutdown.
        server.setStopTimeout(0);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new SimulatorServlet(simulator)), MOUNT + "/*");
        server.setHandler(context);
        server.start();
        int actual = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return new SimulatorServer(server, simulator, actual);
    }

    public int port() {
        return port;
    }

    public Simulator simulator() {
        return simulator;
    }

    /** {@code http://localhost:PORT/sandbox/onoffice/} */
    public URI baseUri() {
        return URI.create("http://localhost:" + port + MOUNT + "/");
    }

    /** The API endpoint, to use as the onOffice URL of {@code OnOfficeCredentials}. */
    public URI apiUri() {
        return baseUri().resolve("api/stable/api.php");
    }

    @Override
    public void close() throws Exception {
        // Back to "ok" first (which releases stalled requests), so a retry arriving now is not stalled again.
        simulator.setFault(FaultMode.OK, 0);
        server.stop();
    }

    /**
     * {@code bin/formhaus simulator [--port N]}: token and secret from FORMHAUS_SIM_TOKEN / FORMHAUS_SIM_SECRET,
     * generated and printed when absent. Runs until the process is stopped.
     */
    public static void main(String[] args) throws Exception {
        int port = 8090;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            }
        }
        String token = env("FORMHAUS_SIM_TOKEN", 16);
        String secret = env("FORMHAUS_SIM_SECRET", 32);
        SimulatorServer server = start(Simulator.create(token, secret), new InetSocketAddress(port));
        System.out.println("onOffice simulator listening on " + URI.create("http://localhost:" + server.port() + MOUNT + "/api/stable/api.php"));
        if (System.getenv("FORMHAUS_SIM_TOKEN") == null || System.getenv("FORMHAUS_SIM_SECRET") == null) {
            System.out.println("API user token:  " + token);
            System.out.println("API user secret: " + secret);
        }
        server.server.join();
    }

    private static String env(String name, int bytes) {
        String v = System.getenv(name);
        if (v != null && !v.isBlank()) return v.strip();
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
