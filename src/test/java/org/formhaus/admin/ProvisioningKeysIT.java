package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formhaus.testing.StoredRows;
import org.formhaus.testing.TestDatabase;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, "Secrets at rest": the provisioning API's keys are stored hashed, the generated one is printed once, and
 * an account's key manages that account's users only. On MariaDB, with the provisioning key left to its default.
 */
class ProvisioningKeysIT {

    private static final Pattern PRINTED = Pattern.compile("x-api-key of /api/users; [^)]*\\):\\R\\s+(\\S+)");

    @Test
    void theGeneratedInstanceKeyIsPrintedOnceWorksAndIsStoredOnlyAsItsHash() throws Exception {
        try (TestDatabase db = TestDatabase.mariaDb()) {
            String key;
            try (TestServer first = TestServer.joining(db).start()) {
                key = printedKey(first.console());
                assertEquals(200, call(first, key, "createUser", "{\"email\": \"new@agentur.example\", "
                        + "\"password\": \"a long enough password\"}").statusCode());
                assertFalse(StoredRows.everything(first.app().database().dataSource()).contains(key));
            }
            try (TestServer second = TestServer.joining(db).start()) {
                assertFalse(PRINTED.matcher(second.console()).find(), "printed once only: " + second.console());
                assertEquals(200, call(second, key, "getUserByEmail", "{\"email\": \"new@agentur.example\"}").statusCode());
                assertEquals(401, call(second, "not-the-key", "getUserByEmail", "{\"email\": \"new@agentur.example\"}")
                        .statusCode());
            }
        }
    }

    @Test
    void anAccountsKeyManagesOnlyThatAccountsUsers() throws Exception {
        try (TestServer server = TestServer.onMariaDb().start()) {
            String instanceKey = printedKey(server.console());
            HttpResponse<String> other = call(server, instanceKey, "createUser",
                    "{\"email\": \"other@agentur.example\", \"password\": \"another agency's password\", \"instance\": \"Other\"}");
            assertEquals(200, other.statusCode(), other.body());
            long otherAccount = json(other).get("accountId").getAsLong();

            JsonObject created = server.adminJson("POST", "/admin/api/provisioning-keys", "{\"label\": \"reseller\"}")
                    .getAsJsonObject();
            String accountKey = created.get("key").getAsString();
            String listed = server.adminJson("GET", "/admin/api/provisioning-keys", null).toString();
            assertTrue(listed.contains("reseller") && !listed.contains(accountKey), "listed without the key: " + listed);

            HttpResponse<String> own = call(server, accountKey, "createUser",
                    "{\"email\": \"colleague@agentur.example\", \"password\": \"a colleague's password\"}");
            assertEquals(200, own.statusCode(), own.body());
            long ownAccount = json(own).get("accountId").getAsLong();
            assertTrue(ownAccount != otherAccount);
            assertEquals(200, call(server, accountKey, "getUserByEmail", "{\"email\": \"colleague@agentur.example\"}")
                    .statusCode());
            assertEquals(200, call(server, accountKey, "updateUserByEmail",
                    "{\"email\": \"colleague@agentur.example\", \"isActive\": false}").statusCode());

            assertEquals(404, call(server, accountKey, "getUserByEmail", "{\"email\": \"other@agentur.example\"}")
                    .statusCode());
            assertEquals(404, call(server, accountKey, "updateUserByEmail",
                    "{\"email\": \"other@agentur.example\", \"isActive\": false}").statusCode());
            assertEquals(404, call(server, accountKey, "resetPasswordByEmail",
                    "{\"email\": \"other@agentur.example\", \"password\": \"taken over by someone\"}").statusCode());
            JsonObject untouched = json(call(server, instanceKey, "getUserByEmail", "{\"email\": \"other@agentur.example\"}"));
            assertTrue(untouched.get("isActive").getAsBoolean(), "another account's user stays as it was");
            assertFalse(StoredRows.everything(server.app().database().dataSource()).contains(accountKey));

            assertEquals(204, server.admin("DELETE", "/admin/api/provisioning-keys/" + created.get("id").getAsString(),
                    null).statusCode());
            assertEquals(401, call(server, accountKey, "getUserByEmail", "{\"email\": \"colleague@agentur.example\"}")
                    .statusCode());
        }
    }

    @Test
    void aKeyAnEarlierVersionStoredInClearIsHashedOnStartAndStillWorks() throws Exception {
        String legacy = "legacy-provisioning-key-0123456789abcdef";
        try (TestDatabase db = TestDatabase.mariaDb()) {
            try (TestServer first = TestServer.joining(db).start()) {
                assertNotNull(printedKey(first.console()));
            }
            try (Connection c = DriverManager.getConnection(db.url())) {
                c.createStatement().executeUpdate("DELETE FROM instance_setting WHERE setting_name LIKE 'provisioning%'");
                c.createStatement().executeUpdate("INSERT INTO instance_setting (setting_name, setting_value) "
                        + "VALUES ('provisioning.api.key', '" + legacy + "')");
            }
            try (TestServer upgraded = TestServer.joining(db).start()) {
                assertEquals(legacy, printedKey(upgraded.console()), "never shown before, so shown this once");
                assertEquals(200, call(upgraded, legacy, "createUser", "{\"email\": \"kept@agentur.example\", "
                        + "\"password\": \"a long enough password\"}").statusCode());
                String rows = StoredRows.everything(upgraded.app().database().dataSource());
                assertFalse(rows.contains(legacy), rows);
                assertFalse(rows.contains("provisioning.api.key "), "the clear setting is gone: " + rows);
            }
        }
    }

    private static String printedKey(String console) {
        Matcher m = PRINTED.matcher(console);
        if (!m.find()) {
            throw new AssertionError("no provisioning key printed: " + console);
        }
        return m.group(1);
    }

    private static HttpResponse<String> call(TestServer server, String key, String method, String params)
            throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/api/users"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"method\": \"" + method + "\", \"params\": " + params + "}"))
                .header("x-api-key", key).header("Content-Type", "application/json"));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }
}
