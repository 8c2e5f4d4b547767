package org.formhaus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.formhaus.config.ConfigException;
import org.formhaus.config.FirstAdminConfig;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.Database;
import org.formhaus.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The first admin: a weak FORMHAUS_ADMIN_PASSWORD stops the start; the first token belongs to the first admin. */
class FirstStartIT {

    @Test
    void aWeakAdminPasswordFromTheEnvironmentStopsTheStartNamingTheVariable() throws Exception {
        try (TestDatabase test = TestDatabase.h2();
             Database db = test.open()) {
            AdminUserStore users = new AdminUserStore(db);
            ConfigException refused = assertThrows(ConfigException.class, () -> FirstStart.run(db,
                    new AccountStore(db), users, new FirstAdminConfig(FirstAdminConfig.DEFAULT_EMAIL, Optional.of("password1234"),
                    Optional.empty()), quiet()));
            assertEquals("FORMHAUS_ADMIN_PASSWORD is one of the 10,000 most common passwords; please choose another",
                    refused.getMessage());
            assertEquals(0, users.count(), "nothing was created");
        }
    }

    @Test
    void theFirstTokenBelongsToTheFirstAdminAndTheGeneratedPasswordPassesTheRules() throws Exception {
        try (TestDatabase test = TestDatabase.h2();
             Database db = test.open()) {
            AdminUserStore users = new AdminUserStore(db);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FirstStart.run(db, new AccountStore(db), users, new FirstAdminConfig(FirstAdminConfig.DEFAULT_EMAIL,
                    Optional.empty(), Optional.of("first-token-0123456789")),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            AdminUser admin = users.activeUserOfToken(Secrets.tokenHash("first-token-0123456789")).orElseThrow().user();
            assertEquals("admin@formhaus.local", admin.email());
            assertTrue(admin.passwordHash().startsWith("$argon2id$"), admin.passwordHash());
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("password:"));
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(PrintStream.nullOutputStream());
    }
}
