package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The user-provisioning API as the contract describes it, over real HTTP on MariaDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisioningApiIT {

    static final String KEY = "provisioning-key-for-tests";
    @RegisterExtension
    final TestServer server = TestServer.onMariaDb().with("provisioning.api.key", KEY).perTestClass();

    HttpResponse<String> call(String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/api/users"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (key != null) {
            request.header("x-api-key", key);
        }
        return server.send(request);
    }

    @Test
    void aUserIsCreatedOnceAndReadBackWithoutItsPassword() throws Exception {
        HttpResponse<String> created = call(KEY, """
                {"method": "createUser", "params": {"email": "anna@agency.example", "instance": "Agentur Anna",
                 "displayName": "Anna", "password": "correct horse battery"}}""");
        assertEquals(200, created.statusCode(), created.body());
        assertEquals("anna@agency.example", JsonParser.parseString(created.body()).getAsJsonObject().get("email").getAsString());

        HttpResponse<String> again = call(KEY, """
                {"method": "createUser", "params": {"email": "anna@agency.example", "password": "another password"}}""");
        assertEquals(400, again.statusCode());
        assertTrue(JsonParser.parseString(again.body()).isJsonPrimitive(), "a JSON string: " + again.body());
        assertTrue(again.body().contains("exists"), again.body());

        HttpResponse<String> read = call(KEY, "{\"method\": \"getUserByEmail\", \"params\": {\"email\": \"anna@agency.example\"}}");
        assertEquals(200, read.statusCode());
        assertFalse(read.body().contains("correct horse"), read.body());
        assertFalse(read.body().toLowerCase().contains("password"), read.body());
        assertFalse(read.body().contains("pbkdf2"), read.body());
    }

    @Test
    void usersAreDeactivatedAndTheirPasswordsReset() throws Exception {
        call(KEY, "{\"method\": \"createUser\", \"params\": {\"email\": \"ben@agency.example\", \"password\": \"ben-password-1234\"}}");
        HttpResponse<String> off = call(KEY, "{\"method\": \"updateUserByEmail\", \"params\": {\"email\": \"ben@agency.example\", \"isActive\": false}}");
        assertEquals(200, off.statusCode());
        assertEquals("true", off.body());
        HttpResponse<String> read = call(KEY, "{\"method\": \"getUserByEmail\", \"params\": {\"email\": \"ben@agency.example\"}}");
        assertFalse(JsonParser.parseString(read.body()).getAsJsonObject().get("isActive").getAsBoolean());
        HttpResponse<String> reset = call(KEY, "{\"method\": \"resetPasswordByEmail\", \"params\": {\"email\": \"ben@agency.example\", \"password\": \"new-password-1\"}}");
        assertEquals(200, reset.statusCode());
        assertEquals("true", reset.body());
    }

    @Test
    void aMissingOrWrongKeyIs401AndAnUnknownMethod400() throws Exception {
        assertEquals(401, call(null, "{\"method\": \"getUserByEmail\", \"params\": {}}").statusCode());
        assertEquals(401, call("wrong", "{\"method\": \"getUserByEmail\", \"params\": {}}").statusCode());
        assertEquals(400, call(KEY, "{\"method\": \"dropAllUsers\", \"params\": {}}").statusCode());
    }
}
