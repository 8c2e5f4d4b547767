package org.formhaus.admin;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.formhaus.audit.SecurityEventKind;
import org.formhaus.audit.SecurityLog;
import org.formhaus.forms.EmailAddresses;
import org.formhaus.passwords.PasswordHasher;
import org.formhaus.passwords.PasswordRules;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.Database;
import org.formhaus.storage.AccountStore;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.KnownKeys;
import org.formhaus.http.JsonServlet;

/**
 * {@code /api/users}: lets a marketplace or reseller manage admin users with a provisioning key ({@code x-api-key}).
 * Body {@code {"method": ..., "params": {...}}}; methods createUser, updateUserByEmail, resetPasswordByEmail,
 * getUserByEmail. A user JSON never carries the password or its hash. The instance's key manages every account's users
 * (createUser makes a new account); an account's key manages that account's users only (createUser adds to it; a user
 * of another account is answered as unknown). New passwords must pass {@link PasswordRules}; a reset or deactivation
 * ends the user's sessions (and a deactivated user's API tokens stop); creating, (de)activating and resetting are
 * security events of the user's account.
 */
public final class ProvisioningServlet extends JsonServlet {

    /** A call: the method and its parameters, whose keys depend on the method ({@link #PARAMS}). */
    static final KnownKeys CALL = KnownKeys.of("method", "params");
    /** Each method's parameters, as CONTRACT.md lists them. */
    static final Map<String, KnownKeys> PARAMS = Map.of(
            "createUser", KnownKeys.of("email", "instance", "displayName", "password"),
            "updateUserByEmail", KnownKeys.of("email", "isActive"),
            "resetPasswordByEmail", KnownKeys.of("email", "password"),
            "getUserByEmail", KnownKeys.of("email"));

    private final ProvisioningKeys keys;
    private final Database db;
    private final AccountStore accounts;
    private final AdminUserStore users;
    private final SecurityLog log;

    public ProvisioningServlet(ProvisioningKeys keys, Database db, AccountStore accounts, AdminUserStore users,
                               SecurityLog log) {
        this.keys = keys;
        this.db = db;
        this.accounts = accounts;
        this.users = users;
        this.log = log;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        post(request, response);
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        ProvisioningKeys.Scope scope = keys.scopeOf(request.getHeader("x-api-key"))
                .orElseThrow(() -> new HttpProblem(401, "Missing or wrong x-api-key"));
        JsonObject body = Json.objectBody(request, CALL);
        JsonObject params = body.has("params") && body.get("params").isJsonObject()
                ? body.getAsJsonObject("params") : new JsonObject();
        String method = body.has("method") && body.get("method").isJsonPrimitive() ? body.get("method").getAsString() : "";
        if (PARAMS.containsKey(method)) {
            PARAMS.get(method).check(params, "params");
        }
        switch (method) {
            case "createUser" -> Json.send(response, 200, view(create(scope, params)));
            case "updateUserByEmail" -> {
                String email = managed(scope, required(params, "email")).email();
                if (!params.has("isActive") || !params.get("isActive").isJsonPrimitive()) {
                    throw HttpProblem.badRequest("params.isActive: required, true or false");
                }
                AdminUser user = users.setActive(email, params.get("isActive").getAsBoolean())
                        .orElseThrow(() -> HttpProblem.notFound("User '" + email + "'"));
                log.record(user.accountId(), user.id(), user.active() ? SecurityEventKind.USER_ACTIVATED
                        : SecurityEventKind.USER_DEACTIVATED, "via provisioning API");
                Json.send(response, 200, true);
            }
            case "resetPasswordByEmail" -> {
                String email = managed(scope, required(params, "email")).email();
                AdminUser user = users.resetPassword(email, PasswordHasher.OWASP.hash(password(params)))
                        .orElseThrow(() -> HttpProblem.notFound("User '" + email + "'"));
                log.record(user.accountId(), user.id(), SecurityEventKind.PASSWORD_CHANGED,
                        "reset via provisioning API; every session ended");
                Json.send(response, 200, true);
            }
            case "getUserByEmail" -> Json.send(response, 200, view(managed(scope, required(params, "email"))));
            default -> throw HttpProblem.badRequest("Unknown method '" + method
                    + "'; one of createUser, updateUserByEmail, resetPasswordByEmail, getUserByEmail");
        }
    }

    /** The user with that email, when the key may manage them; another account's user is answered as unknown. */
    private AdminUser managed(ProvisioningKeys.Scope scope, String email) throws SQLException {
        return users.findByEmail(email).filter(user -> scope.covers(user.accountId()))
                .orElseThrow(() -> HttpProblem.notFound("User '" + email + "'"));
    }

    /**
     * With the instance's key a new user gets an account of its own, named after the instance (or display name)
     * given; with an account's key, the user joins that account.
     */
    private AdminUser create(ProvisioningKeys.Scope scope, JsonObject params) throws SQLException {
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
            AdminUser created = db.inTransaction(c -> {
                long accountId = scope.everyAccount() ? accounts.create(c, instance.isEmpty()
                        ? (displayName.isEmpty() ? email : displayName) : instance).id() : scope.accountId();
                return users.create(c, accountId, email, displayName, instance, PasswordHasher.OWASP.hash(password));
            });
            log.record(created.accountId(), created.id(), SecurityEventKind.USER_CREATED, "via provisioning API");
            return created;
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

    /** The new password, if {@link PasswordRules} allow it. Not stripped: blanks may be part of a passphrase. */
    private static String password(JsonObject params) {
        required(params, "password");
        String password = params.get("password").getAsString();
        PasswordRules.STANDARD.problem(password, optional(params, "email")).ifPresent(problem -> {
            throw HttpProblem.badRequest("params.password: " + problem.message());
        });
        return password;
    }

    /** The contract wants a JSON string here, not an object. */
    private static HttpProblem userExists(String email) {
        return new HttpProblem(400, "User exists", new JsonPrimitive("User with email " + email + " already exists"));
    }
}
