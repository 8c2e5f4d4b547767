package org.formhaus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.formhaus.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14: the migrations were renumbered from V1, V2, V4 … V15 to V1 … V11. A database that an older version
 * migrated under the old numbers (rebuilt here by Flyway from the same files under their old names) starts on the
 * new version with its data, its history on the new numbers, and gets the migrations it had not run; a fresh
 * database gets V1 … Vn. On MariaDB and on H2.
 */
class RenumberedMigrationsIT {

    @TempDir
    Path oldRelease;

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "h2"})
    void aDatabaseMigratedUnderTheOldNumbersStartsOnTheNewOnesWithItsData(String kind) throws Exception {
        try (TestDatabase db = database(kind)) {
            migrateAsTheOldReleaseDid(db, null);
            try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
                s.execute("INSERT INTO account (id, name, created_ms) VALUES (7, 'Agentur Alt', 1)");
            }
            List<String> oldScripts = history(db).values().stream().toList();
            assertTrue(oldScripts.contains("V15__webhooks.sql"), oldScripts.toString());

            db.open().close();

            assertEquals(currentNumbering(), history(db));
            try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
                 ResultSet account = s.executeQuery("SELECT name FROM account WHERE id = 7")) {
                assertTrue(account.next());
                assertEquals("Agentur Alt", account.getString(1));
            }
            db.open().close(); // a second start: nothing left to rewrite, nothing to migrate
            assertEquals(currentNumbering(), history(db));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "h2"})
    void aDatabaseOfAnOlderReleaseGetsTheMigrationsItHadNotRun(String kind) throws Exception {
        try (TestDatabase db = database(kind)) {
            migrateAsTheOldReleaseDid(db, "9"); // old V9: users, sessions and tokens; not V12, V13, V15
            db.open().close();
            assertEquals(currentNumbering(), history(db));
            try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM webhook_message").close();
                s.executeQuery("SELECT COUNT(*) FROM form_token_use").close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "h2"})
    void aFreshDatabaseGetsTheMigrationsNumberedOneToN(String kind) throws Exception {
        try (TestDatabase db = database(kind)) {
            db.open().close();
            assertEquals(currentNumbering(), history(db));
        }
    }

    private static TestDatabase database(String kind) {
        Supplier<TestDatabase> make = kind.equals("h2") ? TestDatabase::h2 : TestDatabase::mariaDb;
        return make.get();
    }

    /** Flyway as the old release ran it: the same files, under their old names, up to {@code target} (null: all). */
    private void migrateAsTheOldReleaseDid(TestDatabase db, String target) throws Exception {
        Map<String, String> oldNames = RenumberedMigrations.RENUMBERED.stream().collect(Collectors.toMap(
                RenumberedMigrations.Renumbering::newScript, RenumberedMigrations.Renumbering::oldScript));
        Path current = Path.of(getClass().getResource("/db/migration").toURI());
        for (String script : MigrationNumbersTest.migrationFiles()) {
            if (MigrationNumbersTest.number(script) <= 11) { // the migrations released under the old numbers
                Files.copy(current.resolve(script), oldRelease.resolve(oldNames.getOrDefault(script, script)));
            }
        }
        var flyway = Flyway.configure().dataSource(db.url(), db.url().startsWith("jdbc:h2:") ? "" : "root", "").locations("filesystem:" + oldRelease);
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    /** Flyway's history of successful migrations: version → script, in the order they ran. */
    private static Map<String, String> history(TestDatabase db) throws Exception {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version, script FROM flyway_schema_history WHERE success = 1 "
                     + "AND version IS NOT NULL ORDER BY installed_rank")) {
            while (r.next()) {
                rows.put(r.getString(1), r.getString(2));
            }
        }
        return rows;
    }

    private static Map<String, String> currentNumbering() throws Exception {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        List<String> scripts = new ArrayList<>(MigrationNumbersTest.migrationFiles());
        scripts.sort(java.util.Comparator.comparingInt(MigrationNumbersTest::number));
        for (String script : scripts) {
            rows.put(Integer.toString(MigrationNumbersTest.number(script)), script);
        }
        return rows;
    }
}
