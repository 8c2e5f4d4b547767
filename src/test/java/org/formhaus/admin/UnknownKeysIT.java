package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No silent settings (issue #15): every admin JSON endpoint, under {@code /admin/api} and {@code /api}, refuses a key
 * Formhaus does not know with 400 naming the key and its path, and stores nothing of such a request. Reading an
 * object and sending it back (GET, edit, PUT) still works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownKeysIT {

    static final String PROVISIONING_KEY = "unknown-keys-provisioning-key";
    static final String FORM = """
            { "key": "uk-form", "kind": "contact", "title": "%s", "fields": [
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"} ] }""";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("provisioning.api.key", PROVISIONING_KEY).perTestClass();
    String submission;

    /** One request with a key nobody knows, and the error it must get. */
    record Case(String method, String path, String body, String error) {
        @Override
        public String toString() {
            return method + " " + path + " " + body;
        }
    }

    @BeforeAll
    void start() throws Exception {
        server.adminJson("POST", "/admin/api/forms", FORM.formatted("Vorher"));
        HttpResponse<String> accepted = server.submitJson("uk-form", Map.of("email", List.of("uk@example.org")));
        assertEquals(202, accepted.statusCode(), accepted.body());
        submission = JsonParser.parseString(accepted.body()).getAsJsonObject().get("id").getAsString();
    }

    Stream<Case> cases() {
        return Stream.of(
                new Case("POST", "/admin/api/forms", FORM.formatted("Neu").replace("\"uk-form\"", "\"uk-new\"")
                        .replace("\"title\"", "\"password\": \"s3cret\", \"title\""),
                        "Invalid form definition: password: unknown key 'password'"),
                new Case("PUT", "/admin/api/forms/uk-form", FORM.formatted("Nachher").replace("\"required\"",
                        "\"maxSubmissions\": 10, \"required\""),
                        "Invalid form definition: fields[0].maxSubmissions: unknown key 'maxSubmissions'"),
                new Case("PUT", "/admin/api/forms/uk-form", FORM.formatted("Nachher").replace("\"fields\"",
                        "\"onoffice\": {\"task\": {\"usr\": \"mmakler\"}}, \"fields\""),
                        "Invalid form definition: onoffice.task.usr: unknown key 'usr'"),
                new Case("DELETE", "/admin/api/forms/uk-form", "{\"force\": true}", "force: unknown key 'force'"),
                new Case("POST", "/admin/api/forms/uk-form/revert", "{\"version\": 1, \"force\": true}",
                        "force: unknown key 'force'"),
                new Case("POST", "/admin/api/forms/uk-form/duplicate", "{\"key\": \"uk-copy\", \"withData\": true}",
                        "withData: unknown key 'withData'"),
                new Case("PUT", "/admin/api/settings/onoffice", "{\"token\": \"neu\", \"secrett\": \"x\"}",
                        "secrett: unknown key 'secrett'"),
                new Case("PUT", "/admin/api/settings/embedding", "{\"allowedOrigins\": [], \"allowAll\": true}",
                        "allowAll: unknown key 'allowAll'"),
                new Case("PUT", "/admin/api/settings/webhooks", "{\"endpoints\": [], \"events\": [\"all\"]}",
                        "events: unknown key 'events'"),
                new Case("POST", "/admin/api/tokens", "{\"label\": \"ci\", \"expires\": \"2027-01-01\"}",
                        "expires: unknown key 'expires'"),
                new Case("DELETE", "/admin/api/tokens/abcdef", "{\"all\": true}", "all: unknown key 'all'"),
                new Case("POST", "/admin/api/provisioning-keys", "{\"label\": \"shop\", \"scope\": \"all\"}",
                        "scope: unknown key 'scope'"),
                new Case("DELETE", "/admin/api/provisioning-keys/abcdef", "{\"all\": true}", "all: unknown key 'all'"),
                new Case("PUT", "/admin/api/user/password", "{\"currentPassword\": \"a\", \"newPassword\": \"b\", "
                        + "\"keepSessions\": true}", "keepSessions: unknown key 'keepSessions'"),
                new Case("GET", "/admin/api/submissions?status=failed", null,
                        "Unknown query parameter 'status'; known: limit, form"),
                new Case("POST", "/admin/api/submissions/{submission}/retry", "{\"force\": true}",
                        "force: unknown key 'force'"),
                new Case("GET", "/admin/api/submissions.csv?form=uk-form&sep=semicolon", null,
                        "Unknown query parameter 'sep'; known: form, status, from, to, q, separator"),
                new Case("POST", "/admin/api/data-subject-requests",
                        "{\"email\": \"x@example.org\", \"action\": \"find\", \"allAccounts\": true}",
                        "allAccounts: unknown key 'allAccounts'"),
                new Case("GET", "/admin/api/statistics/uk-form?days=7&period=week", null,
                        "Unknown query parameter 'period'; known: days"),
                new Case("GET", "/admin/api/onoffice-fields?module=address", null,
                        "Unknown query parameter 'module'; known: none"),
                new Case("POST", "/admin/api/connection/check", "{\"deep\": true}", "deep: unknown key 'deep'"),
                new Case("POST", "/admin/api/connection/test-email",
                        "{\"mailbox\": \"info@agentur.example\", \"to\": \"x@example.org\"}", "to: unknown key 'to'"),
                // Edit links (issue 12)
                new Case("GET", "/admin/api/edit-links?form=uk-form&all=true", null,
                        "Unknown query parameter 'all'; known: form, submission"),
                new Case("POST", "/admin/api/edit-links/revoke", "{\"form\": \"uk-form\", \"record\": 17}",
                        "record: unknown key 'record'"),
                // Teams and consultants (issue 13)
                new Case("POST", "/admin/api/team/invitations", "{\"role\": \"editor\", \"expires\": \"2027\"}",
                        "expires: unknown key 'expires'"),
                new Case("PUT", "/admin/api/team/members/1", "{\"role\": \"owner\", \"admin\": true}",
                        "admin: unknown key 'admin'"),
                new Case("GET", "/admin/api/accounts?all=true", null, "Unknown query parameter 'all'; known: none"),
                new Case("POST", "/admin/api/copies", "{\"toAccount\": 1, \"forms\": [], \"groups\": [\"x\"]}",
                        "groups: unknown key 'groups'"),
                new Case("POST", "/admin/api/form-groups", "{\"name\": \"Messe\", \"colour\": \"red\"}",
                        "colour: unknown key 'colour'"),
                new Case("PUT", "/admin/api/form-groups/1", "{\"name\": \"Messe\", \"forms\": []}",
                        "forms: unknown key 'forms'"),
                new Case("PUT", "/admin/api/form-groups/1/forms/uk-form", "{\"position\": 1}",
                        "position: unknown key 'position'"),
                new Case("POST", "/api/users", "{\"method\": \"createUser\", \"params\": {\"email\": \"uk@agentur.example\","
                        + " \"password\": \"long-enough-password\", \"role\": \"owner\"}}", "params.role: unknown key 'role'"),
                new Case("GET", "/api/users", "{\"method\": \"getUserByEmail\", \"params\": {\"email\": \"x@example.org\"},"
                        + " \"debug\": true}", "debug: unknown key 'debug'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anUnknownKeyIsRefusedWith400NamingItAndItsPath(Case c) throws Exception {
        HttpResponse<String> reply = send(c);
        assertEquals(400, reply.statusCode(), reply.body());
        assertEquals(c.error(), JsonParser.parseString(reply.body()).getAsJsonObject().get("error").getAsString());
    }

    @Test
    void aRefusedRequestChangesNothing() throws Exception {
        cases().forEach(c -> {
            try {
                send(c);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        JsonObject form = server.adminJson("GET", "/admin/api/forms/uk-form", null).getAsJsonObject();
        assertEquals("Vorher", form.get("title").getAsString());
        assertEquals(404, server.admin("GET", "/admin/api/forms/uk-new", null).statusCode());
        assertEquals(TestServer.SIM_TOKEN, server.adminJson("GET", "/admin/api/settings/onoffice", null)
                .getAsJsonObject().get("token").getAsString());
        String tokens = server.adminJson("GET", "/admin/api/tokens", null).toString();
        assertTrue(!tokens.contains("\"ci\""), tokens);
        String keys = server.adminJson("GET", "/admin/api/provisioning-keys", null).toString();
        assertTrue(!keys.contains("\"shop\""), keys);
        HttpResponse<String> user = provisioning("{\"method\": \"getUserByEmail\", \"params\": {\"email\": "
                + "\"uk@agentur.example\"}}");
        assertEquals(404, user.statusCode(), "no user was created: " + user.body());
    }

    @Test
    void aFormReadAndSentBackIsAcceptedAndAnEditOfAnOlderVersionIsRefused() throws Exception {
        JsonObject read = server.adminJson("GET", "/admin/api/forms/uk-form", null).getAsJsonObject();
        assertTrue(read.has("version") && read.has("spamCount"), read.toString());
        read.addProperty("title", "Zurück");
        JsonObject saved = server.adminJson("PUT", "/admin/api/forms/uk-form", read.toString()).getAsJsonObject();
        assertEquals(read.get("version").getAsInt() + 1, saved.get("version").getAsInt());
        assertEquals("Zurück", saved.get("title").getAsString());

        read.addProperty("title", "Veraltet"); // still carries the version read before the save above
        HttpResponse<String> stale = server.admin("PUT", "/admin/api/forms/uk-form", read.toString());
        assertEquals(409, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains("version: the form is at version " + saved.get("version").getAsInt()),
                stale.body());
        server.adminJson("PUT", "/admin/api/forms/uk-form", FORM.formatted("Vorher"));
    }

    @Test
    void settingsReadAndSentBackAreAcceptedButAChangedReadOnlyMemberIsNot() throws Exception {
        JsonObject read = server.adminJson("GET", "/admin/api/settings/onoffice", null).getAsJsonObject();
        assertEquals(200, server.admin("PUT", "/admin/api/settings/onoffice", read.toString()).statusCode());
        read.addProperty("secretSet", !read.get("secretSet").getAsBoolean());
        HttpResponse<String> flipped = server.admin("PUT", "/admin/api/settings/onoffice", read.toString());
        assertEquals(400, flipped.statusCode());
        assertTrue(flipped.body().contains("secretSet: is read-only"), flipped.body());
        assertEquals(200, server.admin("PUT", "/admin/api/settings/embedding", server.adminJson("GET",
                "/admin/api/settings/embedding", null).toString()).statusCode());
    }

    @Test
    void aFormStoredBeforeItsKeysWereRefusedKeepsWorkingAndItsNextSaveNamesThem() throws Exception {
        long account = server.app().forms().current("uk-form").orElseThrow().accountId();
        server.app().forms().save(account, new DefinitionParser().parseStored(JsonParser.parseString(
                FORM.formatted("Alt").replace("uk-form", "uk-legacy").replace("\"title\"", "\"password\": \"x\", \"title\""))
                .getAsJsonObject()));
        assertEquals(200, server.get("/f/uk-legacy").statusCode(), "the form is still served");
        JsonObject read = server.adminJson("GET", "/admin/api/forms/uk-legacy", null).getAsJsonObject();
        HttpResponse<String> again = server.admin("PUT", "/admin/api/forms/uk-legacy", read.toString());
        assertEquals(400, again.statusCode());
        assertEquals("{\"error\":\"Invalid form definition: password: unknown key 'password'\"}", again.body());
    }

    /** Every JSON endpoint FormhausApp mounts under /admin/api or /api has a row in {@link #cases()}. */
    @Test
    void theTableCoversEveryAdminJsonEndpoint() throws Exception {
        String app = Files.readString(Path.of("src/main/java/org/formhaus/FormhausApp.java"));
        Matcher path = Pattern.compile("\"(/(?:admin/)?api/[^\"*]*)\\*?\"").matcher(app);
        List<String> missing = new ArrayList<>();
        List<String> covered = cases().map(c -> c.path().replaceAll("\\?.*", "")).toList();
        while (path.find()) {
            String p = path.group(1).replaceAll("/$", "");
            if (!p.equals("/admin/api") && covered.stream().noneMatch(c -> c.startsWith(p)) && !missing.contains(p)) {
                missing.add(p);
            }
        }
        assertEquals(List.of(), missing, "endpoints without an unknown-key case");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    HttpResponse<String> send(Case c) throws Exception {
        String path = c.path().replace("{submission}", submission);
        if (path.startsWith("/api/")) {
            return provisioning(c.method(), c.body());
        }
        return server.admin(c.method(), path, c.body());
    }

    HttpResponse<String> provisioning(String body) throws Exception {
        return provisioning("POST", body);
    }

    HttpResponse<String> provisioning(String method, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/api/users"))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("x-api-key", PROVISIONING_KEY).header("Content-Type", "application/json"));
    }
}
