package org.formhaus.admin;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.AdminUserStore;

/**
 * The admin's browser session: which user is signed in, and the session's CSRF token. The user is looked up again
 * on every request, so deactivating a user ends their sessions at once. Stateless and thread-safe; the state lives
 * in the container's {@link HttpSession}.
 */
public final class AdminSession {

    /** The header a session's scripts send their CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The form field a session's HTML forms send their CSRF token in. */
    public static final String CSRF_FIELD = "csrf";

    private static final String USER = "formhaus.admin.userId";
    private static final String CSRF = "formhaus.admin.csrf";

    private final AdminUserStore users;

    public AdminSession(AdminUserStore users) {
        this.users = users;
    }

    /**
     * The session cookie on {@code context}: HttpOnly, SameSite=Lax, cookies only (never a session id in URLs),
     * ending after {@code idleTimeout} without requests. Containers mark it Secure on HTTPS requests themselves
     * (Jetty and Tomcat both do by default). Call before the context starts.
     */
    public static void configureCookie(ServletContext context, Duration idleTimeout) {
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        cookie.setName("FORMHAUS_SESSION");
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        context.setSessionTimeout(Math.toIntExact(idleTimeout.toMinutes()));
    }

    /** A signed-in, active admin user: the account they act for and their session's CSRF token. */
    public record SignedIn(AdminUser user, String csrfToken) {
        public long accountId() {
            return user.accountId();
        }
    }

    /** The signed-in user of this request's session, if any; a session of a deactivated user is ended. */
    public Optional<SignedIn> current(HttpServletRequest request) throws SQLException {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(USER) instanceof Long userId)) {
            return Optional.empty();
        }
        Optional<AdminUser> user = users.find(userId).filter(AdminUser::active);
        if (user.isEmpty()) {
            invalidate(request);
            return Optional.empty();
        }
        return Optional.of(new SignedIn(user.get(), csrfToken(session)));
    }

    /**
     * Signs {@code user} in: a new session id (the old one may have been planted: session fixation), the user id, and
     * a fresh CSRF token.
     */
    public static void signIn(HttpServletRequest request, AdminUser user) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession(false);
        session.setAttribute(USER, user.id());
        session.setAttribute(CSRF, Secrets.randomToken(24));
    }

    public static void invalidate(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // Another request ended it first: the outcome is the same.
            }
        }
    }

    /** The session's CSRF token, made on first use (the sign-in form has one before anyone is signed in). */
    public static String csrfToken(HttpSession session) {
        Object token = session.getAttribute(CSRF);
        if (token instanceof String s) {
            return s;
        }
        String created = Secrets.randomToken(24);
        session.setAttribute(CSRF, created);
        return created;
    }

    /** Whether {@code presented} is this request's session CSRF token; false without a session or a token. */
    public static boolean csrfMatches(HttpServletRequest request, String presented) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CSRF) instanceof String expected
                && Secrets.constantTimeEquals(expected, presented);
    }

    /** GET, HEAD and OPTIONS change nothing and need no CSRF token. */
    public static boolean changesState(HttpServletRequest request) {
        String method = request.getMethod();
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }
}
