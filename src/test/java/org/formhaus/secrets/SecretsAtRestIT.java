package org.formhaus.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.formhaus.config.ConfigException;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.simulator.Simulator;
import org.formhaus.simulator.SimulatorServer;
import org.formhaus.storage.Account;
import org.formhaus.storage.MarketplaceStore;
import org.formhaus.testing.Await;
import org.formhaus.testing.StoredRows;
import org.formhaus.testing.TestDatabase;
import org.formhaus.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, "Secrets at rest": the onOffice secret, Marketplace claims and keys, and the in-house signing keys are in
 * no database row in clear, values earlier versions stored in clear are sealed on start, and a production database
 * without a master key does not start. On MariaDB, the production database.
 */
class SecretsAtRestIT {

    private static final List<String> SIGNING_KEYS = List.of("form.token.key", "newsletter.token.key",
            "marketplace.state.key");
    static final String CONTACT = """
            { "key": "kontakt", "kind": "contact", "language": "de", "title": "Kontakt",
              "fields": [
                {"name": "vorname", "type": "text",  "label": "Vorname", "required": true, "maps": "address.Vorname"},
                {"name": "email",   "type": "email", "label": "E-Mail",  "required": true, "maps": "address.Email"}
              ] }""";

    @Test
    void noStoredSecretIsInAnyRowInClearAndEachReadsBack() throws Exception {
        String secret = "onoffice-secret-" + UUID.randomUUID();
        String claim = "marketplace-claim-" + UUID.randomUUID();
        String marketplaceSecret = "marketplace-secret-" + UUID.randomUUID();
        try (TestServer server = TestServer.onMariaDb().start()) {
            server.adminJson("PUT", "/admin/api/settings/onoffice", "{\"secret\": \"" + secret + "\"}");
            long marketplaceAccount = new MarketplaceStore(server.app().database()).activate("cw-4711", "Agentur",
                    new OnOfficeCredentials("", "marketplace-token", marketplaceSecret), "user-1", claim);
            List<String> signingKeys = SIGNING_KEYS.stream().map(name -> stored(server, name)).toList();

            String rows = StoredRows.everything(server.app().database().dataSource());

            assertTrue(rows.contains("admin@formhaus.local"), "the scan sees what is stored in clear");
            for (String clear : List.of(secret, claim, marketplaceSecret, TestServer.SIM_SECRET)) {
                assertFalse(rows.contains(clear), clear + " is stored in clear");
            }
            for (String key : signingKeys) {
                assertFalse(rows.contains(key), "a signing key is stored in clear");
            }
            assertEquals(secret, server.app().accounts().first().orElseThrow().onOffice().secret());
            Account activated = server.app().accounts().find(marketplaceAccount).orElseThrow();
            assertEquals(marketplaceSecret, activated.onOffice().secret());
            assertEquals(claim, activated.onOffice().claim());
        }
    }

    @Test
    void clearValuesOfAnEarlierVersionAreSealedOnStartAndStillWork() throws Exception {
        Map<String, String> settings = Map.of("sandbox", "false", "onoffice.hosts", "localhost");
        String formKey;
        try (TestDatabase db = TestDatabase.mariaDb();
             SimulatorServer sim = SimulatorServer.start(Simulator.create(TestServer.SIM_TOKEN, TestServer.SIM_SECRET), 0)) {
            try (TestServer before = TestServer.joining(db).with(settings).start()) {
                before.adminJson("PUT", "/admin/api/settings/onoffice", "{\"url\": \"" + sim.apiUri() + "\", \"token\": \""
                        + TestServer.SIM_TOKEN + "\", \"secret\": \"set-later\"}");
                before.adminJson("POST", "/admin/api/forms", CONTACT);
                formKey = stored(before, "form.token.key");
            }
            try (Connection c = DriverManager.getConnection(db.url())) {
                // What a version before sealing left behind.
                c.createStatement().executeUpdate("UPDATE account SET onoffice_secret = '" + TestServer.SIM_SECRET + "'");
                c.createStatement().executeUpdate("UPDATE instance_setting SET setting_value = '" + formKey
                        + "' WHERE setting_name = 'form.token.key'");
                c.createStatement().executeUpdate("INSERT INTO marketplace_claim (customer_web_id, onoffice_user, "
                        + "api_claim, updated_ms) VALUES ('cw-1', 'u-1', 'legacy-claim-in-clear', 1)");
            }

            try (TestServer after = TestServer.joining(db).with(settings).start()) {
                assertTrue(after.console().contains("Sealed 3 secret(s) that were stored in clear"), after.console());
                String rows = StoredRows.everything(after.app().database().dataSource());
                assertFalse(rows.contains(TestServer.SIM_SECRET) || rows.contains(formKey)
                        || rows.contains("legacy-claim-in-clear"), rows);
                assertEquals(formKey, stored(after, "form.token.key"));

                assertEquals(202, after.submitJson("kontakt", Map.of("vorname", List.of("Lea"),
                        "email", List.of("sealed.on.start@example.org"))).statusCode());
                Await.until("the lead to reach onOffice with the sealed secret", Duration.ofSeconds(20),
                        () -> sim.simulator().records("address").toString().contains("sealed.on.start@example.org")
                                ? true : null);
            }
            try (Connection c = DriverManager.getConnection(db.url());
                 ResultSet row = c.createStatement().executeQuery("SELECT onoffice_secret FROM account")) {
                row.next();
                assertTrue(row.getString(1).startsWith("sealed:v1:"), row.getString(1));
            }
        }
    }

    @Test
    void aProductionDatabaseWithoutAMasterKeyRefusesToStartWithAClearMessage() {
        try (TestDatabase db = TestDatabase.mariaDb()) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> TestServer.joining(db).with("secrets.key", "").start());

            assertTrue(e.getMessage().startsWith("No master key: "), e.getMessage());
            assertTrue(e.getMessage().contains("secrets.key.file (FORMHAUS_SECRETS_KEY_FILE)"), e.getMessage());
        }
    }

    private static String stored(TestServer server, String name) {
        try {
            return server.app().instance().get(name).orElseThrow();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
