package org.formhaus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 14: the migrations are numbered V1 … Vn without a gap, and every renumbered one is there by its new name. */
class MigrationNumbersTest {

    static List<String> migrationFiles() throws Exception {
        Path dir = Path.of(MigrationNumbersTest.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }

    static int number(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    @Test
    void migrationsAreNumberedFromOneWithoutGapsOrTwins() throws Exception {
        List<Integer> numbers = migrationFiles().stream().map(MigrationNumbersTest::number).sorted().toList();
        assertEquals(IntStream.rangeClosed(1, numbers.size()).boxed().toList(), numbers,
                "a new migration takes the next number after the highest (" + migrationFiles() + ")");
    }

    @Test
    void everyRenumberedMigrationExistsByItsNewNameOnly() throws Exception {
        List<String> files = migrationFiles();
        for (RenumberedMigrations.Renumbering r : RenumberedMigrations.RENUMBERED) {
            assertTrue(files.contains(r.newScript()), r.newScript());
            assertEquals(Integer.parseInt(r.newVersion()), number(r.newScript()));
            assertFalse(files.contains(r.oldScript()), r.oldScript());
        }
    }
}
