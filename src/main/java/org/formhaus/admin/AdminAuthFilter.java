package org.formhaus.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import org.formhaus.audit.SecurityLog;
import org.formhaus.http.ErrorReplies;
import org.formhaus.http.HttpProblem;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.ApiToken;
import org.formhaus.storage.Role;

/**
 * Guards {@code /admin/api/*}. A request is let through with EITHER {@code Authorization: Bearer <API token>} (scripts;
 * no CSRF token needed, a browser never adds that header by itself) OR a signed-in admin session, which on every
 * state-changing method must also carry the session's CSRF token in {@value AdminSession#CSRF_HEADER}. A token acts
 * as the user it belongs to, in the account it was made in, with the user's role there, and works only while that
 * user is active and a member of that account. The account is put on the request as {@link #ACCOUNT}, the caller as
 * a {@link Caller}. No credentials → 401, a session without the right CSRF token → 403, both as JSON through
 * {@link ErrorReplies}. Which role each endpoint needs is the {@link AccessGuard}'s to check, which runs this first.
 * Thread-safe; one per application.
 */
public final class AdminAuthFilter extends HttpFilter {

    /** Request attribute holding the authenticated account id (a Long). */
    public static final String ACCOUNT = "formhaus.accountId";
    private static final String CALLER = "formhaus.caller";

    private final AdminUserStore users;
    private final AdminSession.Members members;
    private final AdminSession sessions;
    private final SecurityLog log;

    public AdminAuthFilter(AdminUserStore users, AdminSession.Members members, AdminSession sessions,
                           SecurityLog log) {
        this.users = users;
        this.members = members;
        this.sessions = sessions;
        this.log = log;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            authenticate(request, response);
        } catch (HttpProblem | SQLException e) {
            ErrorReplies.json(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Finds who calls, by API token or session, and puts them on the request.
     *
     * @throws HttpProblem 401 without valid credentials, 403 for a session without its CSRF token
     */
    Caller authenticate(HttpServletRequest request, HttpServletResponse response) throws SQLException {
        Caller caller = request.getHeader("Authorization") != null
                ? byToken(request, response) : bySession(request, response);
        request.setAttribute(ACCOUNT, caller.accountId());
        request.setAttribute(CALLER, caller);
        return caller;
    }

    /** The token's user; a 401 problem without a valid token or when its user is deactivated. */
    private Caller byToken(HttpServletRequest request, HttpServletResponse response) throws SQLException {
        String header = request.getHeader("Authorization");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
            response.setHeader("WWW-Authenticate", "Bearer");
            throw new HttpProblem(401, "Authentication required: send 'Authorization: Bearer <API token>'");
        }
        String hash = Secrets.tokenHash(header.substring(7).strip());
        Optional<AdminUserStore.TokenUser> owner = users.activeUserOfToken(hash);
        Optional<Role> role = owner.isEmpty() ? Optional.empty()
                : members.roleOf(owner.get().accountId(), owner.get().user().id());
        if (role.isEmpty()) {
            // Unknown, revoked, its user deactivated or no longer a member: the same answer, so a token tells nothing
            // about its user.
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new HttpProblem(401, "Invalid API token");
        }
        return new Caller(owner.get().accountId(), owner.get().user().id(), ApiToken.idOf(hash), log, role.get());
    }

    /** The signed-in user; a 401 problem without a session, 403 without the right CSRF token. */
    private Caller bySession(HttpServletRequest request, HttpServletResponse response) throws SQLException {
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
        return new Caller(signedIn.get().accountId(), signedIn.get().user().id(), null, log, signedIn.get().role());
    }

    static long accountOf(HttpServletRequest request) {
        return (Long) request.getAttribute(ACCOUNT);
    }

    static Caller callerOf(HttpServletRequest request) {
        return (Caller) request.getAttribute(CALLER);
    }
}
