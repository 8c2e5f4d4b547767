package org.formhaus.admin.ui;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.formhaus.admin.AdminSession;
import org.formhaus.admin.Secrets;
import org.formhaus.render.Templates;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.AdminUserStore;

/**
 * {@code /admin/login} (the sign-in form, and signing in with email and password) and {@code POST /admin/logout}.
 * Every failure gets the same message, whether the email is unknown, the password wrong or the user deactivated, and
 * takes about as long; repeated failures are throttled per email and per client address.
 */
public final class LoginServlet extends PageServlet {

    /** A hash of a random password: checked against when the email is unknown, so that case takes as long. */
    private static final String DUMMY_HASH = Secrets.hashPassword(Secrets.randomToken(16));

    private final AdminUserStore users;
    private final AdminSession sessions;
    private final LoginThrottle throttle;

    public LoginServlet(Templates templates, AdminUserStore users, int failuresPerEmail, int failuresPerAddress,
                        Duration window) {
        super(templates);
        this.users = users;
        this.sessions = new AdminSession(users);
        this.throttle = new LoginThrottle(failuresPerEmail, failuresPerAddress, window, java.time.Clock.systemUTC());
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
            AdminSession.invalidate(page.request());
            redirect(page, "/admin/login");
            return;
        }
        String email = param(page, "email");
        String password = page.request().getParameter("password");
        String address = page.request().getRemoteAddr();
        Duration wait = throttle.wait(email, address);
        if (!wait.isZero()) {
            page.response().setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            form(page, 429, email, page.text().get("login.throttled")
                    .replace("{minutes}", Long.toString(Math.max(1, (wait.toSeconds() + 59) / 60))));
            return;
        }
        Optional<AdminUser> user = email.isEmpty() ? Optional.empty() : users.findByEmail(email);
        boolean matches = Secrets.passwordMatches(password == null ? "" : password,
                user.map(AdminUser::passwordHash).orElse(DUMMY_HASH));
        if (user.isEmpty() || !matches || !user.get().active()) {
            throttle.failed(email, address);
            form(page, 401, email, page.text().get("login.failed"));
            return;
        }
        throttle.succeeded(email);
        AdminSession.signIn(page.request(), user.get());
        redirect(page, next(page));
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
        return next != null && next.matches("/admin(/[A-Za-z0-9._~/-]*)?") && !next.contains("//") ? next : "/admin";
    }

    private static String param(Page page, String name) {
        String value = page.request().getParameter(name);
        return value == null ? "" : value.strip();
    }
}
