package org.formhaus.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.ApiToken;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.JsonServlet;

/**
 * {@code /admin/api/tokens[/{id}]}: the account's API tokens. GET lists them (id, label, created; never the token),
 * POST {@code {"label": ...}} creates one and answers it once, DELETE revokes one.
 */
public final class TokensApiServlet extends JsonServlet {

    private static final int MAX_LABEL = 200;

    private final AdminUserStore users;

    public TokensApiServlet(AdminUserStore users) {
        this.users = users;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        JsonArray list = new JsonArray();
        for (ApiToken token : users.tokens(AdminAuthFilter.accountOf(request))) {
            list.add(view(token));
        }
        Json.send(response, 200, list);
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (segments(request).length != 0) {
            throw HttpProblem.notFound("Endpoint");
        }
        JsonElement labelJson = Json.objectBody(request).get("label");
        if (labelJson != null && !labelJson.isJsonNull() && !labelJson.isJsonPrimitive()) {
            throw HttpProblem.badRequest("label: must be a string");
        }
        String label = labelJson == null || labelJson.isJsonNull() ? "" : labelJson.getAsString().strip();
        if (label.length() > MAX_LABEL) {
            throw HttpProblem.badRequest("label: at most " + MAX_LABEL + " characters");
        }
        String token = Secrets.randomToken(24);
        String hash = Secrets.tokenHash(token);
        users.addToken(AdminAuthFilter.accountOf(request), hash, label);
        JsonObject json = view(new ApiToken(hash.substring(0, ApiToken.ID_LENGTH), label, System.currentTimeMillis()));
        // The only time the token is ever shown: only its hash is stored.
        json.addProperty("token", token);
        Json.send(response, 201, json);
    }

    @Override
    protected void delete(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String[] path = segments(request);
        if (path.length != 1 || !users.revokeToken(AdminAuthFilter.accountOf(request), path[0])) {
            throw HttpProblem.notFound("API token");
        }
        response.setStatus(204);
    }

    private static JsonObject view(ApiToken token) {
        JsonObject json = new JsonObject();
        json.addProperty("id", token.id());
        json.addProperty("label", token.label());
        json.addProperty("created", Instant.ofEpochMilli(token.createdMs()).toString());
        return json;
    }
}
