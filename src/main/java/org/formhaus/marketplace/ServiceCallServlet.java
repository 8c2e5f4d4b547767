package org.formhaus.marketplace;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.formhaus.admin.AdminSession;
import org.formhaus.admin.PasswordCheck;
import org.formhaus.audit.SecurityEventKind;
import org.formhaus.audit.SecurityLog;
import org.formhaus.forms.EmailAddresses;
import org.formhaus.http.HttpProblem;
import org.formhaus.passwords.PasswordHasher;
import org.formhaus.passwords.PasswordProblem;
import org.formhaus.passwords.PasswordRules;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.MarketplaceStore;

/**
 * A user of a Marketplace customer opening Formhaus from inside onOffice. {@code GET /marketplace/open} is the signed
 * service call: its signature and timestamp are checked exactly as the activation's, it works once, and its
 * {@code apiClaim} becomes the account's latest claim. Then:
 * <ul>
 * <li>an onOffice user linked to an admin user of the account is signed in as that user at once, since onOffice
 *     vouched for them with the provider secret's signature;</li>
 * <li>otherwise a page asks, if the account has no admin user yet, for the email and password of its first login
 *     (created, linked, signed in), or else for an existing login of this account (checked once, then linked).</li>
 * </ul>
 * {@code POST /marketplace/login} answers that page; it needs the session's CSRF token and the pending login the
 * verified GET left in the session. Every session made here belongs to the customer's account only.
 */
public final class ServiceCallServlet extends HttpServlet {

    private static final System.Logger LOG = System.getLogger(ServiceCallServlet.class.getName());
    private static final List<String> REQUIRED = List.of("apiClaim", "customerWebId", "userId", "timestamp");

    private final MarketplacePages pages;
    private final SignedLink links;
    private final MarketplaceStore store;
    private final AdminUserStore users;
    private final Logins logins;
    private final Duration loginLifetime;
    private final Clock clock;

    ServiceCallServlet(MarketplacePages pages, SignedLink links, MarketplaceStore store, AdminUserStore users,
                       Logins logins, Duration loginLifetime, Clock clock) {
        this.pages = pages;
        this.links = links;
        this.store = store;
        this.users = users;
        this.logins = logins;
        this.loginLifetime = loginLifetime;
        this.clock = clock;
    }

