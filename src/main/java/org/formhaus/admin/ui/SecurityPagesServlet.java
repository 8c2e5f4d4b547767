package org.formhaus.admin.ui;

import org.formhaus.admin.Endpoint;
import org.formhaus.admin.AdminEndpoints;
import org.formhaus.storage.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.formhaus.admin.AdminSession;
import org.formhaus.admin.PasswordChange;
import org.formhaus.audit.SecurityLog;
import org.formhaus.passwords.PasswordRules;
import org.formhaus.render.Templates;
import org.formhaus.storage.SecurityEvent;
import org.formhaus.http.HttpProblem;

/**
 * The signed-in user's security pages: {@code /admin/password} (change one's own password; every other session of
 * the user ends) and {@code /admin/security} (the account's security event log, newest first). Until accounts have
 * roles (issue 13), every admin user of an account is its owner and sees its log. Thread-safe; one per application.
 */
public final class SecurityPagesServlet extends PageServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/password", Role.VIEWER),
            Endpoint.of("POST", "/admin/password", Role.VIEWER),
            Endpoint.of("GET", "/admin/security", Role.OWNER));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    static final int EVENTS_SHOWN = 200;
    /** With the offset from UTC, so entries can be lined up with other logs. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx")
            .withZone(ZoneId.systemDefault());

    private final AdminSession sessions;
    private final PasswordChange change;
    private final SecurityLog log;

    public SecurityPagesServlet(Templates templates, AdminSession sessions, PasswordChange change, SecurityLog log) {
        super(templates);
        this.sessions = sessions;
        this.change = change;
        this.log = log;
    }

    @Override
    protected void get(Page page) throws Exception {
        Optional<AdminSession.SignedIn> signedIn = sessions.current(page.request());
        if (signedIn.isEmpty()) {
            toLogin(page);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("user", signedIn.get().user().email());
        if (page.request().getServletPath().equals("/admin/password")) {
            password(page, 200, model);
        } else {
            model.put("events", events(page, signedIn.get().accountId()));
            model.put("limit", EVENTS_SHOWN);
            render(page, 200, "admin/security.ftlh", model);
        }
    }

    @Override
    protected void post(Page page) throws Exception {
        Optional<AdminSession.SignedIn> signedIn = sessions.current(page.request());
        if (signedIn.isEmpty()) {
            toLogin(page);
            return;
        }
        if (!page.request().getServletPath().equals("/admin/password")) {
            throw new HttpProblem(405, "Method POST not allowed");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("user", signedIn.get().user().email());
        PasswordChange.Result result = change.change(signedIn.get().user(),
                page.request().getParameter(PasswordChange.CURRENT), page.request().getParameter(PasswordChange.NEW),
                page.request().getRemoteAddr(), "admin UI");
        if (result.refusal().isPresent()) {
            PasswordChange.Refusal refusal = result.refusal().get();
            model.put("errorField", refusal.field());
            model.put("error", page.text().get("password.problem." + refusal.code())
                    .replace("{min}", Integer.toString(PasswordRules.MIN_LENGTH))
                    .replace("{max}", Integer.toString(PasswordRules.MAX_LENGTH))
                    .replace("{minutes}", Long.toString(Math.max(1, (refusal.retryAfter().toSeconds() + 59) / 60))));
            if (!refusal.retryAfter().isZero()) {
                page.response().setHeader("Retry-After", Long.toString(Math.max(1, refusal.retryAfter().toSeconds())));
            }
            password(page, refusal.retryAfter().isZero() ? 400 : 429, model);
            return;
        }
        sessions.keepAfterPasswordChange(page.request(), result.generation());
        model.put("changed", true);
        password(page, 200, model);
    }

    private void password(Page page, int status, Map<String, Object> model) throws java.io.IOException {
        model.put("minLength", PasswordRules.MIN_LENGTH);
        model.put("maxLength", PasswordRules.MAX_LENGTH);
        render(page, status, "admin/password.ftlh", model);
    }

    private List<Map<String, String>> events(Page page, long account) throws Exception {
        return log.recent(account, EVENTS_SHOWN).stream().map(e -> Map.of(
                "time", TIME.format(Instant.ofEpochMilli(e.occurredMs())),
                "kind", e.kind(),
                "what", page.text().messages().getOrDefault("security.kind." + e.kind(), e.kind()),
                "user", user(e),
                "detail", e.detail())).toList();
    }

    private static String user(SecurityEvent event) {
        return event.userEmail() != null ? event.userEmail() : event.userId() == null ? "" : "#" + event.userId();
    }
}
