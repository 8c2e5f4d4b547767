package org.formhaus.admin;

import org.formhaus.storage.Role;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.JsonServlet;
import org.formhaus.http.KnownKeys;
import org.formhaus.storage.WebhookStore;
import org.formhaus.webhooks.WebhookSignature;
import org.formhaus.webhooks.WebhookTargets;

/**
 * {@code /admin/api/settings/webhooks}: the account's webhook endpoints, each a URL and its Standard Webhooks signing
 * secret. {@code PUT {"endpoints": [{"url": ..., "secret": ...}]}} replaces the list; an endpoint without a secret
 * keeps the one its URL had, or gets a new one. The secrets are shown to the account's admins, who give them to the
 * receivers; they are sealed at rest and never logged. Thread-safe.
 */
public final class WebhookSettingsApiServlet extends JsonServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/api/settings/webhooks", Role.OWNER),
            Endpoint.of("PUT", "/admin/api/settings/webhooks", Role.OWNER));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    static final int MAX_ENDPOINTS = 5;
    static final KnownKeys BODY = KnownKeys.of("endpoints");
    /** The keys of each endpoint (KnownKeys does not look into arrays). */
    private static final KnownKeys ENDPOINT = KnownKeys.of("url", "secret");

    private final WebhookStore webhooks;
    private final WebhookTargets targets;

    public WebhookSettingsApiServlet(WebhookStore webhooks, WebhookTargets targets) {
        this.webhooks = webhooks;
        this.targets = targets;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Json.send(response, 200, json(webhooks.endpoints(AdminAuthFilter.accountOf(request))));
    }

    @Override
    protected void put(HttpServletRequest request, HttpServletResponse response) throws Exception {
        long account = AdminAuthFilter.accountOf(request);
        JsonObject body = Json.objectBody(request, BODY);
        JsonElement list = body.get("endpoints");
        if (list == null || !list.isJsonArray()) {
            throw HttpProblem.badRequest("endpoints: must be an array of {\"url\": ..., \"secret\": ...}");
        }
        if (list.getAsJsonArray().size() > MAX_ENDPOINTS) {
            throw HttpProblem.badRequest("endpoints: at most " + MAX_ENDPOINTS);
        }
        Map<String, String> known = new HashMap<>();
        webhooks.endpoints(account).forEach(e -> known.put(e.url(), e.secret()));
        List<WebhookStore.Endpoint> endpoints = new ArrayList<>();
        int i = 0;
        for (JsonElement item : list.getAsJsonArray()) {
            endpoints.add(endpoint(item, "endpoints[" + i++ + "]", known));
        }
        webhooks.replace(account, endpoints);
        Json.send(response, 200, json(endpoints));
    }

    private WebhookStore.Endpoint endpoint(JsonElement item, String at, Map<String, String> known) {
        if (!item.isJsonObject()) {
            throw HttpProblem.badRequest(at + ": must be an object with url and secret");
        }
        JsonObject e = item.getAsJsonObject();
        List<String> unknown = ENDPOINT.unknown(e, at);
        if (!unknown.isEmpty()) {
            throw HttpProblem.badRequest(String.join("; ", unknown));
        }
        String url = string(e, "url", at);
        if (url == null || url.isEmpty()) {
            throw HttpProblem.badRequest(at + ".url: is required");
        }
        if (url.length() > 2000) {
            throw HttpProblem.badRequest(at + ".url: at most 2000 characters");
        }
        String problem = targets.problem(url);
        if (problem != null) {
            throw HttpProblem.badRequest(at + ".url: " + problem);
        }
        String secret = string(e, "secret", at);
        if (secret == null || secret.isEmpty()) {
            secret = known.getOrDefault(url, WebhookSignature.newSecret());
        } else if (WebhookSignature.problem(secret) != null) {
            throw HttpProblem.badRequest(at + ".secret: " + WebhookSignature.problem(secret));
        }
        return new WebhookStore.Endpoint(url, secret);
    }

    private static String string(JsonObject e, String name, String at) {
        JsonElement value = e.get(name);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw HttpProblem.badRequest(at + "." + name + ": must be a string");
        }
        return value.getAsString().strip();
    }

    private static JsonObject json(List<WebhookStore.Endpoint> endpoints) {
        JsonArray list = new JsonArray();
        for (WebhookStore.Endpoint endpoint : endpoints) {
            JsonObject e = new JsonObject();
            e.addProperty("url", endpoint.url());
            e.addProperty("secret", endpoint.secret());
            list.add(e);
        }
        JsonObject body = new JsonObject();
        body.add("endpoints", list);
        return body;
    }
}
