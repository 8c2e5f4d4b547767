package org.formhaus.admin;

import org.formhaus.storage.Role;
import java.util.List;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.formhaus.audit.SecurityEventKind;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.ApiToken;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.KnownKeys;
import org.formhaus.http.JsonServlet;

/**
 * {@code /admin/api/tokens[/{id}]}: the account's API tokens (an owner's view; any other member sees and revokes only
 * their own). GET lists them (id, label, user, created; never the
 * token), POST {@code {"label": ...}} creates one for the calling user (it acts as that user and stops when the user
 * is deactivated) and answers it once, DELETE revokes one. Creating and revoking are security events.
 */
public final class TokensApiServlet extends JsonServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/api/tokens", Role.VIEWER),
            Endpoint.of("POST", "/admin/api/tokens", Role.VIEWER),
            Endpoint.of("DELETE", "/admin/api/tokens/{token}", Role.VIEWER));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    private static final int MAX_LABEL = 200;
    /** What a create may hold. */
    static final KnownKeys BODY = KnownKeys.of("label");

    private final AdminUserStore users;

    public TokensApiServlet(AdminUserStore users) {
        this.users = users;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        JsonArray list = new JsonArray();
        Caller caller = AdminAuthFilter.callerOf(request);
        // An owner sees (and may revoke) every token of the account; another member only their own.
        List<ApiToken> tokens = caller.role() == Role.OWNER ? users.tokens(caller.accountId())
                : users.tokens(caller.accountId(), caller.userId());
        for (ApiToken token : tokens) {
            list.add(view(token));
        }
        Json.send(response, 200, list);
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (segments(request).length != 0) {
            throw HttpProblem.notFound("Endpoint");
        }
        JsonElement labelJson = Json.objectBody(request, BODY).get("label");
        if (labelJson != null && !labelJson.isJsonNull() && !labelJson.isJsonPrimitive()) {
            throw HttpProblem.badRequest("label: must be a string");
        }
        String label = labelJson == null || labelJson.isJsonNull() ? "" : labelJson.getAsString().strip();
        if (label.length() > MAX_LABEL) {
            throw HttpProblem.badRequest("label: at most " + MAX_LABEL + " characters");
        }
        String token = Secrets.randomToken(24);
        String hash = Secrets.tokenHash(token);
        Caller caller = AdminAuthFilter.callerOf(request);
        users.addToken(caller.accountId(), caller.userId(), hash, label);
        caller.record(SecurityEventKind.TOKEN_CREATED, "token " + ApiToken.idOf(hash));
        String owner = users.find(caller.userId()).map(AdminUser::email).orElse("");
        JsonObject json = view(new ApiToken(ApiToken.idOf(hash), label, owner, System.currentTimeMillis()));
        // The only time the token is ever shown: only its hash is stored.
        json.addProperty("token", token);
        Json.send(response, 201, json);
    }

    @Override
    protected void delete(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Json.noBody(request);
        String[] path = segments(request);
        Caller caller = AdminAuthFilter.callerOf(request);
        if (path.length != 1 || !(caller.role() == Role.OWNER ? users.revokeToken(caller.accountId(), path[0])
                : users.revokeOwnToken(caller.accountId(), caller.userId(), path[0]))) {
            throw HttpProblem.notFound("API token");
        }
        AdminAuthFilter.callerOf(request).record(SecurityEventKind.TOKEN_REVOKED, "token " + path[0]);
        response.setStatus(204);
    }

    private static JsonObject view(ApiToken token) {
        JsonObject json = new JsonObject();
        json.addProperty("id", token.id());
        json.addProperty("label", token.label());
        json.addProperty("user", token.userEmail());
        json.addProperty("created", Instant.ofEpochMilli(token.createdMs()).toString());
        return json;
    }
}
