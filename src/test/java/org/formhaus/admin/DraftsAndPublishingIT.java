package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.AdminBrowserSession;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drafts and publishing over the admin API on MariaDB (issue 10): a draft never changes the live form until it is
 * published; every published version is kept with who published it; versions compare and revert; the form list shows
 * each form's status; duplicate, archive and restore; another account sees none of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftsAndPublishingIT {

    static final String PROVISIONING_KEY = "provisioning-key-for-drafts";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("provisioning.api.key", PROVISIONING_KEY).perTestClass();

    @Test
    void aDraftChangesTheLiveFormOnlyWhenPublished() throws Exception {
        assertEquals(201, server.admin("POST", "/admin/api/forms", TestForms.emailOnly("drafted", "Erster Titel"))
                .statusCode());
        JsonObject saved = object(server.admin("PUT", "/admin/api/forms/drafted/draft",
                TestForms.emailOnly("drafted", "Zweiter Titel")));
        assertEquals(0, saved.getAsJsonArray("problems").size(), saved.toString());
        assertTrue(saved.get("pending").getAsBoolean());
        assertEquals(1, saved.get("liveVersion").getAsInt());

        assertTrue(server.get("/f/drafted").body().contains("Erster Titel"), "the visitor still gets version 1");
        assertEquals("Zweiter Titel", object(server.admin("GET", "/admin/api/forms/drafted/draft", null))
                .getAsJsonObject("definition").get("title").getAsString());

        HttpResponse<String> published = server.admin("POST", "/admin/api/forms/drafted/publish", null);
        assertEquals(200, published.statusCode(), published.body());
        assertEquals(2, object(published).get("version").getAsInt());
        assertTrue(server.get("/f/drafted").body().contains("Zweiter Titel"));
        assertFalse(object(server.admin("GET", "/admin/api/forms/drafted/draft", null)).get("pending").getAsBoolean());
        assertEquals(404, server.admin("POST", "/admin/api/forms/drafted/publish", null).statusCode(),
                "nothing left to publish");

        JsonArray versions = array(server.admin("GET", "/admin/api/forms/drafted/versions", null));
        assertEquals(2, versions.size());
        assertEquals(2, versions.get(0).getAsJsonObject().get("version").getAsInt());
        assertEquals("admin@formhaus.local", versions.get(0).getAsJsonObject().get("publishedBy").getAsString());
        assertTrue(versions.get(0).getAsJsonObject().get("live").getAsBoolean());
        assertFalse(versions.get(1).getAsJsonObject().get("live").getAsBoolean());
    }

    @Test
    void anIncompleteDraftIsSavedWithItsProblemsButNotPublished() throws Exception {
        JsonObject saved = object(server.admin("PUT", "/admin/api/forms/blank/draft?new=true",
                "{\"kind\": \"contact\", \"title\": \"Leer\", \"fields\": []}"));
        assertEquals("blank", saved.getAsJsonObject("definition").get("key").getAsString());
        JsonArray problems = saved.getAsJsonArray("problems");
        assertEquals("fields", problems.get(0).getAsJsonObject().get("place").getAsString(), problems.toString());
        assertEquals(409, server.admin("PUT", "/admin/api/forms/blank/draft?new=true", "{\"fields\": []}").statusCode(),
                "a new draft does not overwrite an existing one");

        HttpResponse<String> refused = server.admin("POST", "/admin/api/forms/blank/publish", null);
        assertEquals(400, refused.statusCode());
        assertEquals("fields", object(refused).getAsJsonArray("problems").get(0).getAsJsonObject().get("place")
                .getAsString());
        assertEquals(404, server.get("/f/blank").statusCode(), "never published");

        HttpResponse<String> unknownKey = server.admin("PUT", "/admin/api/forms/blank/draft",
                "{\"kind\": \"contact\", \"fields\": [{\"name\": \"a\", \"type\": \"text\", \"colour\": \"red\"}]}");
        assertEquals(200, unknownKey.statusCode(), "a draft keeps what it is given");
        assertTrue(unknownKey.body().contains("fields[0].colour"), unknownKey.body());
        assertEquals(400, server.admin("PUT", "/admin/api/forms/blank/draft", "{\"key\": \"other\"}").statusCode());
    }

    @Test
    void aDraftWithAProtectionProblemStillSealsItsPasswordAndKeys() throws Exception {
        String draft = TestForms.emailOnly("sealed-draft", "Geschützt").replaceFirst("\\{",
                "{\"protection\": {\"password\": \"Tender-2027!\", \"oneTimeKeys\": [\"key-aaaa-1111\"],"
                        + " \"allowedIps\": [\"not an address\"]}, ");
        JsonObject saved = object(server.admin("PUT", "/admin/api/forms/sealed-draft/draft?new=true", draft));
        assertTrue(saved.getAsJsonArray("problems").toString().contains("protection.allowedIps"), saved.toString());
        String stored = server.admin("GET", "/admin/api/forms/sealed-draft/draft", null).body();
        assertFalse(stored.contains("Tender-2027!"), "no clear password in the draft: " + stored);
        assertFalse(stored.contains("key-aaaa-1111"), "no clear one-time key in the draft: " + stored);

        JsonObject tooShort = object(server.admin("PUT", "/admin/api/forms/sealed-draft/draft",
                draft.replace("Tender-2027!", "abc")));
        assertTrue(tooShort.getAsJsonArray("problems").toString().contains("protection.password"), tooShort.toString());
        assertTrue(server.admin("GET", "/admin/api/forms/sealed-draft/draft", null).body().contains("\"abc\""),
                "a password that is itself wrong stays as typed, to be corrected");
    }

    @Test
    void versionsCompareFieldByFieldAndAnOldOneIsPublishedAgain() throws Exception {
        server.admin("POST", "/admin/api/forms", TestForms.emailOnly("compared", "Alt"));
        assertEquals(200, server.admin("PUT", "/admin/api/forms/compared", TestForms.nameAndEmail("compared", "Neu"))
                .statusCode());

        JsonObject diff = object(server.admin("GET", "/admin/api/forms/compared/diff?from=1&to=2", null));
        List<String> changes = diff.getAsJsonArray("changes").asList().stream()
                .map(c -> c.getAsJsonObject().get("change").getAsString() + " " + c.getAsJsonObject().get("path")
                        .getAsString()).toList();
        assertTrue(changes.contains("changed title"), changes.toString());
        assertTrue(changes.contains("added language"), changes.toString());
        assertTrue(changes.contains("added fields[vorname]"), changes.toString());
        assertTrue(changes.contains("moved fields") || !changes.contains("changed fields[email].name"), changes.toString());
        assertEquals(400, server.admin("GET", "/admin/api/forms/compared/diff?from=x", null).statusCode());
        assertEquals(400, server.admin("GET", "/admin/api/forms/compared/diff?since=1", null).statusCode());

        HttpResponse<String> reverted = server.admin("POST", "/admin/api/forms/compared/revert", "{\"version\": 1}");
        assertEquals(200, reverted.statusCode(), reverted.body());
        assertEquals(3, object(reverted).get("version").getAsInt());
        assertTrue(server.get("/f/compared").body().contains("Alt"));
        assertEquals(0, object(server.admin("GET", "/admin/api/forms/compared/diff?from=1&to=3", null))
                .getAsJsonArray("changes").size());
        assertEquals("Neu", object(server.admin("GET", "/admin/api/forms/compared/versions/2", null)).get("title")
                .getAsString());
        assertEquals(404, server.admin("GET", "/admin/api/forms/compared/versions/9", null).statusCode());
    }

    @Test
    void theListShowsStatusesAndFormsAreDuplicatedArchivedAndRestored() throws Exception {
        server.admin("POST", "/admin/api/forms", TestForms.emailOnly("listed", "Gelistet"));
        server.submitJson("listed", Map.of("email", List.of("max@example.com")));
        HttpResponse<String> copy = server.admin("POST", "/admin/api/forms/listed/duplicate",
                "{\"key\": \"listed-copy\", \"title\": \"Kopie\"}");
        assertEquals(201, copy.statusCode(), copy.body());
        assertEquals(409, server.admin("POST", "/admin/api/forms/listed/duplicate", "{\"key\": \"listed\"}").statusCode());
        assertEquals(404, server.get("/f/listed-copy").statusCode(), "a copy is a draft until published");

        assertEquals(204, server.admin("POST", "/admin/api/forms/listed/archive", null).statusCode());
        assertEquals(404, server.get("/f/listed").statusCode(), "archived forms are not served");
        Map<String, String> statuses = statuses(array(server.admin("GET", "/admin/api/forms?all=true&q=listed", null)));
        assertEquals("archived", statuses.get("listed"));
        assertEquals("draft", statuses.get("listed-copy"));
        assertEquals(1, array(server.admin("GET", "/admin/api/submissions?form=listed", null)).size(),
                "submissions are kept");

        assertEquals(204, server.admin("POST", "/admin/api/forms/listed/restore", null).statusCode());
        assertEquals(404, server.admin("POST", "/admin/api/forms/listed/restore", null).statusCode(), "live already");
        assertEquals(200, server.get("/f/listed").statusCode());
        server.admin("PUT", "/admin/api/forms/listed/draft", TestForms.emailOnly("listed", "Gelistet 2"));
        JsonObject entry = array(server.admin("GET", "/admin/api/forms?all=true&q=gelistet", null)).get(0)
                .getAsJsonObject();
        assertEquals("live", entry.get("status").getAsString());
        assertTrue(entry.get("draftPending").getAsBoolean());
        assertEquals("Gelistet 2", entry.get("title").getAsString(), "the list shows the draft's title");
    }

    @Test
    void anotherAccountGets404ForEveryPublishingRoute() throws Exception {
        server.admin("POST", "/admin/api/forms", TestForms.emailOnly("theirs", "Fremd"));
        server.admin("PUT", "/admin/api/forms/theirs-draft/draft", TestForms.emailOnly("theirs-draft", "Fremd"));
        HttpResponse<String> created = server.send(HttpRequest.newBuilder(server.uri("/api/users"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"method\": \"createUser\", \"params\": {\"email\": "
                        + "\"zweite@agentur.example\", \"password\": \"zweites-passwort\", \"displayName\": \"Z\", "
                        + "\"instance\": \"zweite\"}}"))
                .header("x-api-key", PROVISIONING_KEY).header("Content-Type", "application/json"));
        assertEquals(200, created.statusCode(), created.body());
        AdminBrowserSession other = new AdminBrowserSession(server);
        assertEquals(303, other.signIn("zweite@agentur.example", "zweites-passwort").statusCode());

        for (String[] call : List.of(new String[] {"GET", "draft"}, new String[] {"PUT", "draft"},
                new String[] {"DELETE", "draft"}, new String[] {"POST", "publish"}, new String[] {"GET", "versions"},
                new String[] {"GET", "versions/1"}, new String[] {"GET", "diff?from=1&to=1"},
                new String[] {"POST", "archive"}, new String[] {"POST", "restore"})) {
            String body = call[0].equals("PUT") ? TestForms.emailOnly("theirs", "Meins") : null;
            assertEquals(404, other.api(call[0], "/admin/api/forms/theirs/" + call[1], body).statusCode(),
                    call[0] + " " + call[1]);
        }
        assertEquals(404, other.api("PUT", "/admin/api/forms/theirs-draft/draft",
                TestForms.emailOnly("theirs-draft", "Meins")).statusCode(), "a draft's key is taken too");
        assertEquals(404, other.api("POST", "/admin/api/forms/theirs/revert", "{\"version\": 1}").statusCode());
        assertEquals(404, other.api("POST", "/admin/api/forms/theirs/duplicate", "{\"key\": \"stolen\"}").statusCode());
        assertEquals(0, JsonParser.parseString(other.api("GET", "/admin/api/forms?all=true", null).body())
                .getAsJsonArray().size());
        assertEquals(404, other.get("/admin/build/theirs").statusCode());
        assertEquals(404, other.get("/admin/build/theirs/preview").statusCode());
        assertEquals(404, other.get("/admin/build/theirs/versions").statusCode());
        assertTrue(server.get("/f/theirs").body().contains("Fremd"));
    }

    private static Map<String, String> statuses(JsonArray list) {
        Map<String, String> statuses = new java.util.HashMap<>();
        for (JsonElement e : list) {
            statuses.put(e.getAsJsonObject().get("key").getAsString(), e.getAsJsonObject().get("status").getAsString());
        }
        return statuses;
    }

    private static JsonObject object(HttpResponse<String> reply) {
        return JsonParser.parseString(reply.body()).getAsJsonObject();
    }

    private static JsonArray array(HttpResponse<String> reply) {
        assertEquals(200, reply.statusCode(), reply.body());
        return JsonParser.parseString(reply.body()).getAsJsonArray();
    }
}
