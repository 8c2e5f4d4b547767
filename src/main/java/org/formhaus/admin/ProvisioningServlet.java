package org.formhaus.admin;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.time.Instant;
import org.formhaus.forms.EmailAddresses;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.Database;
import org.formhaus.storage.AccountStore;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.JsonServlet;

/**
 * {@code /api/users}: lets a marketplace or reseller manage admin users with the instance's key
 * ({@code x-api-key}). Body {@code {"method": ..., "params": {...}}}; methods createUser, updateUserByEmail,
 * resetPasswordByEmail, getUserByEmail. A user JSON never carries the password or its hash.
 */
public final class ProvisioningServlet extends JsonServlet {

    private static final int MIN_PASSWORD = 8;

    private final String apiKey;
    private final Database db;
    private final AccountStore accounts;
    private final AdminUserStore users;

    public ProvisioningServlet(String apiKey, Database db, AccountStore accounts, AdminUserStore users) {
        this.apiKey = apiKey;
        this.db = db;
        this.accounts = accounts;
        this.users = users;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        post(request, response);
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (!Secrets.constantTimeEquals(apiKey, request.getHeader("x-api-key"))) {
            throw new HttpProblem(401, "Missing or wrong x-api-key");
        }
        JsonObject body = Json.objectBody(request);
        JsonObject params = body.has("params") && body.get("params").isJsonObject()
                ? body.getAsJsonObject("params") : new JsonObject();
        String method = body.has("method") && body.get("method").isJsonPrimitive() ? body.get("method").getAsString() : "";
        switch (method) {
            case "createUser" -> Json.send(response, 200, view(create(params)));
            case "updateUserByEmail" -> {
                String email = required(params, "email");
                if (!params.has("isActive") || !params.get("isActive").isJsonPrimitive()) {
                    throw HttpProblem.badRequest("params.isActive: required, true or false");
                }
                if (!users.setActive(email, params.get("isActive").getAsBoolean())) {
                    throw HttpProblem.notFound("User '" + email + "'");
                }
                Json.send(response, 200, true);
            }
            case "resetPasswordByEmail" -> {
                String email = required(params, "email");
                if (!users.setPasswordHash(email, Secrets.hashPassword(password(params)))) {
                    throw HttpProblem.notFound("User '" + email + "'");
                }
                Json.send(response, 200, true);
            }
            case "getUserByEmail" -> {
                String email = required(params, "email");
                Json.send(response, 200, view(users.findByEmail(email)
                        .orElseThrow(() -> HttpProblem.notFound("User '" + email + "'"))));
            }
            default -> throw HttpProblem.badRequest("Unknown method '" + method
                    + "'; one of createUser, updateUserByEmail, resetPasswordByEmail, getUserByEmail");
        }
    }

    /** A new user gets an account of its own, named after the instance (or display name) given. */
    private AdminUser create(JsonObject params) throws SQLException {
        String email = required(params, "email");
        if (!EmailAddresses.isValid(email)) {
            throw HttpProblem.badRequest("params.email: not a valid email address");
        }
        String password = password(params);
        String displayName = optional(params, "displayName");
        String instance = optional(params, "instance");
        if (users.findByEmail(email).isPresent()) {
            throw userExists(email);
        }
        try {
            return db.inTransaction(c -> {
                var account = accounts.create(c, instance.isEmpty() ? (displayName.isEmpty() ? email : displayName)
                        : instance);
                return users.create(c, account.id(), email, displayName, instance, Secrets.hashPassword(password));
            });
        } catch (SQLException e) {
            if (users.findByEmail(email).isPresent()) {
                throw userExists(email);
            }
            throw e;
        }
    }

    private static JsonObject view(AdminUser user) {
        JsonObject json = new JsonObject();
        json.addProperty("id", user.id());
        json.addProperty("email", user.email());
        json.addProperty("displayName", user.displayName());
        json.addProperty("instance", user.instance());
        json.addProperty("isActive", user.active());
        json.addProperty("accountId", user.accountId());
        json.addProperty("createdAt", Instant.ofEpochMilli(user.createdMs()).toString());
        return json;
    }

    private static String required(JsonObject params, String name) {
        String value = optional(params, name);
        if (value.isEmpty()) {
            throw HttpProblem.badRequest("params." + name + ": required");
        }
        return value;
    }

    private static String optional(JsonObject params, String name) {
        return params.has(name) && params.get(name).isJsonPrimitive() ? params.get(name).getAsString().strip() : "";
    }

    private static String password(JsonObject params) {
        String password = required(params, "password");
        if (password.length() < MIN_PASSWORD) {
            throw HttpProblem.badRequest("params.password: at least " + MIN_PASSWORD + " characters");
        }
        return password;
    }

    /** The contract wants a JSON string here, not an object. */
    private static HttpProblem userExists(String email) {
        return new HttpProblem(400, "User exists", new JsonPrimitive("User with email " + email + " already exists"));
    }
}
