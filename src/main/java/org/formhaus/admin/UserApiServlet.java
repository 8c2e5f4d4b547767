package org.formhaus.admin;

import org.formhaus.storage.Role;
import java.util.List;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.KnownKeys;
import org.formhaus.http.JsonServlet;

/**
 * {@code /admin/api/user/password}: the calling user changes their own password. PUT
 * {@code {"currentPassword": ..., "newPassword": ...}} → 204; every other session of the user ends (the session that
 * asked, if any, goes on). A wrong current password or a new one the rules refuse → 400 naming the field; too many
 * wrong ones → 429 with {@code Retry-After}.
 */
public final class UserApiServlet extends JsonServlet implements AdminEndpoints {

    /** Every URL this servlet answers and who may call it (checked by the access guard before it runs). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("PUT", "/admin/api/user/password", Role.VIEWER));

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }


    /** What a password change may hold. */
    static final KnownKeys BODY = KnownKeys.of(PasswordChange.CURRENT, PasswordChange.NEW);

    private final AdminUserStore users;
    private final PasswordChange change;
    private final AdminSession sessions;

    public UserApiServlet(AdminUserStore users, PasswordChange change, AdminSession sessions) {
        this.users = users;
        this.change = change;
        this.sessions = sessions;
    }

    @Override
    protected void put(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String[] path = segments(request);
        if (path.length != 1 || !path[0].equals("password")) {
            throw HttpProblem.notFound("Endpoint");
        }
        JsonObject body = Json.objectBody(request, BODY);
        Caller caller = AdminAuthFilter.callerOf(request);
        AdminUser user = users.find(caller.userId()).orElseThrow(() -> HttpProblem.notFound("User"));
        PasswordChange.Result result = change.change(user, string(body, PasswordChange.CURRENT),
                string(body, PasswordChange.NEW), request.getRemoteAddr(),
                caller.tokenId() == null ? "admin API (session)" : "admin API (token " + caller.tokenId() + ")");
        if (result.refusal().isPresent()) {
            PasswordChange.Refusal refusal = result.refusal().get();
            if (!refusal.retryAfter().isZero()) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, refusal.retryAfter().toSeconds())));
                throw new HttpProblem(429, refusal.message());
            }
            throw HttpProblem.badRequest(refusal.message());
        }
        if (caller.tokenId() == null) {
            sessions.keepAfterPasswordChange(request, result.generation());
        }
        response.setStatus(204);
    }

    private static String string(JsonObject body, String name) {
        JsonElement value = body.get(name);
        if (value == null || value.isJsonNull()) {
            throw HttpProblem.badRequest(name + ": required");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw HttpProblem.badRequest(name + ": must be a string");
        }
        return value.getAsString();
    }
}
