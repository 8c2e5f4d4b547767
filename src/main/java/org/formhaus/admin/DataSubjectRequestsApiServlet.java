package org.formhaus.admin;

import org.formhaus.storage.Role;
import java.util.List;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Locale;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.JsonServlet;
import org.formhaus.http.KnownKeys;
import org.formhaus.privacy.DataSubjectRequests;
import org.formhaus.storage.DataSubjectRequestStore;
import org.formhaus.storage.Submission;

/**
 * {@code /admin/api/data-subject-requests}: {@code POST {"email": "...", "action": "find|export|erase"}} runs a
 * data-subject request over the account's forms ({@link DataSubjectRequests}); {@code GET} lists the account's
 * logged requests (address tags only).
 */
public final class DataSubjectRequestsApiServlet extends JsonServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/api/data-subject-requests", Role.EDITOR),
            Endpoint.of("POST", "/admin/api/data-subject-requests", Role.EDITOR));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    private static final KnownKeys KEYS = KnownKeys.of("email", "action");

    private final DataSubjectRequests requests;

    public DataSubjectRequestsApiServlet(DataSubjectRequests requests) {
        this.requests = requests;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        KnownKeys.checkParameters(request);
        JsonArray list = new JsonArray();
        for (DataSubjectRequestStore.Entry e : requests.log(AdminAuthFilter.accountOf(request), 500)) {
            JsonObject item = new JsonObject();
            item.addProperty("at", Instant.ofEpochMilli(e.occurredMs()).toString());
            item.addProperty("action", e.action());
            item.addProperty("addressTag", e.addressTag());
            item.addProperty("submissions", e.submissions());
            item.addProperty("files", e.files());
            list.add(item);
        }
        Json.send(response, 200, list);
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (segments(request).length != 0) {
            throw HttpProblem.notFound("Endpoint");
        }
        Caller caller = AdminAuthFilter.callerOf(request);
        JsonObject body = Json.objectBody(request, KEYS);
        String email = body.has("email") && body.get("email").isJsonPrimitive() ? body.get("email").getAsString() : "";
        if (!email.contains("@")) {
            throw HttpProblem.badRequest("email must be an e-mail address");
        }
        String action = body.has("action") && body.get("action").isJsonPrimitive()
                ? body.get("action").getAsString().toLowerCase(Locale.ROOT) : "";
        long account = caller.accountId();
        switch (action) {
            case "find" -> {
                JsonArray list = new JsonArray();
                for (Submission s : requests.find(account, caller.userId(), email)) {
                    JsonObject item = new JsonObject();
                    item.addProperty("id", s.id());
                    item.addProperty("form", s.formKey());
                    item.addProperty("status", s.status().jsonName());
                    item.addProperty("received", Instant.ofEpochMilli(s.createdMs()).toString());
                    list.add(item);
                }
                JsonObject out = new JsonObject();
                out.add("submissions", list);
                Json.send(response, 200, out);
            }
            case "export" -> Json.send(response, 200, requests.export(account, caller.userId(), email));
            case "erase" -> {
                DataSubjectRequests.Erasure erasure = requests.erase(account, caller.userId(), email);
                JsonObject out = new JsonObject();
                out.addProperty("erased", erasure.erased());
                out.addProperty("files", erasure.files());
                JsonArray waiting = new JsonArray();
                erasure.stillDelivering().forEach(waiting::add);
                out.add("stillDelivering", waiting);
                Json.send(response, 200, out);
            }
            default -> throw HttpProblem.badRequest("action must be find, export or erase");
        }
    }
}
