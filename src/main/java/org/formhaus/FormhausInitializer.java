package org.formhaus;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.formhaus.config.AppConfig;

/**
 * Starts Formhaus inside a servlet container. In a WAR (any Servlet 6 container, found through
 * {@code META-INF/services}) it builds the app from {@code FORMHAUS_CONFIG} and the environment; the embedded server
 * hands it an app that is already built, as the context attribute {@link #APP}.
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
            FormhausApp app = FormhausApp.start(AppConfig.load(configFile(context), System.getenv()), System.out);
            app.mount(context);
            // A container does not say where it is reachable; public.url does (links in emails, sandbox).
            Optional<String> publicUrl = app.config().http().configuredPublicUrl();
            if (publicUrl.isPresent()) {
                app.connectSandbox(URI.create(publicUrl.get()), System.out);
            }
            context.addListener(new ServletContextListener() {
                @Override
                public void contextDestroyed(ServletContextEvent event) {
                    app.close();
                }
            });
        } catch (SQLException e) {
            throw new ServletException("Formhaus cannot start: the database is not usable: " + e.getMessage(), e);
        }
    }

    /**
     * The configuration file: {@code FORMHAUS_CONFIG} when set, else the context parameter {@value #CONFIG_PARAM}
     * (e.g. a Tomcat {@code <Parameter>} in context.xml), else none.
     */
    private static Path configFile(ServletContext context) {
        String param = context.getInitParameter(CONFIG_PARAM);
        return System.getenv("FORMHAUS_CONFIG") == null && param != null && !param.isBlank() ? Path.of(param) : null;
    }
}
