package org.formhaus;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.formhaus.admin.AdminEndpoints;
import org.formhaus.admin.Endpoint;

/**
 * The table of Formhaus's URLs: which servlet answers which paths, and which filter guards which. Filled once by
 * {@link FormhausApp}, then {@linkplain #mountOn mounted} on a servlet context (the WAR's or the embedded Jetty's).
 * Each servlet is registered under its class's simple name. Not thread-safe; used only while starting.
 *
 * <p>Every servlet under {@code /admin} must declare its endpoints and the role each needs ({@link AdminEndpoints});
 * adding one that does not fails at once. The {@linkplain #adminGuard admin guard} is built from all their declarations
 * and mounted on {@code /admin} after every other filter, so a request reaches an admin servlet only through it.
 *
 * <pre>{@code
 * new Routes()
 *         .servlet("/healthz", new HealthServlet(db, jobs))
 *         .filter("/admin/api/*", new AdminAuthFilter(users))
 *         .mountOn(context);
 * }</pre>
 */
final class Routes {

    private record Route(String[] paths, Servlet servlet, MultipartConfigElement multipart) {
    }

    private record Guard(String pattern, Filter filter) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final List<Guard> guards = new ArrayList<>();
    private final List<Endpoint> adminEndpoints = new ArrayList<>();
    private Function<List<Endpoint>, Filter> adminGuard;

    /** {@code servlet} answers requests to {@code path} and {@code morePaths} (servlet path specs). */
    Routes servlet(String path, Servlet servlet, String... morePaths) {
        return add(path, servlet, null, morePaths);
    }

    /** As {@link #servlet}, also accepting multipart bodies within {@code multipart}'s limits. */
    Routes multipart(String path, Servlet servlet, MultipartConfigElement multipart, String... morePaths) {
        return add(path, servlet, multipart, morePaths);
    }

    /** {@code filter} runs before any servlet for requests matching {@code pattern}. */
    Routes filter(String pattern, Filter filter) {
        guards.add(new Guard(pattern, filter));
        return this;
    }

    /**
     * The filter that checks every request under {@code /admin} against the admin servlets' declared endpoints, made
     * from all of them when the routes are mounted.
     */
    Routes adminGuard(Function<List<Endpoint>, Filter> guard) {
        this.adminGuard = guard;
        return this;
    }

    /** Every endpoint the admin servlets declared, in the order they were added. */
    List<Endpoint> adminEndpoints() {
        return List.copyOf(adminEndpoints);
    }

    private Routes add(String path, Servlet servlet, MultipartConfigElement multipart, String... morePaths) {
        String[] paths = new String[morePaths.length + 1];
        paths[0] = path;
        System.arraycopy(morePaths, 0, paths, 1, morePaths.length);
        boolean admin = false;
        for (String p : paths) {
            admin |= p.equals("/admin") || p.startsWith("/admin/");
        }
        if (admin) {
            if (!(servlet instanceof AdminEndpoints declared) || declared.endpoints().isEmpty()) {
                throw new IllegalStateException("Admin route " + path + ": " + servlet.getClass().getSimpleName()
                        + " must declare its endpoints and the role each needs (implement AdminEndpoints)");
            }
            adminEndpoints.addAll(declared.endpoints());
        }
        routes.add(new Route(paths, servlet, multipart));
        return this;
    }

    /** Registers every filter and servlet on {@code context}; servlets start with the context. */
    void mountOn(ServletContext context) {
        Map<String, Integer> names = new HashMap<>();
        for (Guard guard : guards) {
            context.addFilter(name(guard.filter(), names), guard.filter())
                    .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, guard.pattern());
        }
        if (!adminEndpoints.isEmpty()) {
            if (adminGuard == null) {
                throw new IllegalStateException("Admin routes need the admin guard (Routes.adminGuard)");
            }
            Filter guard = adminGuard.apply(adminEndpoints());
            context.addFilter(name(guard, names), guard).addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST),
                    false, "/admin", "/admin/*");
        }
        for (Route route : routes) {
            var registration = context.addServlet(name(route.servlet(), names), route.servlet());
            registration.addMapping(route.paths());
            registration.setLoadOnStartup(1);
            if (route.multipart() != null) {
                registration.setMultipartConfig(route.multipart());
            }
        }
    }

    /** The class's simple name; a second instance of the same class gets "-2", and so on. */
    private static String name(Object component, Map<String, Integer> names) {
        String simple = component.getClass().getSimpleName().isEmpty() ? "component"
                : component.getClass().getSimpleName();
        int seen = names.merge(simple, 1, Integer::sum);
        return seen == 1 ? simple : simple + "-" + seen;
    }
}
