package org.formhaus.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import org.formhaus.editing.EditLinks;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.JsonServlet;
import org.formhaus.http.KnownKeys;
import org.formhaus.storage.EditLink;
import org.formhaus.storage.Role;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionStore;

/**
 * {@code /admin/api/edit-links}: the account's edit links (#12), never their tokens or onOffice ids. Viewers read,
 * editors revoke.
 * <ul>
 * <li>{@code GET ?form=KEY} or {@code ?submission=ID} → [{id, form, module, state, created, expires, revoked}]: the
 * links of an edit form, or the links a submission's e-mails carried and the links to the records it created or
 * edited. {@code state}: {@code active}, {@code pending} (its record not created yet), {@code expired},
 * {@code revoked}.</li>
 * <li>{@code POST {link}/revoke} (no body) → the link, revoked; 404 for another account's or an unknown link.</li>
 * <li>{@code POST revoke} {@code {"form": KEY}} or {@code {"submission": ID}} → {@code {"revoked": n}}: every link of
 * that form, or every link of that submission and of the records it created or edited.</li>
 * </ul>
 * A revoked link gets the visitor a 410 page at once; revoking cannot be undone.
 */
public final class EditLinksApiServlet extends JsonServlet implements AdminEndpoints {

    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/api/edit-links", Role.VIEWER),
            Endpoint.of("POST", "/admin/api/edit-links/revoke", Role.EDITOR),
            Endpoint.of("POST", "/admin/api/edit-links/{link}/revoke", Role.EDITOR));
    static final KnownKeys REVOKE_ALL = KnownKeys.of("form", "submission");

    private final EditLinks links;
    private final SubmissionStore submissions;

    public EditLinksApiServlet(EditLinks links, SubmissionStore submissions) {
        this.links = links;
        this.submissions = submissions;
    }

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        KnownKeys.checkParameters(request, "form", "submission");
        long account = AdminAuthFilter.accountOf(request);
        String form = request.getParameter("form");
        String submission = request.getParameter("submission");
        if ((form == null) == (submission == null)) {
            throw HttpProblem.badRequest("form or submission: give exactly one");
        }
        List<EditLink> found = form != null ? links.ofForm(account, form) : links.ofSubmission(submission(account,
                submission));
        JsonArray list = new JsonArray();
        found.forEach(l -> list.add(view(l)));
        Json.send(response, 200, list);
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        long account = AdminAuthFilter.accountOf(request);
        String[] path = segments(request);
        if (path.length == 1 && path[0].equals("revoke")) {
            JsonObject body = Json.objectBody(request, REVOKE_ALL);
            String form = text(body, "form");
            String submission = text(body, "submission");
            if ((form == null) == (submission == null)) {
                throw HttpProblem.badRequest("form or submission: give exactly one");
            }
            int n = form != null ? links.revokeForm(account, form)
                    : links.revokeSubmission(submission(account, submission));
            JsonObject reply = new JsonObject();
            reply.addProperty("revoked", n);
            Json.send(response, 200, reply);
            return;
        }
        if (path.length != 2 || !path[1].equals("revoke")) {
            throw HttpProblem.notFound("Edit link");
        }
        Json.noBody(request);
        EditLink link = links.store().byId(account, path[0]).orElseThrow(() -> HttpProblem.notFound("Edit link"));
        links.revoke(account, link.id());
        Json.send(response, 200, view(links.store().byId(account, link.id()).orElse(link)));
    }

    private Submission submission(long account, String id) throws java.sql.SQLException {
        return submissions.find(id).filter(s -> s.accountId() == account)
                .orElseThrow(() -> HttpProblem.notFound("Submission"));
    }

    private static String text(JsonObject body, String key) {
        JsonElement e = body.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || e.getAsString().isBlank()) {
            throw HttpProblem.badRequest(key + ": must be a non-empty string");
        }
        return e.getAsString();
    }

    private JsonObject view(EditLink link) {
        JsonObject json = new JsonObject();
        json.addProperty("id", link.id());
        json.addProperty("form", link.formKey());
        json.addProperty("module", link.module());
        json.addProperty("state", links.state(link));
        json.addProperty("created", Instant.ofEpochMilli(link.createdMs()).toString());
        json.addProperty("expires", Instant.ofEpochMilli(link.expiresMs()).toString());
        if (link.revokedMs() != null) {
            json.addProperty("revoked", Instant.ofEpochMilli(link.revokedMs()).toString());
        }
        return json;
    }
}
