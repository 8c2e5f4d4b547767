package org.formhaus.admin;

import org.formhaus.storage.Role;
import java.util.List;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.formhaus.storage.ApiToken;
import org.formhaus.storage.ProvisioningKeyStore;
import org.formhaus.audit.SecurityEventKind;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.KnownKeys;
import org.formhaus.http.JsonServlet;

/**
 * {@code /admin/api/provisioning-keys[/{id}]}: the account's keys for the user-provisioning API, each managing this
 * account's users only. GET lists them (id, label, created; never the key), POST {@code {"label": ...}} creates one
 * and answers it this once (only its hash is stored), DELETE revokes one. Thread-safe.
 */
public final class ProvisioningKeysApiServlet extends JsonServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/api/provisioning-keys", Role.OWNER),
            Endpoint.of("POST", "/admin/api/provisioning-keys", Role.OWNER),
            Endpoint.of("DELETE", "/admin/api/provisioning-keys/{key}", Role.OWNER));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    private static final int MAX_LABEL = 200;
    /** What a create may hold. */
    static final KnownKeys BODY = KnownKeys.of("label");

    private final ProvisioningKeys keys;
    private final ProvisioningKeyStore store;

    public ProvisioningKeysApiServlet(ProvisioningKeys keys, ProvisioningKeyStore store) {
        this.keys = keys;
        this.store = store;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        JsonArray list = new JsonArray();
        for (ApiToken key : store.list(AdminAuthFilter.accountOf(request))) {
            list.add(view(key));
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
        String key = keys.create(AdminAuthFilter.accountOf(request), label);
        String id = ApiToken.idOf(Secrets.tokenHash(key));
        AdminAuthFilter.callerOf(request).record(SecurityEventKind.TOKEN_CREATED, "provisioning key " + id);
        JsonObject json = view(new ApiToken(id, label, System.currentTimeMillis()));
        json.addProperty("key", key);
        Json.send(response, 201, json);
    }

    @Override
    protected void delete(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Json.noBody(request);
        String[] path = segments(request);
        if (path.length != 1 || !store.revoke(AdminAuthFilter.accountOf(request), path[0])) {
            throw HttpProblem.notFound("Provisioning key");
        }
        AdminAuthFilter.callerOf(request).record(SecurityEventKind.TOKEN_REVOKED, "provisioning key " + path[0]);
        response.setStatus(204);
    }

    private static JsonObject view(ApiToken key) {
        JsonObject json = new JsonObject();
        json.addProperty("id", key.id());
        json.addProperty("label", key.label());
        json.addProperty("created", Instant.ofEpochMilli(key.createdMs()).toString());
        return json;
    }
}
