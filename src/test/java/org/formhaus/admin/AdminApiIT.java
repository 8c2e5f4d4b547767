package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.formhaus.testing.TestForms;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin JSON API over real HTTP on MariaDB: authentication, form CRUD with versions, settings. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiIT {


    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().perTestClass();

    @Test
    void refusesCallsWithoutOrWithAWrongToken() throws Exception {
        assertEquals(401, server.get("/admin/api/forms").statusCode());
        HttpResponse<String> wrong = server.send(HttpRequest.newBuilder(server.uri("/admin/api/forms"))
                .header("Authorization", "Bearer nope"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("Invalid API token"));
    }

    @Test
    void malformedJsonIs400NamingTheProblem() throws Exception {
        HttpResponse<String> reply = server.admin("POST", "/admin/api/forms", "{\"key\": ");
        assertEquals(400, reply.statusCode());
        assertTrue(reply.body().contains("Malformed JSON"), reply.body());
        assertFalse(reply.body().contains("at com."), "no stack trace");
    }

    @Test
    void anInvalidDefinitionIs400NamingThePlace() throws Exception {
        HttpResponse<String> reply = server.admin("POST", "/admin/api/forms", """
                {"key": "bad", "kind": "contact", "fields": [{"name": "x", "type": "hologram"}]}""");
        assertEquals(400, reply.statusCode());
        assertTrue(reply.body().contains("fields[0].type"), reply.body());
    }

    @Test
    void formsAreCreatedReadReplacedWithANewVersionAndDeleted() throws Exception {
        HttpResponse<String> created = server.admin("POST", "/admin/api/forms", TestForms.emailOnly("crud", "One"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(1, json(created).get("version").getAsInt());
        assertEquals(409, server.admin("POST", "/admin/api/forms", TestForms.emailOnly("crud", "Again")).statusCode());

        HttpResponse<String> replaced = server.admin("PUT", "/admin/api/forms/crud", TestForms.emailOnly("crud", "Two"));
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals(2, json(replaced).get("version").getAsInt());
        assertEquals("Two", json(server.admin("GET", "/admin/api/forms/crud", null)).get("title").getAsString());
        assertTrue(server.get("/f/crud").body().contains("Two"), "the page shows the new version at once");

        assertEquals(204, server.admin("DELETE", "/admin/api/forms/crud", null).statusCode());
        assertEquals(404, server.admin("GET", "/admin/api/forms/crud", null).statusCode());
        assertEquals(404, server.get("/f/crud").statusCode());
    }

    @Test
    void aPutWhoseKeyDiffersFromTheUrlIsRefused() throws Exception {
        HttpResponse<String> reply = server.admin("PUT", "/admin/api/forms/one", TestForms.emailOnly("other", "X"));
        assertEquals(400, reply.statusCode());
        assertTrue(reply.body().contains("key"), reply.body());
    }

    @Test
    void theOnOfficeSecretIsWriteOnly() throws Exception {
        HttpResponse<String> put = server.admin("PUT", "/admin/api/settings/onoffice", """
                {"token": "%s", "secret": "%s", "senders": ["info@agency.example"]}"""
                .formatted(TestServer.SIM_TOKEN, TestServer.SIM_SECRET));
        assertEquals(200, put.statusCode(), put.body());
        HttpResponse<String> read = server.admin("GET", "/admin/api/settings/onoffice", null);
        assertFalse(read.body().contains(TestServer.SIM_SECRET), read.body());
        assertTrue(json(read).get("secretSet").getAsBoolean());
        assertEquals(400, server.admin("PUT", "/admin/api/settings/onoffice", "{\"senders\": [\"nope\"]}").statusCode());
    }

    @Test
    void embeddingOriginsAreValidatedAndStored() throws Exception {
        assertEquals(400, server.admin("PUT", "/admin/api/settings/embedding",
                "{\"allowedOrigins\": [\"https://agency.example/path\"]}").statusCode());
        HttpResponse<String> ok = server.admin("PUT", "/admin/api/settings/embedding",
                "{\"allowedOrigins\": [\"https://www.agency.example\"]}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("https://www.agency.example", json(ok).getAsJsonArray("allowedOrigins").get(0).getAsString());
        server.admin("PUT", "/admin/api/settings/embedding", "{\"allowedOrigins\": []}");
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }
}
