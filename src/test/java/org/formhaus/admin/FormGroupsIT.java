package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import org.formhaus.testing.TeamMembers;
import org.formhaus.testing.TeamMembers.Member;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Form groups over real HTTP on MariaDB (issue 13): an editor creates a group, puts forms into it, renames and deletes
 * it (the forms stay, ungrouped); a viewer reads but may not change; another account's owner finds nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormGroupsIT {

    static final String KEY = "instance-key-for-groups";

    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("provisioning.api.key", KEY).perTestClass();

    @Test
    void anEditorGroupsFormsAViewerReadsAndAnotherAccountFindsNothing() throws Exception {
        TeamMembers team = new TeamMembers(server);
        Member owner = team.firstAdmin();
        Member editor = team.member(owner.token(), "editor", "editor@gruppen.example");
        Member viewer = team.member(owner.token(), "viewer", "viewer@gruppen.example");
        Member stranger = team.provisioned(KEY, "fremd@andere.example");
        server.adminJson("POST", "/admin/api/forms", TestForms.contact("messe-kontakt"));
        server.adminJson("POST", "/admin/api/forms", TestForms.contact("messe-rueckruf"));
        server.adminJson("POST", "/admin/api/forms", TestForms.contact("allein"));

        HttpResponse<String> created = team.bearer(editor.token(), "POST", "/admin/api/form-groups",
                "{\"name\": \"  Messe 2027 \"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject group = JsonParser.parseString(created.body()).getAsJsonObject();
        assertEquals("Messe 2027", group.get("name").getAsString());
        String path = "/admin/api/form-groups/" + group.get("id").getAsLong();
        // Same name again: 409 naming the field; no name: 400 naming it.
        HttpResponse<String> again = team.bearer(editor.token(), "POST", "/admin/api/form-groups",
                "{\"name\": \"Messe 2027\"}");
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("name:"), again.body());
        HttpResponse<String> nameless = team.bearer(editor.token(), "POST", "/admin/api/form-groups", "{}");
        assertEquals(400, nameless.statusCode());
        assertTrue(nameless.body().contains("name: required"), nameless.body());

        assertEquals(200, team.bearer(editor.token(), "PUT", path + "/forms/messe-kontakt", null).statusCode());
        HttpResponse<String> second = team.bearer(editor.token(), "PUT", path + "/forms/messe-rueckruf", null);
        assertEquals(200, second.statusCode(), second.body());
        assertEquals("[\"messe-kontakt\",\"messe-rueckruf\"]",
                JsonParser.parseString(second.body()).getAsJsonObject().get("forms").toString());

        // The viewer reads the groups with their forms, but may not change them.
        JsonArray listed = JsonParser.parseString(team.bearer(viewer.token(), "GET", "/admin/api/form-groups", null)
                .body()).getAsJsonArray();
        assertEquals(1, listed.size());
        assertEquals(2, listed.get(0).getAsJsonObject().getAsJsonArray("forms").size());
        assertEquals(403, team.bearer(viewer.token(), "POST", "/admin/api/form-groups", "{\"name\": \"x\"}")
                .statusCode());
        assertEquals(403, team.bearer(viewer.token(), "PUT", path, "{\"name\": \"x\"}").statusCode());
        assertEquals(403, team.bearer(viewer.token(), "PUT", path + "/forms/allein", null).statusCode());
        assertEquals(403, team.bearer(viewer.token(), "DELETE", path, null).statusCode());

        // Another account: the group and the forms are not found, its own list is empty.
        assertEquals("[]", team.bearer(stranger.token(), "GET", "/admin/api/form-groups", null).body());
        assertEquals(404, team.bearer(stranger.token(), "PUT", path, "{\"name\": \"Meins\"}").statusCode());
        assertEquals(404, team.bearer(stranger.token(), "DELETE", path, null).statusCode());
        assertEquals(404, team.bearer(stranger.token(), "PUT", path + "/forms/allein", null).statusCode());
        assertEquals(404, team.bearer(stranger.token(), "DELETE", path + "/forms/messe-kontakt", null).statusCode());
        HttpResponse<String> ownGroup = team.bearer(stranger.token(), "POST", "/admin/api/form-groups",
                "{\"name\": \"Messe 2027\"}");
        assertEquals(201, ownGroup.statusCode(), "names are unique per account only: " + ownGroup.body());
        String strangersPath = "/admin/api/form-groups/"
                + JsonParser.parseString(ownGroup.body()).getAsJsonObject().get("id").getAsLong();
        assertEquals(404, team.bearer(stranger.token(), "PUT", strangersPath + "/forms/allein", null).statusCode(),
                "a form of account A cannot go into B's group");
        // An unknown form of the own account: 404.
        assertEquals(404, team.bearer(editor.token(), "PUT", path + "/forms/gibt-es-nicht", null).statusCode());

        // The form list shows the group with its forms; only editors get the controls.
        String ownerList = owner.browser().get("/admin").body();
        assertTrue(ownerList.contains("Messe 2027") && ownerList.contains("id=\"group-new\"")
                && ownerList.contains("id=\"group-of-allein\""), ownerList);
        String viewerList = viewer.browser().get("/admin").body();
        assertTrue(viewerList.contains("Messe 2027") && !viewerList.contains("group-new")
                && !viewerList.contains("group-of-allein"), viewerList);

        // Rename, take one form out, delete: the forms stay.
        HttpResponse<String> renamed = team.bearer(editor.token(), "PUT", path, "{\"name\": \"Messe 2028\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("Messe 2028", JsonParser.parseString(renamed.body()).getAsJsonObject().get("name").getAsString());
        assertEquals(204, team.bearer(editor.token(), "DELETE", path + "/forms/messe-rueckruf", null).statusCode());
        JsonObject after = JsonParser.parseString(server.admin("GET", "/admin/api/form-groups", null).body())
                .getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("[\"messe-kontakt\"]", after.get("forms").toString());
        assertEquals(204, team.bearer(editor.token(), "DELETE", path, null).statusCode());
        assertEquals("[]", server.admin("GET", "/admin/api/form-groups", null).body());
        assertEquals(200, server.admin("GET", "/admin/api/forms/messe-kontakt", null).statusCode());
        assertEquals(404, team.bearer(editor.token(), "PUT", path, "{\"name\": \"weg\"}").statusCode());
    }
}