    /** What signing in here needs from the admin side: sessions, the password check and the security log. */
    record Logins(AdminSession sessions, PasswordCheck passwords, SecurityLog log) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!request.getServletPath().equals("/marketplace/open")) {
                throw new HttpProblem(405, "Method GET not allowed");
            }
            open(request, response);
        } catch (Exception e) {
            pages.error(request, response, "open", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!request.getServletPath().equals("/marketplace/login")) {
                throw new HttpProblem(405, "Method POST not allowed");
            }
            login(request, response);
        } catch (Exception e) {
            pages.error(request, response, "open", e);
        }
    }

    private void open(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Map<String, String> params = links.verify(request, REQUIRED);
        String customer = params.get("customerWebId");
        String user = params.get("userId");
        // A used link stays refused for twice the window: its timestamp may be that far from ours either way.
        if (!store.useLinkOnce(params.get("signature"), clock.millis() + 2 * links.window().toMillis())) {
            throw new ActivationException(403, "This link was already used. Please open Formhaus again from onOffice.");
        }
        long account = store.recordServiceCall(customer, user, params.get("apiClaim")).orElseThrow(() ->
                new ActivationException(404, "Formhaus is not activated for this onOffice customer yet. Please "
                        + "activate it in the onOffice Marketplace first."));
        Optional<AdminUser> linked = store.linkedAdmin(customer, user).flatMap(this::find)
                .filter(u -> u.active() && u.accountId() == account);
        if (linked.isPresent()) {
            logins.sessions().signIn(request, linked.get());
            logins.log().record(account, linked.get().id(), SecurityEventKind.SIGN_IN, "from onOffice (user linked)");
            LOG.log(Level.INFO, "onOffice user " + user + " of Marketplace customer " + customer + " opened account "
                    + account + " as admin user " + linked.get().id());
            redirect(request, response, "/admin");
            return;
        }
        // Whatever this browser was signed in to before, what follows belongs to this customer's account only.
        AdminSession.invalidate(request);
        HttpSession session = request.getSession(true);
        PendingLogin pending = new PendingLogin(account, customer, user, store.hasAdmins(account)
                ? PendingLogin.Mode.LINK : PendingLogin.Mode.CREATE, clock.millis() + loginLifetime.toMillis(), 0);
        session.setAttribute(PendingLogin.ATTRIBUTE, pending);
        form(request, response, 200, pending, "", null);
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws Exception {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PendingLogin.ATTRIBUTE) instanceof PendingLogin pending)
                || pending.expiresMs() < clock.millis()) {
            throw new ActivationException(400, "This page has expired. Please open Formhaus again from onOffice.");
        }
        if (!AdminSession.csrfMatches(request, request.getParameter(AdminSession.CSRF_FIELD))) {
            throw new ActivationException(403, "csrf: the form's security token is missing or wrong. Please open "
                    + "Formhaus again from onOffice.");
        }
        String email = param(request, "email");
        String password = request.getParameter("password") == null ? "" : request.getParameter("password");
        if (pending.mode() == PendingLogin.Mode.CREATE) {
            create(request, response, pending, email, password);
        } else {
            link(request, response, pending, email, password);
        }
    }

    private void create(HttpServletRequest request, HttpServletResponse response, PendingLogin pending, String email,
                        String password) throws Exception {
        if (!EmailAddresses.isValid(email)) {
            form(request, response, 400, pending, email, "email: please enter a valid email address.");
            return;
        }
        Optional<PasswordProblem> weak = PasswordRules.STANDARD.problem(password, email);
        if (weak.isPresent()) {
            form(request, response, 400, pending, email, "password: " + weak.get().message() + ".");
            return;
        }
        Optional<AdminUser> created;
        try {
            created = store.createFirstAdmin(pending.accountId(), pending.customerWebId(), pending.userId(), email,
                    PasswordHasher.OWASP.hash(password));
        } catch (SQLIntegrityConstraintViolationException taken) {
            form(request, response, 409, pending, email, "email: another Formhaus login already uses this address.");
            return;
        }
        if (created.isEmpty()) {
            // Someone created the first login meanwhile: this user links to it (or asks its owner) instead.
            PendingLogin linking = pending.as(PendingLogin.Mode.LINK);
            request.getSession().setAttribute(PendingLogin.ATTRIBUTE, linking);
            form(request, response, 409, linking, email, "This account got its first login meanwhile. Please sign in "
                    + "with it.");
            return;
        }
        LOG.log(Level.INFO, "onOffice user " + pending.userId() + " of Marketplace customer " + pending.customerWebId()
                + " created the first admin user " + created.get().id() + " of account " + pending.accountId());
        logins.log().record(pending.accountId(), created.get().id(), SecurityEventKind.USER_CREATED,
                "first login, from onOffice");
        signIn(request, response, created.get());
    }

    private void link(HttpServletRequest request, HttpServletResponse response, PendingLogin pending, String email,
                      String password) throws Exception {
        Optional<AdminUser> user = email.isEmpty() ? Optional.empty() : users.findByEmail(email)
                .filter(u -> u.accountId() == pending.accountId());
        if (!logins.passwords().verify(user, password)) {
            if (user.isPresent()) {
                logins.log().record(user.get().accountId(), user.get().id(), SecurityEventKind.SIGN_IN_FAILED,
                        "from onOffice, linking a login");
            }
            PendingLogin failed = pending.failed();
            if (failed.failures() >= PendingLogin.MAX_FAILURES) {
                request.getSession().removeAttribute(PendingLogin.ATTRIBUTE);
                throw new ActivationException(429, "Too many failed attempts. Please open Formhaus again from "
                        + "onOffice.");
            }
            request.getSession().setAttribute(PendingLogin.ATTRIBUTE, failed);
            form(request, response, 401, failed, email, "The email or password is wrong, or the login belongs to "
                    + "another account.");
            return;
        }
        store.link(pending.customerWebId(), pending.userId(), user.get().id());
        LOG.log(Level.INFO, "onOffice user " + pending.userId() + " of Marketplace customer " + pending.customerWebId()
                + " linked to admin user " + user.get().id());
        signIn(request, response, user.get());
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response, AdminUser user) throws IOException {
        request.getSession().removeAttribute(PendingLogin.ATTRIBUTE);
        logins.sessions().signIn(request, user);
        logins.log().record(user.accountId(), user.id(), SecurityEventKind.SIGN_IN, "from onOffice, with password");
        redirect(request, response, "/admin");
    }

    private void form(HttpServletRequest request, HttpServletResponse response, int status, PendingLogin pending,
                      String email, String error) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("create", pending.mode() == PendingLogin.Mode.CREATE);
        model.put("email", email);
        model.put("csrf", AdminSession.csrfToken(request.getSession()));
        model.put("loginUrl", request.getContextPath() + "/marketplace/login");
        model.put("minPassword", PasswordRules.MIN_LENGTH);
        if (error != null) {
            model.put("error", error);
        }
        pages.page(request, response, status, "marketplace/login.ftlh", model);
    }

    private Optional<AdminUser> find(long id) {
        try {
            return users.find(id);
        } catch (java.sql.SQLException e) {
            throw new org.formhaus.storage.StorageException("Reading admin user " + id + " failed", e);
        }
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(303);
        response.setHeader("Location", request.getContextPath() + path);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
