package org.formhaus.admin.ui;

import org.formhaus.admin.Endpoint;
import org.formhaus.admin.AdminEndpoints;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.formhaus.admin.AdminSession;
import org.formhaus.admin.LoginThrottle;
import org.formhaus.admin.PasswordCheck;
import org.formhaus.audit.SecurityEventKind;
import org.formhaus.audit.SecurityLog;
import org.formhaus.render.Templates;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.AdminUserStore;

/**
 * {@code /admin/login} (the sign-in form, and signing in with email and password) and {@code POST /admin/logout}.
 * Every failure gets the same message, whether the email is unknown, the password wrong or the user deactivated, and
 * takes about as long; attempts are throttled per email and per client address, counted before the password is
 * checked. Sign-ins, failures, throttling and sign-outs are security events.
 */
public final class LoginServlet extends PageServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.open("GET", "/admin/login"), Endpoint.open("POST", "/admin/login"),
            Endpoint.open("GET", "/admin/logout"), Endpoint.open("POST", "/admin/logout"));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    private final AdminUserStore users;
    private final AdminSession sessions;
    private final PasswordCheck passwords;
    private final LoginThrottle throttle;
    private final SecurityLog log;

    public LoginServlet(Templates templates, AdminUserStore users, AdminSession sessions, PasswordCheck passwords,
                        LoginThrottle throttle, SecurityLog log) {
        super(templates);
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.throttle = throttle;
        this.log = log;
    }

    @Override
    protected void get(Page page) throws Exception {
        if (page.request().getServletPath().equals("/admin/logout")) {
            redirect(page, "/admin/login");
            return;
        }
        if (sessions.current(page.request()).isPresent()) {
            redirect(page, next(page));
            return;
        }
        // The form's CSRF token lives in a session made now; signing in changes that session's id.
        page.request().getSession(true);
        form(page, 200, "", null);
    }

    @Override
    protected void post(Page page) throws Exception {
        if (page.request().getServletPath().equals("/admin/logout")) {
            signOut(page);
            return;
        }
        String email = param(page, "email");
        String password = page.request().getParameter("password");
        LoginThrottle.Attempt attempt = throttle.begin(email, page.request().getRemoteAddr());
        if (!attempt.allowed()) {
            if (attempt.firstRefusal()) {
                record(email.isEmpty() ? Optional.empty() : users.findByEmail(email), SecurityEventKind.SIGN_IN_THROTTLED, "sign-in limit reached");
            }
            page.response().setHeader("Retry-After", Long.toString(Math.max(1, attempt.retryAfter().toSeconds())));
            form(page, 429, email, page.text().get("login.throttled")
                    .replace("{minutes}", Long.toString(Math.max(1, (attempt.retryAfter().toSeconds() + 59) / 60))));
            return;
        }
        Optional<AdminUser> user = email.isEmpty() ? Optional.empty() : users.findByEmail(email);
        if (!passwords.verify(user, password)) {
            record(user, SecurityEventKind.SIGN_IN_FAILED, user.isEmpty() ? "unknown email"
                    : user.get().active() ? "wrong password" : "user is deactivated");
            form(page, 401, email, page.text().get("login.failed"));
            return;
        }
        attempt.succeeded();
        sessions.signIn(page.request(), user.get());
        log.record(user.get().accountId(), user.get().id(), SecurityEventKind.SIGN_IN, "with password");
        redirect(page, next(page));
    }

    private void signOut(Page page) throws Exception {
        Optional<AdminSession.SignedIn> signedIn = sessions.current(page.request());
        AdminSession.invalidate(page.request());
        signedIn.ifPresent(s -> log.record(s.accountId(), s.user().id(), SecurityEventKind.SIGN_OUT, ""));
        redirect(page, "/admin/login");
    }

    /** An event of the user's account; a user nobody knows belongs to no account: server log only. */
    private void record(Optional<AdminUser> user, SecurityEventKind kind, String detail) {
        if (user.isPresent()) {
            log.record(user.get().accountId(), user.get().id(), kind, detail);
        } else {
            log.unattributed(kind, detail);
        }
    }

    /** The sign-in form's own token expired with its session: show the form again, fresh, rather than an error. */
    @Override
    protected void csrfRefused(Page page) throws java.io.IOException {
        if (page.request().getServletPath().equals("/admin/logout")) {
            super.csrfRefused(page);
            return;
        }
        page.request().getSession(true);
        form(page, 403, param(page, "email"), page.text().get("login.expired"));
    }

    private void form(Page page, int status, String email, String error) throws java.io.IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        model.put("next", next(page));
        if (error != null) {
            model.put("error", error);
        }
        render(page, status, "admin/login.ftlh", model);
    }

    /** Where to go after signing in: a path inside the admin UI, never another site. */
    private static String next(Page page) {
        String next = page.request().getParameter("next");
        return next != null && next.matches("/admin(/[A-Za-z0-9._~/_-]*)?") && !next.contains("//") ? next : "/admin";
    }

    private static String param(Page page, String name) {
        String value = page.request().getParameter(name);
        return value == null ? "" : value.strip();
    }
}
