package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.formhaus.storage.Role;
import java.nio.charset.StandardCharsets;
import org.formhaus.testing.AdminBrowserSession;
import org.formhaus.testing.Multipart;
import org.formhaus.testing.TeamMembers;
import org.formhaus.testing.TeamMembers.Member;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The route fence (issue 13): EVERY admin endpoint, read from the routes table as the admin servlets declared it (so
 * endpoints added later are covered without touching this test), is called as owner, editor and viewer of account A
 * and as the owner of account B: the API with each one's token, the pages with each one's signed-in session. A role
 * below the endpoint's gets 403; a role that covers it gets through (never 401/403/404/405, never 5xx); B gets 403 or
 * 404 for A's objects and, where an endpoint names no object, an answer that holds nothing of A's.
 *
 * <p>When you add an endpoint with a new path placeholder, add how to get one of account A's objects for it to
 * {@link #samples} and, when a call may change or use the object up, how to make a fresh one to {@link #fresh}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminRouteFenceIT {

    static final String KEY = "provisioning-key-for-fence";
    static final String FORM = "fence-a";
    static final String WITH_UPLOAD = """
            {"key": "fence-a", "kind": "contact", "title": "Zaun", "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"},
              {"name": "anhang", "type": "file", "label": "Anhang", "accept": ["txt"]}]}""";
    /** Placeholders that name no object of an account (a starter template's kind): nothing to fence. */
    static final Set<String> NOT_OWNED = Set.of("kind");
    /**
     * Endpoints that name an object of A yet may answer B with 2xx, because the answer holds only what B sent (checked
     * for A's data all the same): the builder's preview POST, which renders the definition posted to it.
     */
    static final Set<String> ECHOES = Set.of("POST /admin/build/{form}/preview");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    /** The endpoints anyone may call without signing in; a new one must be added here on purpose. */
    static final Set<String> OPEN = Set.of("GET /admin/login", "POST /admin/login", "GET /admin/logout",
            "POST /admin/logout", "GET /admin/join/{token}", "POST /admin/join/{token}");

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("provisioning.api.key", KEY).perTestClass();

    TeamMembers team;
    Member owner;
    Member editor;
    Member viewer;
    Member stranger;
    /** Account A's object for each placeholder. */
    final Map<String, String> samples = new HashMap<>();
    /** Strings only account A's answers hold. */
    final List<String> markers = new ArrayList<>();
    int fresh;

    @BeforeAll
    void team() throws Exception {
        team = new TeamMembers(server);
        owner = team.firstAdmin();
        editor = team.member(owner.token(), "editor", "editor@fence-a.example");
        viewer = team.member(owner.token(), "viewer", "viewer@fence-a.example");
        stranger = team.provisioned(KEY, "owner@fence-b.example");
        server.adminJson("POST", "/admin/api/forms", WITH_UPLOAD);
        server.adminJson("PUT", "/admin/api/forms/" + FORM + "/draft", WITH_UPLOAD.replace("Zaun", "Zaun (Entwurf)"));
        Multipart body = new Multipart();
        body.field("email", "fenja@kunde.example");
        body.file("anhang", "Grundriss.txt", "text/plain", "Wohnzimmer".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> submitted = server.send(body.post(server.uri("/f/" + FORM))
                .header("Accept", "application/json"));
        assertEquals(202, submitted.statusCode(), submitted.body());
        String submission = JsonParser.parseString(submitted.body()).getAsJsonObject().get("id").getAsString();
        samples.put("form", FORM);
        samples.put("submission", submission);
        samples.put("file", "1");
        samples.put("version", "1");
        samples.put("kind", "contact");
        samples.put("account", Long.toString(JsonParser.parseString(server.admin("GET", "/admin/api/accounts", null)
                .body()).getAsJsonObject().get("current").getAsLong()));
        samples.put("token", ownerTokenId());
        samples.put("member", Long.toString(viewer.id()));
        samples.put("invitation", invitationId(team.invite(owner.token(), "viewer")));
        samples.put("key", server.adminJson("POST", "/admin/api/provisioning-keys", "{\"label\": \"fence\"}")
                .getAsJsonObject().get("id").getAsString());
        samples.put("group", group("Zaunformulare"));
        samples.put("link", editLink()); // #12: an edit link of account A (revoking uses it up: fresh below)
        server.admin("PUT", "/admin/api/form-groups/" + samples.get("group") + "/forms/" + FORM, null);
        markers.addAll(List.of(FORM, submission, "editor@fence-a.example", "viewer@fence-a.example",
                "fenja@kunde.example", TestServer.SIM_TOKEN));
    }

    /** Placeholders whose object an allowed call may change or use up get a fresh one of account A per call. */
    String fresh(String placeholder, Member caller, String pattern) throws Exception {
        int n = ++fresh;
        return switch (placeholder) {
            case "form" -> {
                server.adminJson("POST", "/admin/api/forms", TestForms.contact("fence-fresh-" + n));
                // With a draft too, for the calls that discard or publish one.
                server.admin("PUT", "/admin/api/forms/fence-fresh-" + n + "/draft", TestForms.contact("fence-fresh-" + n));
                if (pattern.endsWith("/restore")) {
                    server.admin("POST", "/admin/api/forms/fence-fresh-" + n + "/archive", "{}");
                }
                yield "fence-fresh-" + n;
            }
            case "token" -> JsonParser.parseString(team.bearer(caller.token(), "POST", "/admin/api/tokens",
                    "{\"label\": \"fresh\"}").body()).getAsJsonObject().get("id").getAsString();
            case "member" -> Long.toString(team.member(owner.token(), "viewer", "fresh" + n + "@fence-a.example").id());
            case "invitation" -> invitationId(team.invite(owner.token(), "viewer"));
            case "key" -> server.adminJson("POST", "/admin/api/provisioning-keys", "{\"label\": \"fresh\"}")
                    .getAsJsonObject().get("id").getAsString();
            case "group" -> group("Frisch " + n);
            case "link" -> editLink();
            default -> sample(placeholder);
        };
    }

    @Test
    void everyAdminEndpointIsDeclaredAndOnlyTheSignInAndJoinPagesAreOpen() {
        List<Endpoint> endpoints = server.app().adminEndpoints();
        assertTrue(endpoints.size() > 20, "the routes table lists the admin endpoints: " + endpoints);
        Set<String> open = endpoints.stream().filter(Endpoint::isOpen).map(e -> e.method() + " " + e.pattern())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(OPEN), open, "open admin endpoints (callable without signing in)");
    }

    @Test
    void eachRoleReachesExactlyTheEndpointsItsRoleCovers() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : server.app().adminEndpoints()) {
            if (endpoint.isOpen()) {
                continue;
            }
            for (Member member : List.of(viewer, editor, owner)) {
                Role role = member == owner ? Role.OWNER : member == editor ? Role.EDITOR : Role.VIEWER;
                boolean allowed = role.covers(endpoint.role());
                // A call that may change or use up its object (archive, delete, remove) gets a fresh one.
                String path = fill(endpoint.pattern(), allowed && !endpoint.method().equals("GET") ? member : null);
                HttpResponse<String> reply = call(member, endpoint.method(), path);
                int status = reply.statusCode();
                boolean ok = allowed ? status < 500 && !Set.of(401, 403, 404, 405).contains(status) : status == 403;
                if (!ok) {
                    wrong.add(role + " " + endpoint.method() + " " + path + " → " + status + " (expected "
                            + (allowed ? "to get through" : "403") + "): " + abbreviated(reply.body()));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void anotherAccountsOwnerGetsNothingOfAccountA() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : server.app().adminEndpoints()) {
            if (endpoint.isOpen()) {
                continue;
            }
            String path = fill(endpoint.pattern(), null);
            HttpResponse<String> reply = call(stranger, endpoint.method(), path);
            int status = reply.statusCode();
            boolean namesObject = PLACEHOLDER.matcher(endpoint.pattern()).results()
                    .anyMatch(m -> !NOT_OWNED.contains(m.group(1)))
                    && !ECHOES.contains(endpoint.method() + " " + endpoint.pattern());
            boolean refused = status == 403 || status == 404;
            // A refusal may echo what B itself sent (a form key in "Form 'x' not found"); any other answer holds
            // nothing of A's.
            List<String> leaked = refused ? List.of() : markers.stream().filter(reply.body()::contains).toList();
            if (namesObject ? !refused : status >= 500 || !leaked.isEmpty()) {
                wrong.add("B " + endpoint.method() + " " + path + " → " + status + (leaked.isEmpty() ? ""
                        : " leaking " + leaked) + ": " + abbreviated(reply.body()));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** The API with the member's token; pages with their session (POSTs with its CSRF token). */
    private HttpResponse<String> call(Member member, String method, String path) throws Exception {
        if (path.startsWith("/admin/api/")) {
            String body = method.equals("POST") || method.equals("PUT") ? "{}" : null;
            return team.bearer(member.token(), method, path, body);
        }
        AdminBrowserSession browser = member.browser();
        if (method.equals("GET")) {
            return browser.get(path);
        }
        // A page's form names the form it acts on, where it acts on one (retry all failed ones of a form).
        HttpResponse<String> reply = browser.postForm(path, Map.of("csrf", List.of(browser.csrf()),
                "form", List.of(FORM)));
        browser.refreshCsrf();
        return reply;
    }

    /** The pattern with account A's objects; fresh ones made for {@code freshFor} when not null. */
    private String fill(String pattern, Member freshFor) throws Exception {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = freshFor == null ? sample(m.group(1)) : fresh(m.group(1), freshFor, pattern);
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    private String sample(String placeholder) {
        String value = samples.get(placeholder);
        if (value == null) {
            fail("No sample of account A for {" + placeholder + "}: add one to AdminRouteFenceIT.samples "
                    + "(and to fresh() when a call may use it up)");
        }
        return value;
    }

    private String group(String name) throws Exception {
        return server.adminJson("POST", "/admin/api/form-groups", "{\"name\": \"" + name + "\"}").getAsJsonObject()
                .get("id").getAsString();
    }

    /** An edit link of account A, written as the e-mail that carries one would write it. */
    private String editLink() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        try (org.formhaus.storage.Database db = server.database().open()) {
            new org.formhaus.storage.EditLinkStore(db).insert(new org.formhaus.storage.EditLink(id,
                    java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(id.getBytes(StandardCharsets.UTF_8))), Long.parseLong(samples.get("account")),
                    FORM, "address", "1", null, null, now, now + 86_400_000L, null));
        }
        return id;
    }

    private String ownerTokenId() throws Exception {
        return JsonParser.parseString(team.bearer(owner.token(), "POST", "/admin/api/tokens", "{\"label\": \"a\"}")
                .body()).getAsJsonObject().get("id").getAsString();
    }

    private String invitationId(String link) throws Exception {
        return JsonParser.parseString(team.bearer(owner.token(), "GET", "/admin/api/team/invitations", null).body())
                .getAsJsonArray().get(0).getAsJsonObject().get("id").getAsString();
    }

    private static String abbreviated(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
