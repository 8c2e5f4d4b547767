package org.formhaus;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import java.net.URI;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.formhaus.config.AppConfig;

/**
 * Starts Formhaus inside a servlet container. In a WAR (any Servlet 6 container, found through
 * {@code META-INF/services}) it builds the app from the settings the container offers ({@link ContainerSettings}:
 * context parameters, JNDI, environment, system properties) and stops it again, leaving nothing behind, when the
 * container undeploys it; the embedded server hands it an app that is already built, as the context attribute
 * {@link #APP}.
 */
public final class FormhausInitializer implements ServletContainerInitializer {

    /** Context attribute: a started {@link FormhausApp} to mount instead of building one. */
    public static final String APP = "formhaus.app";
    /** Context parameter naming the configuration file, for containers where environment variables are awkward. */
    public static final String CONFIG_PARAM = "formhaus.config";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        try {
            FormhausApp given = (FormhausApp) context.getAttribute(APP);
            if (given != null) {
                given.mount(context);
                return;
            }
            Map<String, String> settings = ContainerSettings.of(context);
            FormhausApp app;
            try {
                app = FormhausApp.start(AppConfig.load(null, settings), System.out);
            } catch (SQLException | RuntimeException e) {
                WebAppDrivers.deregister(FormhausInitializer.class.getClassLoader()); // a failed deploy leaks nothing
                throw e;
            }
            try {
                mount(app, context);
            } catch (Exception e) {
                stop(app);
                throw new ServletException("Formhaus cannot start: " + e.getMessage(), e);
            }
            context.addListener(new ServletContextListener() {
                @Override
                public void contextDestroyed(ServletContextEvent event) {
                    stop(app);
                }
            });
        } catch (SQLException e) {
            throw new ServletException("Formhaus cannot start: the database is not usable: " + e.getMessage(), e);
        }
    }

    private static void mount(FormhausApp app, ServletContext context) throws Exception {
        app.mount(context);
        // A container does not say where it is reachable; public.url does (links in emails, sandbox).
        Optional<String> publicUrl = app.config().http().configuredPublicUrl();
        if (publicUrl.isPresent()) {
            URI base = URI.create(publicUrl.get());
            app.connectSandbox(base, System.out);
            app.seedExampleForm(base, System.out);
        }
    }

    /** Undeploy: stops delivery, threads and the pool, and forgets the JDBC drivers this web application loaded. */
    private static void stop(FormhausApp app) {
        app.close();
        WebAppDrivers.deregister(FormhausInitializer.class.getClassLoader());
    }
}
