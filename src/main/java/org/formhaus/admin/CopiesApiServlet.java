package org.formhaus.admin;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.JsonServlet;
import org.formhaus.http.KnownKeys;
import org.formhaus.storage.Role;

/**
 * {@code POST /admin/api/copies} {@code {"toAccount": 2, "forms": ["kontakt", ...], "dryRun": false}}: copies forms
 * of the calling account to another account the caller belongs to as editor or owner ({@link FormCopy}). Answers 200
 * {@code {"toAccount": 2, "dryRun": false, "forms": [{"form", "newKey", "copied", "problems": [...]}]}}: a form
 * whose copy does not fit the target's onOffice fields is not copied, and {@code problems} says why.
 */
public final class CopiesApiServlet extends JsonServlet implements AdminEndpoints {

    static final List<Endpoint> ENDPOINTS = List.of(Endpoint.of("POST", "/admin/api/copies", Role.EDITOR));
    static final KnownKeys BODY = KnownKeys.of("toAccount", "forms", "dryRun");

    private final FormCopy copy;

    public CopiesApiServlet(FormCopy copy) {
        this.copy = copy;
    }

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Caller caller = AdminAuthFilter.callerOf(request);
        JsonObject body = Json.objectBody(request, BODY);
        JsonElement to = body.get("toAccount");
        if (to == null || !to.isJsonPrimitive() || !to.getAsJsonPrimitive().isNumber()) {
            throw HttpProblem.badRequest("toAccount: required, the id of an account you belong to");
        }
        List<String> keys = new ArrayList<>();
        if (body.has("forms")) {
            if (!body.get("forms").isJsonArray()) {
                throw HttpProblem.badRequest("forms: a list of form keys");
            }
            for (JsonElement key : body.getAsJsonArray("forms")) {
                if (!key.isJsonPrimitive()) {
                    throw HttpProblem.badRequest("forms: a list of form keys");
                }
                keys.add(key.getAsString());
            }
        }
        boolean dryRun = body.has("dryRun") && body.get("dryRun").isJsonPrimitive()
                && body.get("dryRun").getAsBoolean();
        List<FormCopy.Outcome> outcomes = copy.copy(caller.userId(), caller.accountId(), to.getAsLong(), keys, dryRun);
        JsonObject json = new JsonObject();
        json.addProperty("toAccount", to.getAsLong());
        json.addProperty("dryRun", dryRun);
        json.add("forms", FormCopy.json(outcomes, dryRun));
        Json.send(response, 200, json);
    }
}
