package org.formhaus.testing.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ContextEnvironment;

/** Tomcat 11 (embedded, with JNDI) deploying the WAR as its host deploys any WAR: expanded, scanned, started. */
public final class TomcatHost extends ContainerHost {

    private Tomcat tomcat;
    private Context context;

    public static void main(String[] args) throws Exception {
        new TomcatHost().run(args);
    }

    @Override
    String deploy(Path war, int port, Path work, Map<String, String> contextParams, Map<String, String> jndi)
            throws Exception {
        tomcat = new Tomcat();
        Path base = Files.createDirectories(work.resolve("tomcat"));
        tomcat.setBaseDir(base.toString());
        // A Tomcat distribution's conf/web.xml also maps JSPs, for which this embedded Tomcat has no Jasper; Formhaus
        // uses neither that nor the default servlet.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.getHost().setAppBase(Files.createDirectories(base.resolve("webapps")).toString());
        tomcat.enableNaming();
        context = tomcat.addWebapp("/formhaus", war.toAbsolutePath().toString());
        contextParams.forEach(context::addParameter);
        jndi.forEach((name, value) -> {
            ContextEnvironment entry = new ContextEnvironment();
            entry.setName(name);
            entry.setType(String.class.getName());
            entry.setValue(value);
            entry.setOverride(false);
            context.getNamingResources().addEnvironment(entry);
        });
        tomcat.start();
        if (!context.getState().isAvailable()) {
            throw new IllegalStateException("Tomcat did not start the web application: " + context.getState());
        }
        return "http://127.0.0.1:" + port + "/formhaus";
    }

    @Override
    ClassLoader webAppLoader() {
        return context.getLoader().getClassLoader();
    }

    @Override
    void undeploy() {
        tomcat.getHost().removeChild(context);
    }

    @Override
    void shutdown() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
