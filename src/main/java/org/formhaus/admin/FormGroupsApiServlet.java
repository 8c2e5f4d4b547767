package org.formhaus.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.JsonServlet;
import org.formhaus.http.KnownKeys;
import org.formhaus.storage.FormGroupStore;
import org.formhaus.storage.Role;

/**
 * {@code /admin/api/form-groups}: the account's form groups (issue 13). Viewers read, editors change.
 * <ul>
 * <li>{@code GET} → [{id, name, forms: [key, ...]}]; {@code POST} {@code {"name": ...}} → 201 the group.</li>
 * <li>{@code PUT {group}} {@code {"name": ...}} renames → the group; {@code DELETE {group}} → 204, its forms stay,
 * ungrouped.</li>
 * <li>{@code PUT {group}/forms/{form}} puts the form into the group (out of any other) → the group;
 * {@code DELETE {group}/forms/{form}} takes it out (if it is in) → 204.</li>
 * </ul>
 * Another account's group or form → 404; a name the account's groups have already → 409.
 */
public final class FormGroupsApiServlet extends JsonServlet implements AdminEndpoints {

    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/api/form-groups", Role.VIEWER),
            Endpoint.of("POST", "/admin/api/form-groups", Role.EDITOR),
            Endpoint.of("PUT", "/admin/api/form-groups/{group}", Role.EDITOR),
            Endpoint.of("DELETE", "/admin/api/form-groups/{group}", Role.EDITOR),
            Endpoint.of("PUT", "/admin/api/form-groups/{group}/forms/{form}", Role.EDITOR),
            Endpoint.of("DELETE", "/admin/api/form-groups/{group}/forms/{form}", Role.EDITOR));

    static final KnownKeys NAME = KnownKeys.of("name");
    /** Longest group name (the column's width). */
    static final int MAX_NAME = 100;

    private final FormGroupStore groups;

    public FormGroupsApiServlet(FormGroupStore groups) {
        this.groups = groups;
    }

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        KnownKeys.checkParameters(request);
        long account = AdminAuthFilter.accountOf(request);
        JsonArray list = new JsonArray();
        groups.list(account).forEach(g -> list.add(view(g)));
        Json.send(response, 200, list);
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        long account = AdminAuthFilter.accountOf(request);
        String name = name(Json.objectBody(request, NAME));
        try {
            Json.send(response, 201, view(groups.create(account, name)));
        } catch (FormGroupStore.NameTakenException e) {
            throw new HttpProblem(409, "name: " + e.getMessage());
        }
    }

    @Override
    protected void put(HttpServletRequest request, HttpServletResponse response) throws Exception {
        long account = AdminAuthFilter.accountOf(request);
        String[] path = segments(request);
        long group = group(path);
        if (path.length == 3) {
            Json.noBody(request);
            if (!groups.put(account, group, form(path))) {
                throw HttpProblem.notFound("Group " + group + " or form '" + path[2] + "'");
            }
        } else {
            JsonObject body = Json.objectBody(request, NAME);
            if (groups.find(account, group).isEmpty()) { // another account's group: not found, whatever the body
                throw HttpProblem.notFound("Group " + group);
            }
            String name = name(body);
            try {
                if (!groups.rename(account, group, name)) {
                    throw HttpProblem.notFound("Group " + group);
                }
            } catch (FormGroupStore.NameTakenException e) {
                throw new HttpProblem(409, "name: " + e.getMessage());
            }
        }
        Json.send(response, 200, view(groups.find(account, group)
                .orElseThrow(() -> HttpProblem.notFound("Group " + group))));
    }

    @Override
    protected void delete(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Json.noBody(request);
        long account = AdminAuthFilter.accountOf(request);
        String[] path = segments(request);
        long group = group(path);
        boolean done = path.length == 3 ? groups.take(account, group, form(path)) : groups.delete(account, group);
        if (!done) {
            throw HttpProblem.notFound(path.length == 3 ? "Group " + group + " or form '" + path[2] + "'"
                    : "Group " + group);
        }
        response.setStatus(204);
    }

    /** The group id of {@code {group}} or {@code {group}/forms/{form}}; anything else → 404. */
    private static long group(String[] path) {
        boolean shape = path.length == 1 || (path.length == 3 && path[1].equals("forms"));
        if (!shape || !path[0].matches("[0-9]{1,18}")) {
            throw HttpProblem.notFound("Group");
        }
        return Long.parseLong(path[0]);
    }

    private static String form(String[] path) {
        return path[2];
    }

    static String name(JsonObject body) {
        JsonElement value = body.get("name");
        String name = value != null && value.isJsonPrimitive() ? value.getAsString().strip() : "";
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw HttpProblem.badRequest("name: required, 1 to " + MAX_NAME + " characters");
        }
        return name;
    }

    static JsonObject view(FormGroupStore.Group group) {
        JsonObject json = new JsonObject();
        json.addProperty("id", group.id());
        json.addProperty("name", group.name());
        json.add("forms", Json.GSON.toJsonTree(group.forms()));
        return json;
    }
}
