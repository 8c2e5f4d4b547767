package org.formhaus.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.formhaus.storage.Database;
import org.formhaus.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The last good catalogue per account, in the database (H2 in MariaDB mode, migrated like production). */
class CatalogueStoreTest {

    private static final OptionsCatalogue CATALOGUE = new OptionsCatalogue(
            Map.of("address.Anrede", List.of(new OptionsCatalogue.Choice("Frau", "Frau", "Mrs."),
                    new OptionsCatalogue.Choice("Firma", null, "")),
                    "agentslog.Aktionsart", List.of(new OptionsCatalogue.Choice("Email", "E-Mail", "Email"))),
            List.of(new OptionsCatalogue.Choice("mmakler", "Maria Makler", "Maria Makler")));

    private final TestDatabase testDb = TestDatabase.h2();
    private Database db;
    private CatalogueStore store;

    @BeforeEach
    void open() {
        db = testDb.open();
        store = new CatalogueStore(db);
    }

    @AfterEach
    void close() {
        db.close();
        testDb.close();
    }

    @Test
    void anAccountWithoutCatalogueHasNone() throws Exception {
        assertTrue(store.find(7).isEmpty());
    }

    @Test
    void aSavedCatalogueIsFoundAgainWithItsLabelsAndLoadTime() throws Exception {
        store.save(7, CATALOGUE, 1_000);
        CatalogueStore.Stored stored = store.find(7).orElseThrow();
        assertEquals(1_000, stored.loadedMs());
        assertEquals(CATALOGUE.users(), stored.catalogue().users());
        assertEquals(List.of(new OptionsCatalogue.Choice("Frau", "Frau", "Mrs."),
                new OptionsCatalogue.Choice("Firma", "", "")), stored.catalogue().fields().get("address.Anrede"));
        assertEquals(CATALOGUE.fields().get("agentslog.Aktionsart"), stored.catalogue().fields().get("agentslog.Aktionsart"));
    }

    @Test
    void savingAgainReplacesTheAccountsCatalogueAndLeavesOthersAlone() throws Exception {
        store.save(7, CATALOGUE, 1_000);
        store.save(8, CATALOGUE, 1_500);
        store.save(7, OptionsCatalogue.EMPTY, 2_000);
        assertEquals(OptionsCatalogue.EMPTY, store.find(7).orElseThrow().catalogue());
        assertEquals(2_000, store.find(7).orElseThrow().loadedMs());
        assertEquals(CATALOGUE.users(), store.find(8).orElseThrow().catalogue().users());
    }

    @Test
    void aStoredCatalogueOutlivesTheConnectionPool() throws Exception {
        store.save(7, CATALOGUE, 1_000);
        db.close();
        db = testDb.open();
        assertEquals(CATALOGUE.users(), new CatalogueStore(db).find(7).orElseThrow().catalogue().users());
    }
}
