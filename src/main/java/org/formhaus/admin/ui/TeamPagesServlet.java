package org.formhaus.admin.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.formhaus.admin.AdminEndpoints;
import org.formhaus.admin.AdminSession;
import org.formhaus.admin.Endpoint;
import org.formhaus.admin.FormCopy;
import org.formhaus.admin.Team;
import org.formhaus.audit.SecurityEventKind;
import org.formhaus.audit.SecurityLog;
import org.formhaus.http.HttpProblem;
import org.formhaus.render.Templates;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.Invitation;
import org.formhaus.storage.Membership;
import org.formhaus.storage.Role;
import org.formhaus.storage.StoredForm;

/**
 * The team's pages: {@code /admin/team} (the owner's members, roles, invitations) and {@code /admin/accounts} (the
 * accounts a user belongs to: switch to another, copy forms there). Plain HTML forms posting back here; each change
 * goes through {@link Team} or {@link FormCopy} like the admin API's, and switching is a security event of both
 * accounts.
 */
public final class TeamPagesServlet extends PageServlet implements AdminEndpoints {

    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/team", Role.OWNER),
            Endpoint.of("POST", "/admin/team/invitations", Role.OWNER),
            Endpoint.of("POST", "/admin/team/invitations/{invitation}/withdraw", Role.OWNER),
            Endpoint.of("POST", "/admin/team/members/{member}/role", Role.OWNER),
            Endpoint.of("POST", "/admin/team/members/{member}/remove", Role.OWNER),
            Endpoint.of("GET", "/admin/accounts", Role.VIEWER),
            Endpoint.of("POST", "/admin/accounts/{account}/switch", Role.VIEWER),
            Endpoint.of("POST", "/admin/accounts/copy", Role.EDITOR));

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final Team team;
    private final FormCopy copy;
    private final FormStore forms;
    private final AdminSession sessions;
    private final SecurityLog log;
    private final String publicUrl;

    public TeamPagesServlet(Templates templates, Team team, FormCopy copy, FormStore forms, AdminSession sessions,
                            SecurityLog log, String publicUrl) {
        super(templates);
        this.team = team;
        this.copy = copy;
        this.forms = forms;
        this.sessions = sessions;
        this.log = log;
        this.publicUrl = publicUrl;
    }

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }

    @Override
    protected void get(Page page) throws Exception {
        AdminSession.SignedIn signedIn = signedIn(page);
        Map<String, Object> model = new HashMap<>();
        if (page.request().getServletPath().equals("/admin/team")) {
            teamPage(page, 200, signedIn, model);
        } else {
            accountsPage(page, 200, signedIn, model);
        }
    }

    @Override
    protected void post(Page page) throws Exception {
        AdminSession.SignedIn signedIn = signedIn(page);
        String[] path = path(page);
        long account = signedIn.accountId();
        long user = signedIn.user().id();
        Map<String, Object> model = new HashMap<>();
        if (page.request().getServletPath().equals("/admin/accounts")) {
            if (path.length == 1 && path[0].equals("copy")) {
                copyForms(page, signedIn, model);
                return;
            }
            long target = number(path[0]);
            if (sessions.switchTo(page.request(), target).isEmpty()) {
                throw HttpProblem.notFound("Account " + target);
            }
            if (target != account) {
                log.record(account, user, SecurityEventKind.ACCOUNT_SWITCHED, "to account " + target);
                log.record(target, user, SecurityEventKind.ACCOUNT_SWITCHED, "from account " + account);
            }
            redirect(page, "/admin/accounts?switched=" + target);
            return;
        }
        try {
            if (path[0].equals("invitations") && path.length == 1) {
                int days = (int) Math.min(Team.MAX_VALID_DAYS + 1L, number(param(page, "days", "7")));
                Role role = Role.ofJsonName(param(page, "role", "")).orElseThrow(() ->
                        HttpProblem.badRequest("role: one of owner, editor, viewer"));
                Team.NewInvitation created = team.invite(account, user, role, param(page, "note", ""), days);
                model.put("link", base(page) + Team.JOIN_PATH + created.token());
            } else if (path[0].equals("invitations")) {
                team.withdraw(account, user, path[1]);
                model.put("changed", true);
            } else if (team.members().members(account).stream().noneMatch(m -> m.userId() == number(path[1]))) {
                // Another account's user is unknown here, whatever the form says.
                throw HttpProblem.notFound("Member " + path[1]);
            } else if (path[2].equals("role")) {
                Role role = Role.ofJsonName(param(page, "role", "")).orElseThrow(() ->
                        HttpProblem.badRequest("role: one of owner, editor, viewer"));
                team.changeRole(account, user, number(path[1]), role);
                model.put("changed", true);
            } else {
                team.remove(account, user, number(path[1]));
                model.put("changed", true);
            }
        } catch (HttpProblem refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            model.put("error", page.text().get("team.lastOwner"));
            teamPage(page, 409, signedIn, model);
            return;
        }
        // The owner may have demoted themselves: the team page is then no longer theirs.
        Optional<AdminSession.SignedIn> now = sessions.current(page.request());
        if (now.isEmpty() || now.get().accountId() != account || now.get().role() != Role.OWNER) {
            redirect(page, "/admin");
            return;
        }
        teamPage(page, 200, now.get(), model);
    }

    private void teamPage(Page page, int status, AdminSession.SignedIn signedIn, Map<String, Object> model)
            throws Exception {
        List<Map<String, Object>> members = new ArrayList<>();
        for (Membership m : team.members().members(signedIn.accountId())) {
            members.add(Map.of("id", m.userId(), "email", m.email(), "name", m.displayName(),
                    "role", m.role().jsonName(), "joined", TIME.format(Instant.ofEpochMilli(m.joinedMs())),
                    "you", m.userId() == signedIn.user().id()));
        }
        List<Map<String, Object>> invitations = new ArrayList<>();
        for (Invitation i : team.invitations().open(signedIn.accountId(), System.currentTimeMillis())) {
            invitations.add(Map.of("id", i.id(), "role", i.role().jsonName(), "note", i.note(),
                    "by", i.invitedBy(), "expires", TIME.format(Instant.ofEpochMilli(i.expiresMs()))));
        }
        model.put("user", signedIn.user().email());
        model.put("members", members);
        model.put("invitations", invitations);
        model.put("roles", List.of("owner", "editor", "viewer"));
        model.put("maxDays", Team.MAX_VALID_DAYS);
        render(page, status, "admin/team.ftlh", model);
    }

    private void accountsPage(Page page, int status, AdminSession.SignedIn signedIn, Map<String, Object> model)
            throws Exception {
        List<Map<String, Object>> accounts = new ArrayList<>();
        List<Map<String, Object>> targets = new ArrayList<>();
        String current = "";
        for (Membership m : team.members().accountsOf(signedIn.user().id())) {
            Map<String, Object> row = Map.of("id", m.accountId(), "name", m.accountName(), "role", m.role().jsonName(),
                    "current", m.accountId() == signedIn.accountId());
            accounts.add(row);
            if (m.accountId() == signedIn.accountId()) {
                current = m.accountName();
            } else if (m.role().covers(Role.EDITOR)) {
                targets.add(row);
            }
        }
        List<Map<String, Object>> own = new ArrayList<>();
        for (StoredForm f : forms.list(signedIn.accountId())) {
            own.add(Map.of("key", f.key(), "title", Optional.ofNullable(f.definition().title()).orElse(f.key())));
        }
        String switched = page.request().getParameter("switched");
        if (switched != null) {
            model.put("switched", page.text().get("accounts.switched").replace("{account}", current));
        }
        model.put("user", signedIn.user().email());
        model.put("accounts", accounts);
        model.put("targets", targets);
        model.put("forms", own);
        model.put("mayCopy", signedIn.role().covers(Role.EDITOR));
        render(page, status, "admin/accounts.ftlh", model);
    }

    private void copyForms(Page page, AdminSession.SignedIn signedIn, Map<String, Object> model) throws Exception {
        String[] keys = page.request().getParameterValues("forms");
        boolean dryRun = page.request().getParameter("check") != null;
        String to = param(page, "toAccount", "");
        if (!to.matches("[0-9]{1,18}")) {
            throw HttpProblem.badRequest("toAccount: required, the id of an account you belong to");
        }
        List<FormCopy.Outcome> outcomes = copy.copy(signedIn.user().id(), signedIn.accountId(), Long.parseLong(to),
                keys == null ? List.of() : List.of(keys), dryRun);
        List<Map<String, Object>> report = new ArrayList<>();
        for (FormCopy.Outcome o : outcomes) {
            report.add(Map.of("key", o.key(), "title", o.title(), "newKey", o.newKey(), "fits", o.fits(),
                    "problems", o.problems()));
        }
        model.put("report", report);
        model.put("dryRun", dryRun);
        accountsPage(page, 200, signedIn, model);
    }

    private AdminSession.SignedIn signedIn(Page page) throws Exception {
        // The access guard let only signed-in members through; the session may have ended since.
        return sessions.current(page.request()).orElseThrow(() -> new HttpProblem(401, "Sign in again"));
    }

    private String base(Page page) {
        if (!publicUrl.isEmpty()) {
            return publicUrl.replaceAll("/+$", "");
        }
        var r = page.request();
        String host = r.getHeader("Host") == null ? r.getServerName() + ":" + r.getServerPort() : r.getHeader("Host");
        return r.getScheme() + "://" + host + r.getContextPath();
    }

    private static String[] path(Page page) {
        String info = page.request().getPathInfo();
        return info == null || info.equals("/") ? new String[0] : info.substring(1).split("/");
    }

    private static String param(Page page, String name, String otherwise) {
        return Optional.ofNullable(page.request().getParameter(name)).orElse(otherwise).strip();
    }

    private static long number(String value) {
        if (!value.matches("[0-9]{1,18}")) {
            throw HttpProblem.notFound("'" + value + "'");
        }
        return Long.parseLong(value);
    }
}
