package org.formhaus.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import org.formhaus.http.HttpProblem;
import org.formhaus.http.Json;
import org.formhaus.http.JsonServlet;
import org.formhaus.http.KnownKeys;
import org.formhaus.storage.Invitation;
import org.formhaus.storage.Membership;
import org.formhaus.storage.Role;

/**
 * {@code /admin/api/team/...}: the owner manages the account's members and invitations.
 * <ul>
 * <li>{@code GET members} → [{id, email, displayName, role, joined}]; {@code PUT members/{id}} {@code {"role": ...}}
 * → the member; {@code DELETE members/{id}} → 204 (their API tokens of this account go too). Leaving the account
 * without an owner → 409.</li>
 * <li>{@code GET invitations} → the open ones; {@code POST invitations} {@code {"role": ..., "note": ...,
 * "validDays": 7}} → 201 with the {@code link} (shown once, used once); {@code DELETE invitations/{id}} withdraws.</li>
 * </ul>
 */
public final class TeamApiServlet extends JsonServlet implements AdminEndpoints {

    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/admin/api/team/members", Role.OWNER),
            Endpoint.of("PUT", "/admin/api/team/members/{member}", Role.OWNER),
            Endpoint.of("DELETE", "/admin/api/team/members/{member}", Role.OWNER),
            Endpoint.of("GET", "/admin/api/team/invitations", Role.OWNER),
            Endpoint.of("POST", "/admin/api/team/invitations", Role.OWNER),
            Endpoint.of("DELETE", "/admin/api/team/invitations/{invitation}", Role.OWNER));

    static final KnownKeys ROLE = KnownKeys.of("role");
    static final KnownKeys INVITE = KnownKeys.of("role", "note", "validDays");

    private final Team team;
    private final String publicUrl;

    /** @param publicUrl base of invitation links; empty: the address the request came to */
    public TeamApiServlet(Team team, String publicUrl) {
        this.team = team;
        this.publicUrl = publicUrl;
    }

    @Override
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }

    @Override
    protected void get(HttpServletRequest request, HttpServletResponse response) throws Exception {
        long account = AdminAuthFilter.accountOf(request);
        JsonArray list = new JsonArray();
        switch (section(request, 1)) {
            case "members" -> team.members().members(account).forEach(m -> list.add(view(m)));
            case "invitations" -> team.invitations().open(account, System.currentTimeMillis())
                    .forEach(i -> list.add(view(i)));
            default -> throw HttpProblem.notFound("Endpoint");
        }
        Json.send(response, 200, list);
    }

    @Override
    protected void post(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (!section(request, 1).equals("invitations")) {
            throw HttpProblem.notFound("Endpoint");
        }
        Caller caller = AdminAuthFilter.callerOf(request);
        JsonObject body = Json.objectBody(request, INVITE);
        Role role = role(body);
        String note = body.has("note") && body.get("note").isJsonPrimitive() ? body.get("note").getAsString().strip()
                : "";
        int days = Team.DEFAULT_VALID_DAYS;
        if (body.has("validDays")) {
            JsonElement value = body.get("validDays");
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
                throw HttpProblem.badRequest("validDays: a whole number of days, 1 to " + Team.MAX_VALID_DAYS);
            }
            days = value.getAsInt();
        }
        Team.NewInvitation created = team.invite(caller.accountId(), caller.userId(), role, note, days);
        JsonObject json = view(created.invitation());
        // The only time the link is ever shown: only its token's hash is stored.
        json.addProperty("link", base(request) + Team.JOIN_PATH + created.token());
        Json.send(response, 201, json);
    }

    @Override
    protected void put(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Caller caller = AdminAuthFilter.callerOf(request);
        long member = member(request);
        // Another account's user is unknown here, whatever the body says.
        if (team.members().members(caller.accountId()).stream().noneMatch(m -> m.userId() == member)) {
            throw HttpProblem.notFound("Member " + member);
        }
        Role role = role(Json.objectBody(request, ROLE));
        team.changeRole(caller.accountId(), caller.userId(), member, role);
        Membership changed = team.members().members(caller.accountId()).stream().filter(m -> m.userId() == member)
                .findFirst().orElseThrow(() -> HttpProblem.notFound("Member " + member));
        Json.send(response, 200, view(changed));
    }

    @Override
    protected void delete(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Json.noBody(request);
        Caller caller = AdminAuthFilter.callerOf(request);
        String[] path = segments(request);
        if (path.length == 2 && path[0].equals("invitations")) {
            team.withdraw(caller.accountId(), caller.userId(), path[1]);
        } else {
            team.remove(caller.accountId(), caller.userId(), member(request));
        }
        response.setStatus(204);
    }

    /** The path's first segment when it has exactly {@code length} segments, else "". */
    private static String section(HttpServletRequest request, int length) {
        String[] path = segments(request);
        return path.length == length ? path[0] : "";
    }

    private static long member(HttpServletRequest request) {
        String[] path = segments(request);
        if (path.length != 2 || !path[0].equals("members") || !path[1].matches("[0-9]{1,18}")) {
            throw HttpProblem.notFound("Member");
        }
        return Long.parseLong(path[1]);
    }

    static Role role(JsonObject body) {
        JsonElement value = body.get("role");
        String name = value != null && value.isJsonPrimitive() ? value.getAsString() : "";
        return Role.ofJsonName(name).orElseThrow(() -> HttpProblem.badRequest("role: one of owner, editor, viewer"));
    }

    private String base(HttpServletRequest request) {
        if (!publicUrl.isEmpty()) {
            return publicUrl.replaceAll("/+$", "");
        }
        String host = request.getHeader("Host") == null ? request.getServerName() + ":" + request.getServerPort()
                : request.getHeader("Host");
        return request.getScheme() + "://" + host + request.getContextPath();
    }

    static JsonObject view(Membership m) {
        JsonObject json = new JsonObject();
        json.addProperty("id", m.userId());
        json.addProperty("email", m.email());
        json.addProperty("displayName", m.displayName());
        json.addProperty("role", m.role().jsonName());
        json.addProperty("joined", Instant.ofEpochMilli(m.joinedMs()).toString());
        return json;
    }

    private static JsonObject view(Invitation i) {
        JsonObject json = new JsonObject();
        json.addProperty("id", i.id());
        json.addProperty("role", i.role().jsonName());
        json.addProperty("note", i.note());
        json.addProperty("invitedBy", i.invitedBy());
        json.addProperty("created", Instant.ofEpochMilli(i.createdMs()).toString());
        json.addProperty("expires", Instant.ofEpochMilli(i.expiresMs()).toString());
        return json;
    }
}
