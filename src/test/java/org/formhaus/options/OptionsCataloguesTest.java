package org.formhaus.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FieldOption;
import org.formhaus.forms.FormDefinition;
import org.formhaus.storage.Database;
import org.formhaus.storage.StoredForm;
import org.formhaus.testing.Await;
import org.formhaus.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forms get their onOffice options from the stored catalogue at once, whatever onOffice does; refreshes run in the
 * background, one per account, and a hanging account holds up no other (issue #9). onOffice is a stub source that a
 * test can make hang or fail; the clock is a test's.
 */
class OptionsCataloguesTest {

    private static final OptionsCatalogue OLD = catalogue("Frau", "mmakler");
    private static final OptionsCatalogue NEW = catalogue("Herr", "pneu");
    private static final Duration MAX_AGE = Duration.ofMinutes(15);

    private final TestDatabase testDb = TestDatabase.h2();
    private final AtomicLong now = new AtomicLong(100_000_000);
    private final StubSource onOffice = new StubSource();
    private Database db;
    private CatalogueStore store;
    private OptionsCatalogues catalogues;

    @BeforeEach
    void open() {
        db = testDb.open();
        store = new CatalogueStore(db);
        catalogues = new OptionsCatalogues(store, onOffice, new OptionsCatalogues.Settings(MAX_AGE,
                Duration.ofSeconds(60), 2), now::get);
    }

    @AfterEach
    void close() {
        onOffice.release();
        catalogues.close();
        db.close();
        testDb.close();
    }

    @Test
    void aFormIsFilledFromTheStoredCatalogueInItsLanguage() throws Exception {
        store.save(1, OLD, now.get());
        FormDefinition de = catalogues.resolve(form(1, "de"));
        assertEquals(List.of(new FieldOption("Frau", "Frau-de")), de.fields().get(0).options());
        assertEquals(List.of(new FieldOption("mmakler", "Maria Makler")), de.fields().get(1).options());
        assertEquals(List.of(new FieldOption("Frau", "Frau-en")), catalogues.resolve(form(1, "en")).fields().get(0).options());
        assertEquals(0, onOffice.calls.get(), "a fresh stored copy needs no onOffice call");
    }

    @Test
    void anOldCopyIsServedAtOnceWhileItsRefreshHangs() throws Exception {
        store.save(1, OLD, now.get() - MAX_AGE.toMillis());
        onOffice.hang(1);
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertEquals("Frau", catalogues.resolve(form(1, "de")).fields().get(0).options().get(0).value());
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "served without waiting");
        Await.until("the refresh to start", Duration.ofSeconds(5), () -> onOffice.calls.get() == 1 ? true : null);
        assertEquals(1, onOffice.calls.get(), "one refresh per account at a time, however many views");
    }

    @Test
    void anAccountWhoseOnOfficeHangsHoldsUpNoOtherAccount() throws Exception {
        onOffice.hang(1);
        catalogues.resolve(form(1, "de"));
        Await.until("account 1's refresh to hang", Duration.ofSeconds(5), () -> onOffice.calls.get() == 1 ? true : null);
        assertTrue(catalogues.resolve(form(2, "de")).fields().get(0).options().isEmpty(),
                "never loaded: served at once without options");
        Await.until("account 2's options", Duration.ofSeconds(5),
                () -> catalogues.resolve(form(2, "de")).fields().get(0).options().isEmpty() ? null : true);
        assertEquals(NEW.users(), store.find(2).orElseThrow().catalogue().users(), "kept in the database");
    }

    @Test
    void aFailedRefreshKeepsTheLastGoodCopyAndIsRetriedOnlyAfterTheRetryTime() throws Exception {
        store.save(1, OLD, now.get() - MAX_AGE.toMillis());
        onOffice.fail(1);
        catalogues.resolve(form(1, "de"));
        Await.until("the refresh to fail", Duration.ofSeconds(5), () -> onOffice.calls.get() == 1 ? true : null);
        Await.until("the refresh to end", Duration.ofSeconds(5), () -> catalogues.isRefreshing(1) ? null : true);
        now.addAndGet(30_000);
        assertEquals("Frau", catalogues.resolve(form(1, "de")).fields().get(0).options().get(0).value());
        assertEquals(1, onOffice.calls.get(), "no second try within forms.options.retry.seconds");
        assertEquals(OLD.users(), store.find(1).orElseThrow().catalogue().users(), "the last good copy stays");

        onOffice.succeed(1);
        now.addAndGet(31_000);
        catalogues.resolve(form(1, "de"));
        Await.until("the new options", Duration.ofSeconds(5), () -> catalogues.resolve(form(1, "de")).fields().get(0)
                .options().get(0).value().equals("Herr") ? true : null);
        assertEquals(NEW.users(), store.find(1).orElseThrow().catalogue().users());
    }

    @Test
    void aCopyAnotherInstanceRefreshedIsTakenFromTheDatabaseWithoutAskingOnOffice() throws Exception {
        store.save(1, OLD, now.get());
        catalogues.resolve(form(1, "de"));
        now.addAndGet(MAX_AGE.toMillis());
        store.save(1, NEW, now.get()); // what another instance loaded
        catalogues.resolve(form(1, "de"));
        Await.until("the other instance's copy", Duration.ofSeconds(5), () -> catalogues.resolve(form(1, "de"))
                .fields().get(0).options().get(0).value().equals("Herr") ? true : null);
        assertEquals(0, onOffice.calls.get());
    }

    @Test
    void savingAFormWithOnOfficeOptionsLoadsItsAccountsCatalogueBeforeTheFirstVisitor() throws Exception {
        catalogues.prepare(1, form(1, "de").definition());
        assertEquals(1, onOffice.calls.get());
        assertEquals("Herr", catalogues.resolve(form(1, "de")).fields().get(0).options().get(0).value());
        catalogues.prepare(1, form(1, "de").definition());
        assertEquals(1, onOffice.calls.get(), "a fresh catalogue is not loaded again");
    }

    @Test
    void aStoredCatalogueServesAfterARestart() throws Exception {
        catalogues.prepare(1, form(1, "de").definition());
        catalogues.close();
        onOffice.hang(1);
        catalogues = new OptionsCatalogues(store, onOffice, new OptionsCatalogues.Settings(MAX_AGE,
                Duration.ofSeconds(60), 2), now::get);
        assertEquals("Herr", catalogues.resolve(form(1, "de")).fields().get(0).options().get(0).value());
    }

    private static OptionsCatalogue catalogue(String salutation, String user) {
        return new OptionsCatalogue(Map.of("address.Anrede", List.of(new OptionsCatalogue.Choice(salutation,
                salutation + "-de", salutation + "-en"))), List.of(new OptionsCatalogue.Choice(user, "Maria Makler",
                "Maria Makler")));
    }

    private static StoredForm form(long accountId, String language) throws Exception {
        return new StoredForm(accountId, 1, new DefinitionParser().parse(JsonParser.parseString("""
                { "key": "f%d%s", "kind": "contact", "language": "%s", "title": "T", "fields": [
                  {"name": "anrede", "type": "select", "label": "Anrede", "optionsFrom": "onoffice", "maps": "address.Anrede"},
                  {"name": "berater", "type": "userselect", "label": "Berater"},
                  {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"} ] }"""
                .formatted(accountId, language, language)).getAsJsonObject()));
    }

    /** onOffice as a catalogue source: answers {@link #NEW}, or hangs or fails for the accounts a test names. */
    private static final class StubSource implements CatalogueSource {
        final AtomicInteger calls = new AtomicInteger();
        final Map<Long, String> behaviour = new ConcurrentHashMap<>();
        final CountDownLatch released = new CountDownLatch(1);

        void hang(long accountId) {
            behaviour.put(accountId, "hang");
        }

        void fail(long accountId) {
            behaviour.put(accountId, "fail");
        }

        void succeed(long accountId) {
            behaviour.remove(accountId);
        }

        void release() {
            released.countDown();
        }

        @Override
        public Optional<OptionsCatalogue> load(long accountId, boolean fresh) throws Exception {
            calls.incrementAndGet();
            switch (behaviour.getOrDefault(accountId, "ok")) {
                case "hang" -> released.await();
                case "fail" -> throw new java.io.IOException("onOffice is down");
                default -> {
                }
            }
            return Optional.of(NEW);
        }
    }
}
