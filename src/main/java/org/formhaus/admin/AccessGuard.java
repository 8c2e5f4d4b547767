package org.formhaus.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.formhaus.http.ErrorReplies;
import org.formhaus.http.HttpProblem;
import org.formhaus.storage.Role;

/**
 * The one gate in front of everything under {@code /admin}: a request must match an {@link Endpoint} some admin
 * servlet declared (else 404, or 405 for a declared path with another method), and unless that endpoint is open, come
 * from a member of the current account whose role covers the endpoint's. The admin API authenticates by token or
 * session ({@link AdminAuthFilter}: 401, or 403 without the CSRF token); a page without a session redirects to the
 * sign-in form. A role too low → 403. Which account's objects a request may touch stays each servlet's check (404 for
 * another account's). Thread-safe; one per application, built by the routes table from every admin servlet's
 * endpoints.
 */
public final class AccessGuard extends HttpFilter {

    /** Request attribute of a page request: the member's role in the current account (a {@link Role}). */
    public static final String ROLE = "formhaus.admin.role";
    /** Request attribute of a page request: the current account's name, for the page header. */
    public static final String ACCOUNT_NAME = "formhaus.admin.accountName";

    /** An account's name by id, for the page header. */
    @FunctionalInterface
    public interface AccountNames {
        String of(long accountId) throws SQLException;
    }

    private final List<Endpoint> endpoints;
    private final AdminAuthFilter api;
    private final AdminSession sessions;
    private final AccountNames names;

    public AccessGuard(List<Endpoint> endpoints, AdminAuthFilter api, AdminSession sessions, AccountNames names) {
        this.endpoints = List.copyOf(endpoints);
        this.api = api;
        this.sessions = sessions;
        this.names = names;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = pathOf(request);
        boolean isApi = path.startsWith("/admin/api/");
        try {
            Endpoint endpoint = endpointFor(request.getMethod(), path, response);
            if (!endpoint.isOpen()) {
                Optional<Role> role;
                if (isApi) {
                    role = Optional.of(api.authenticate(request, response).role());
                } else {
                    Optional<AdminSession.SignedIn> signedIn = sessions.current(request);
                    if (signedIn.isEmpty()) {
                        toLogin(request, response, path);
                        return;
                    }
                    role = Optional.of(signedIn.get().role());
                    request.setAttribute(ROLE, role.get());
                    request.setAttribute(ACCOUNT_NAME, names.of(signedIn.get().accountId()));
                }
                if (!role.get().covers(endpoint.role())) {
                    throw new HttpProblem(403, "Your role in this account (" + role.get() + ") does not allow this; "
                            + "it needs " + endpoint.role());
                }
            }
        } catch (HttpProblem | SQLException e) {
            if (isApi) {
                ErrorReplies.json(request, response, e);
            } else {
                ErrorReplies.reply(request, response, e);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** The declared endpoint for this request; 404 when none has its path, 405 when none has its method too. */
    private Endpoint endpointFor(String method, String path, HttpServletResponse response) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.matchesPath(path)) {
                if (endpoint.matchesMethod(method)) {
                    return endpoint;
                }
                allowed.add(endpoint.method());
            }
        }
        if (allowed.isEmpty()) {
            throw HttpProblem.notFound(path.startsWith("/admin/api/") ? "Endpoint" : "Page");
        }
        response.setHeader("Allow", String.join(", ", allowed));
        throw new HttpProblem(405, "Method " + method + " not allowed");
    }

    /** The path below the context, decoded as the container maps it, without one trailing slash. */
    static String pathOf(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A page without a signed-in member: to the sign-in form, coming back here afterwards. */
    private static void toLogin(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(303);
        response.setHeader("Location", request.getContextPath() + "/admin/login?next="
                + URLEncoder.encode(path, StandardCharsets.UTF_8));
    }
}
