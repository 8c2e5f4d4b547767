package org.formhaus;

import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Formhaus on an embedded Jetty: the standalone server of {@code bin/formhaus serve}, and the in-process server of
 * the tests. Port 0 picks a free port; {@link #baseUri()} tells which.
 */
public final class EmbeddedServer implements AutoCloseable {

    private final Server server;
    private final FormhausApp app;

    private EmbeddedServer(Server server, FormhausApp app) {
        this.server = server;
        this.app = app;
    }

    /**
     * Starts Jetty on {@code port} with {@code app} mounted at the root. With {@code http.forwarded}, the client
     * address, scheme and host come from a reverse proxy's {@code Forwarded} / {@code X-Forwarded-*} headers, so that
     * per-visitor rate limits see visitors rather than the proxy.
     */
    public static EmbeddedServer start(FormhausApp app, String host, int port) throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        if (app.config().http().forwarded()) {
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
        context.setAttribute(FormhausInitializer.APP, app);
        context.addServletContainerInitializer(new FormhausInitializer());
        server.setHandler(context);
        server.setStopAtShutdown(false);
        server.start();
        return new EmbeddedServer(server, app);
    }

    public URI baseUri() {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1" : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort());
    }

    public FormhausApp app() {
        return app;
    }

    /** Stops taking requests, then closes the app (delivery finishes or releases its jobs). */
    @Override
    public void close() throws Exception {
        server.stop();
        app.close();
    }
}
