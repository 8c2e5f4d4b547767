package org.formhaus.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import org.formhaus.http.ErrorReplies;
import org.formhaus.http.HttpProblem;
import org.formhaus.storage.AdminUserStore;

/**
 * Guards {@code /admin/api/*}. A request is let through with EITHER {@code Authorization: Bearer <API token>} (scripts;
 * no CSRF token needed, a browser never adds that header by itself) OR a signed-in admin session, which on every
 * state-changing method must also carry the session's CSRF token in {@value AdminSession#CSRF_HEADER}. The account is
 * put on the request as {@link #ACCOUNT}. No credentials → 401, a session without the right CSRF token → 403, both
 * as JSON through {@link ErrorReplies}. Thread-safe; one per application.
 */
public final class AdminAuthFilter extends HttpFilter {

    /** Request attribute holding the authenticated account id (a Long). */
    public static final String ACCOUNT = "formhaus.accountId";

    private final AdminUserStore users;
    private final AdminSession sessions;

    public AdminAuthFilter(AdminUserStore users) {
        this.users = users;
        this.sessions = new AdminSession(users);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long account;
        try {
            account = request.getHeader("Authorization") != null
                    ? byToken(request, response) : bySession(request, response);
        } catch (HttpProblem | SQLException e) {
            ErrorReplies.json(request, response, e);
            return;
        }
        request.setAttribute(ACCOUNT, account);
        chain.doFilter(request, response);
    }

    /** The token's account; a 401 problem without a valid token. */
    private long byToken(HttpServletRequest request, HttpServletResponse response) throws SQLException {
        String header = request.getHeader("Authorization");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
            response.setHeader("WWW-Authenticate", "Bearer");
            throw new HttpProblem(401, "Authentication required: send 'Authorization: Bearer <API token>'");
        }
        Optional<Long> account = users.accountOfToken(Secrets.tokenHash(header.substring(7).strip()));
        if (account.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new HttpProblem(401, "Invalid API token");
        }
        return account.get();
    }

    /** The signed-in user's account; a 401 problem without a session, 403 without the right CSRF token. */
    private long bySession(HttpServletRequest request, HttpServletResponse response) throws SQLException {
        Optional<AdminSession.SignedIn> signedIn = sessions.current(request);
        if (signedIn.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            throw new HttpProblem(401, "Authentication required: send 'Authorization: Bearer <API token>' or sign in "
                    + "at /admin/login");
        }
        if (AdminSession.changesState(request)
                && !AdminSession.csrfMatches(request, request.getHeader(AdminSession.CSRF_HEADER))) {
            throw new HttpProblem(403, "CSRF token missing or wrong: send the session's token in the "
                    + AdminSession.CSRF_HEADER + " header");
        }
        return signedIn.get().accountId();
    }

    static long accountOf(HttpServletRequest request) {
        return (Long) request.getAttribute(ACCOUNT);
    }
}
