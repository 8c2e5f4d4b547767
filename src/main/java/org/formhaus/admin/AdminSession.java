package org.formhaus.admin;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.Role;

/**
 * The admin's browser session: which user is signed in, since when, and the session's CSRF token. The user is looked
 * up again on every request, so a session ends at once, on every instance, when its user is deactivated, when their
 * password changes elsewhere (the user's session generation no longer matches), or when it is older than the
 * absolute lifetime, however active it was (the container ends idle sessions). Thread-safe; one per application; the
 * state lives in the container's {@link HttpSession}.
 */
public final class AdminSession {

    /** The header a session's scripts send their CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The form field a session's HTML forms send their CSRF token in. */
    public static final String CSRF_FIELD = "csrf";
    /** The session cookie's name; over HTTPS (a {@code https://} public.url) with the {@code __Host-} prefix. */
    public static final String COOKIE = "FORMHAUS_SESSION";
    public static final String SECURE_COOKIE = "__Host-" + COOKIE;

    private static final String USER = "formhaus.admin.userId";
    private static final String CSRF = "formhaus.admin.csrf";
    private static final String GENERATION = "formhaus.admin.generation";
    private static final String SIGNED_IN_AT = "formhaus.admin.signedInAt";
    /** The account the session acts in: the user's home account at sign-in, another one after a switch. */
    private static final String ACCOUNT = "formhaus.admin.accountId";

    /** Finds a user by id: the store's {@code find}, or a stand-in in tests. */
    @FunctionalInterface
    public interface Users {
        Optional<AdminUser> find(long id) throws SQLException;
    }

    /** Which accounts a user belongs to, in which role: the member store, or a stand-in in tests. */
    public interface Members {
        /** The user's role in the account; empty when they are no member of it. */
        Optional<Role> roleOf(long accountId, long userId) throws SQLException;

        /** Any account the user belongs to (the session moves there when taken out of its current one). */
        Optional<Long> anyAccountOf(long userId) throws SQLException;
    }

    private final Users users;
    private final Members members;
    private final Duration maxLifetime;
    private final Clock clock;

    /** @param maxLifetime how long a session may last after signing in, however active */
    public AdminSession(Users users, Members members, Duration maxLifetime, Clock clock) {
        if (maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("maxLifetime must be positive, is " + maxLifetime);
        }
        this.users = users;
        this.members = members;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    /**
     * The session cookie on {@code context}: HttpOnly, SameSite=Lax, cookies only (never a session id in URLs),
     * ending after {@code idleTimeout} without requests. When Formhaus is served over HTTPS ({@code overHttps}: its
     * public.url is {@code https://}) the cookie is {@value #SECURE_COOKIE}, always Secure, for the whole host
     * (Path=/, no Domain), so neither a subdomain nor plain HTTP can set or overwrite it; otherwise {@value #COOKIE},
     * which containers mark Secure on HTTPS requests themselves (Jetty and Tomcat both do by default). Call before the
     * context starts.
     */
    public static void configureCookie(ServletContext context, Duration idleTimeout, boolean overHttps) {
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        if (overHttps) {
            cookie.setName(SECURE_COOKIE);
            cookie.setSecure(true);
            cookie.setPath("/");
        } else {
            cookie.setName(COOKIE);
        }
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        context.setSessionTimeout(Math.toIntExact(idleTimeout.toMinutes()));
    }

    /**
     * A signed-in, active admin user, their session's CSRF token, the account the session acts in and the user's role
     * there.
     */
    public record SignedIn(AdminUser user, String csrfToken, long accountId, Role role) {
    }

    /**
     * The signed-in user of this request's session, if any. A session whose user is deactivated, whose password
     * changed since, or that outlived {@code maxLifetime} is ended.
     */
    public Optional<SignedIn> current(HttpServletRequest request) throws SQLException {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(USER) instanceof Long userId)) {
            return Optional.empty();
        }
        boolean expired = !(session.getAttribute(SIGNED_IN_AT) instanceof Long since)
                || clock.millis() - since >= maxLifetime.toMillis();
        Object generation = session.getAttribute(GENERATION);
        Optional<AdminUser> user = expired ? Optional.empty() : users.find(userId)
                .filter(u -> u.active() && generation instanceof Integer g && g == u.sessionGeneration());
        if (user.isEmpty()) {
            invalidate(request);
            return Optional.empty();
        }
        long account = session.getAttribute(ACCOUNT) instanceof Long a ? a : user.get().accountId();
        Optional<Role> role = members.roleOf(account, userId);
        if (role.isEmpty()) {
            // Taken out of this account meanwhile: go on in another one, if any is left.
            Optional<Long> other = members.anyAccountOf(userId);
            role = other.isEmpty() ? Optional.empty() : members.roleOf(other.get(), userId);
            if (role.isEmpty()) {
                invalidate(request);
                return Optional.empty();
            }
            account = other.get();
            session.setAttribute(ACCOUNT, account);
        }
        return Optional.of(new SignedIn(user.get(), csrfToken(session), account, role.get()));
    }

    /**
     * Makes the signed-in session act in {@code accountId} from now on, with a new session id and a new CSRF token
     * (pages of the other account still open in the browser can no longer change anything).
     *
     * @return the role there; empty (and nothing changed) when the user is no member of that account
     */
    public Optional<Role> switchTo(HttpServletRequest request, long accountId) throws SQLException {
        Optional<SignedIn> signedIn = current(request);
        if (signedIn.isEmpty()) {
            return Optional.empty();
        }
        Optional<Role> role = members.roleOf(accountId, signedIn.get().user().id());
        if (role.isPresent()) {
            request.changeSessionId();
            HttpSession session = request.getSession(false);
            session.setAttribute(ACCOUNT, accountId);
            session.setAttribute(CSRF, Secrets.randomToken(24));
        }
        return role;
    }

    /**
     * Signs {@code user} in: a new session id (the old one may have been planted: session fixation), the user, the
     * time, and a fresh CSRF token.
     */
    public void signIn(HttpServletRequest request, AdminUser user) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession(false);
        session.setAttribute(USER, user.id());
        session.setAttribute(GENERATION, user.sessionGeneration());
        session.setAttribute(SIGNED_IN_AT, clock.millis());
        session.setAttribute(ACCOUNT, user.accountId());
        session.setAttribute(CSRF, Secrets.randomToken(24));
    }

    /**
     * After the signed-in user changed their own password (which ended all their sessions): this one goes on, with
     * a new id, as signed in with {@code generation}; its sign-in time stays.
     */
    public void keepAfterPasswordChange(HttpServletRequest request, int generation) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(USER) != null) {
            request.changeSessionId();
            request.getSession(false).setAttribute(GENERATION, generation);
        }
    }

    /** The user id this request's session was signed in as, whether or not it is still valid. */
    public static Optional<Long> userIdOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(USER) instanceof Long id ? Optional.of(id) : Optional.empty();
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
