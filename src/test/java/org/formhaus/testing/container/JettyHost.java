package org.formhaus.testing.container;

import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Jetty 12 ee10 deploying the WAR with a WebAppContext (annotation scanning included), as its deployer does. */
public final class JettyHost extends ContainerHost {

    private Server server;
    private WebAppContext webapp;
    private ClassLoader loader;

    public static void main(String[] args) throws Exception {
        new JettyHost().run(args);
    }

    @Override
    String deploy(Path war, int port, Path work, Map<String, String> contextParams, Map<String, String> jndi)
            throws Exception {
        if (!jndi.isEmpty()) {
            throw new IllegalArgumentException("JettyHost offers no JNDI; use context parameters or system properties");
        }
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        webapp = new WebAppContext();
        webapp.setContextPath("/formhaus");
        webapp.setWar(war.toAbsolutePath().toString());
        // A directory of its own: Jetty empties its temp directory.
        webapp.setTempDirectory(java.nio.file.Files.createDirectories(work.resolve("jetty-work")).toFile());
        contextParams.forEach(webapp::setInitParameter);
        webapp.setThrowUnavailableOnStartupException(true);
        server.setHandler(webapp);
        server.start();
        loader = webapp.getClassLoader();
        return "http://127.0.0.1:" + port + "/formhaus";
    }

    @Override
    ClassLoader webAppLoader() {
        return loader;
    }

    @Override
    void undeploy() throws Exception {
        webapp.stop(); // what Jetty's deployer does on undeploy, before it drops the context
    }

    @Override
    void shutdown() throws Exception {
        server.stop();
    }
}
