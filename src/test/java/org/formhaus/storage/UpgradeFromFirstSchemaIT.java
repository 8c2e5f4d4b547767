package org.formhaus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.formhaus.admin.Secrets;
import org.formhaus.testing.Await;
import org.formhaus.testing.LegacyPasswordHash;
import org.formhaus.testing.TestDatabase;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a MariaDB database with the first schema (V1 only) and the data an early installation held (an account,
 * its admin and API token, a form, a delivered submission and one waiting for delivery) is migrated by the newest
 * version at start: everything is still there, and the waiting submission is delivered.
 */
class UpgradeFromFirstSchemaIT {

    static final String FORM = "{\"key\": \"kontakt\", \"kind\": \"contact\", \"title\": \"Kontakt alt\", \"fields\": ["
            + "{\"name\": \"vorname\", \"type\": \"text\", \"label\": \"Vorname\", \"maps\": \"address.Vorname\"},"
            + "{\"name\": \"email\", \"type\": \"email\", \"label\": \"E-Mail\", \"required\": true,"
            + " \"maps\": \"address.Email\"}]}";
    static final String WAITING = "11111111-2222-3333-4444-555555555555";
    static final String DELIVERED = "66666666-7777-8888-9999-000000000000";

    @Test
    void aDatabaseOfTheFirstSchemaIsMigratedToTheNewestWithItsData() throws Exception {
        try (TestDatabase db = TestDatabase.mariaDb()) {
            Flyway.configure().dataSource(db.url(), "root", "").locations("classpath:db/migration").target("1").load()
                    .migrate();
            long now = System.currentTimeMillis();
            try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
                s.execute("INSERT INTO account (id, name, created_ms) VALUES (1, 'Agentur Alt', " + now + ")");
                s.execute("INSERT INTO admin_user (account_id, email, password_hash, created_ms) VALUES (1, "
                        + "'owner@agentur.example', '" + LegacyPasswordHash.of("an-old-password-of-2024") + "', "
                        + now + ")");
                s.execute("INSERT INTO api_token (token_hash, account_id, label, created_ms) VALUES ('"
                        + Secrets.tokenHash(TestServer.ADMIN_TOKEN) + "', 1, 'script', " + now + ")");
                s.execute("INSERT INTO form (form_key, account_id, version, updated_ms) VALUES ('kontakt', 1, 1, "
                        + now + ")");
                s.execute("INSERT INTO form_version (form_key, version, definition, created_ms) VALUES ('kontakt', 1, '"
                        + FORM + "', " + now + ")");
                for (String[] row : new String[][]{{WAITING, "received", "alma.alt@example.org"},
                        {DELIVERED, "delivered", "bruno.alt@example.org"}}) {
                    s.execute("INSERT INTO submission (id, account_id, form_key, form_version, status, data, "
                            + "created_ms, updated_ms) VALUES ('" + row[0] + "', 1, 'kontakt', 1, '" + row[1] + "', "
                            + "'{\"values\": {\"vorname\": \"Alt\", \"email\": \"" + row[2] + "\"}}', " + (now - 60_000)
                            + ", " + now + ")");
                }
                // Due tomorrow: nothing is delivered before the new version has connected the account.
                s.execute("INSERT INTO delivery_job (submission_id, account_id, state, due_ms, give_up_ms) VALUES ('"
                        + WAITING + "', 1, 'pending', " + (now + 86_400_000) + ", " + (now + 2 * 86_400_000) + ")");
                s.execute("INSERT INTO delivery_job (submission_id, account_id, state, due_ms, attempts, give_up_ms) "
                        + "VALUES ('" + DELIVERED + "', 1, 'done', " + now + ", 1, " + now + ")");
                s.execute("INSERT INTO delivery_attempt (submission_id, started_ms, finished_ms, outcome) VALUES ('"
                        + DELIVERED + "', " + now + ", " + now + ", 'delivered')");
            }

            try (TestServer server = TestServer.joining(db).start()) {
                JsonObject form = server.adminJson("GET", "/admin/api/forms/kontakt", null).getAsJsonObject();
                assertTrue(form.toString().contains("Kontakt alt"), form.toString());
                JsonObject delivered = submission(server, DELIVERED);
                assertEquals("delivered", delivered.get("status").getAsString());
                assertTrue(delivered.toString().contains("bruno.alt@example.org"), delivered.toString());

                assertEquals(202, server.admin("POST", "/admin/api/submissions/" + WAITING + "/retry", null)
                        .statusCode());
                Await.until("the old waiting submission delivered", Duration.ofSeconds(30),
                        () -> submission(server, WAITING).get("status").getAsString().equals("delivered") ? true : null);
                assertTrue(server.simulator().records("address").toString().contains("alma.alt@example.org"));
            }
            try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
                 var newest = s.executeQuery("SELECT MAX(installed_rank), COUNT(*) FROM flyway_schema_history "
                         + "WHERE success = 1")) {
                newest.next();
                assertTrue(newest.getInt(2) > 1, "later migrations ran");
            }
        }
    }

    private static JsonObject submission(TestServer server, String id) throws Exception {
        return server.adminJson("GET", "/admin/api/submissions/" + id, null).getAsJsonObject();
    }
}
