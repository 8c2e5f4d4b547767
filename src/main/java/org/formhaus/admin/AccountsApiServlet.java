package org.formhaus.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.formhaus.http.Json;
import org.formhaus.http.JsonServlet;
import org.formhaus.http.KnownKeys;
import org.formhaus.storage.MemberStore;
import org.formhaus.storage.Membership;
import org.formhaus.storage.Role;

/**
 * {@code GET /admin/api/accounts}: who is calling and the accounts they belong to. Answers
 * {@code {"userId": 7, "current": 3, "role": "editor", "accounts": [{"id": 3, "name": ..., "role": ...}, ...]}}:
 * {@code current} is the account this call acts in (an API token's own, a session's current one). A consultant
 * switches accounts in the UI; a token always acts in the account it was made in.
 */
public final class AccountsApiServlet extends JsonServlet implements AdminEndpoints {

    static final List<Endpoint> ENDPOINTS = List.of(Endpoint.of("GET", "/admin/api/accounts", Role.VIEWER));

    private final MemberStore members;

    public AccountsApiServlet(MemberStore members) {
        this.members = members;
    }

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        KnownKeys.checkParameters(request);
        Caller caller = AdminAuthFilter.callerOf(request);
        JsonObject json = new JsonObject();
        json.addProperty("userId", caller.userId());
        json.addProperty("current", caller.accountId());
        json.addProperty("role", caller.role().jsonName());
        JsonArray accounts = new JsonArray();
        for (Membership m : members.accountsOf(caller.userId())) {
            JsonObject account = new JsonObject();
            account.addProperty("id", m.accountId());
            account.addProperty("name", m.accountName());
            account.addProperty("role", m.role().jsonName());
            accounts.add(account);
        }
        json.add("accounts", accounts);
        Json.send(response, 200, json);
    }
}
