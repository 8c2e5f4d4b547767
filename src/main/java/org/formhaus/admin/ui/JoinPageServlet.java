package org.formhaus.admin.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.formhaus.admin.AdminEndpoints;
import org.formhaus.admin.AdminSession;
import org.formhaus.admin.Endpoint;
import org.formhaus.admin.Team;
import org.formhaus.http.HttpProblem;
import org.formhaus.passwords.PasswordRules;
import org.formhaus.render.Templates;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.Invitation;

/**
 * {@code /admin/join/{token}}: where an invitation link leads. Someone signed in joins the account with one button
 * (and their session moves there); anyone else sets their name, email and password and becomes a new user of it, or
 * signs in first when they already are one. A link that is unknown, used or expired shows why it cannot be used, in
 * one message that does not tell the three apart. Open: the token is the credential.
 */
public final class JoinPageServlet extends PageServlet implements AdminEndpoints {

    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.open("GET", "/admin/join/{token}"),
            Endpoint.open("POST", "/admin/join/{token}"));

    private final Team team;
    private final AdminSession sessions;
    private final AccountStore accounts;

    public JoinPageServlet(Templates templates, Team team, AdminSession sessions, AccountStore accounts) {
        super(templates);
        this.team = team;
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }

    @Override
    protected void get(Page page) throws Exception {
        // The form's CSRF token lives in a session made now (as on the sign-in form).
        page.request().getSession(true);
        show(page, 200, token(page), "", "", null);
    }

    @Override
    protected void post(Page page) throws Exception {
        String token = token(page);
        Optional<AdminSession.SignedIn> signedIn = sessions.current(page.request());
        String email = param(page, "email");
        String name = param(page, "name");
        try {
            if (signedIn.isPresent()) {
                Invitation joined = team.joinAsUser(token, signedIn.get().user());
                sessions.switchTo(page.request(), joined.accountId());
            } else {
                AdminUser created = team.joinAsNewUser(token, email, name,
                        Optional.ofNullable(page.request().getParameter("password")).orElse(""));
                sessions.signIn(page.request(), created);
            }
        } catch (HttpProblem refused) {
            if (refused.status() == 404) {
                throw unusable(page);
            }
            show(page, refused.status(), token, email, name, localized(page, refused, email, signedIn.isPresent()));
            return;
        }
        redirect(page, "/admin");
    }

    private void show(Page page, int status, String token, String email, String name, String error)
            throws Exception {
        Invitation invitation;
        try {
            invitation = team.usable(token);
        } catch (HttpProblem unknown) {
            throw unusable(page);
        }
        Map<String, Object> model = new HashMap<>();
        Optional<AdminSession.SignedIn> signedIn = sessions.current(page.request());
        signedIn.ifPresent(s -> model.put("user", s.user().email()));
        model.put("account", accounts.find(invitation.accountId()).map(a -> a.name()).orElse(""));
        model.put("role", invitation.role().jsonName());
        model.put("roleName", page.text().get("team.role." + invitation.role().jsonName()));
        model.put("token", token);
        model.put("email", email);
        model.put("name", name);
        if (error != null) {
            model.put("error", error);
        }
        render(page, status, "admin/join.ftlh", model);
    }

    /** The refusal in the page's language, by the field its message names. */
    private static String localized(Page page, HttpProblem refused, String email, boolean signedIn) {
        String message = refused.getMessage();
        if (signedIn) {
            return page.text().get("join.problem.member");
        }
        if (message.startsWith("password:")) {
            return PasswordRules.STANDARD.problem(Optional.ofNullable(page.request().getParameter("password"))
                    .orElse(""), email).map(p -> page.text().get("password.problem." + p.name())
                    .replace("{min}", Integer.toString(PasswordRules.MIN_LENGTH))
                    .replace("{max}", Integer.toString(PasswordRules.MAX_LENGTH))).orElse(message);
        }
        if (message.startsWith("email:")) {
            return page.text().get(refused.status() == 409 ? "join.problem.exists" : "join.problem.email");
        }
        return message.startsWith("name:") ? page.text().get("join.problem.name") : message;
    }

    private static HttpProblem unusable(Page page) {
        return new HttpProblem(404, page.text().get("join.unusable"));
    }

    private static String token(Page page) {
        String info = page.request().getPathInfo();
        String token = info == null ? "" : info.substring(1);
        if (!token.matches("[A-Za-z0-9_-]{16,64}")) {
            throw unusable(page);
        }
        return token;
    }

    private static String param(Page page, String name) {
        return Optional.ofNullable(page.request().getParameter(name)).orElse("").strip();
    }
}
