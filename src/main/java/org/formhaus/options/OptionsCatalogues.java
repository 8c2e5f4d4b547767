package org.formhaus.options;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.formhaus.forms.FormDefinition;
import org.formhaus.storage.StoredForm;

/**
 * Fills in forms' onOffice options from each account's stored catalogue, at once, and keeps the catalogues fresh in
 * the background.
 *
 * <ul>
 *   <li>A form is rendered (and validated) with the catalogue this instance holds in memory; the first time an
 *   account is seen, its last good copy is read from the database ({@link CatalogueStore}), so options survive
 *   restarts and are shared by instances. No visitor's request ever waits on onOffice.</li>
 *   <li>When the copy is older than {@code maxAge} (or there is none yet) a view starts a background refresh through
 *   a {@link RefreshBulkhead}: one refresh per account at a time, on a small pool that never queues behind an account
 *   whose onOffice does not answer. A refresh first re-reads the database (another instance may have refreshed), and
 *   asks onOffice only when that copy is old too. A failed refresh keeps the last good copy; the next is tried after
 *   {@code retryAfter}.</li>
 *   <li>An account's very first view, before any catalogue was ever loaded, is served without those options (and
 *   validation accepts any value for them). Saving a form with onOffice options loads the catalogue ({@link
 *   #prepare}), so normally the first visitor already sees them.</li>
 * </ul>
 * Thread-safe; one per application; {@link #close()} stops the refreshes.
 */
public final class OptionsCatalogues implements FormOptions, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OptionsCatalogues.class.getName());
    /** How long saving a form waits for its account's catalogue (an admin's request, never a visitor's). */
    private static final Duration PREPARE_WAIT = Duration.ofSeconds(10);

    /** {@code maxAge}: refresh copies older than this; {@code retryAfter}: after a failed refresh; pool size. */
    public record Settings(Duration maxAge, Duration retryAfter, int threads) {
    }

    /** What this instance knows of an account: the catalogue, its load time, no refresh before {@code notBeforeMs}. */
    private record Known(OptionsCatalogue catalogue, long loadedMs, long notBeforeMs) {
    }

    private record Resolved(int version, OptionsCatalogue from, FormDefinition definition) {
    }

    private final CatalogueStore store;
    private final CatalogueSource source;
    private final long maxAgeMs;
    private final long retryMs;
    private final LongSupplier clock;
    private final RefreshBulkhead bulkhead;
    private final Map<Long, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Resolved> resolved = new ConcurrentHashMap<>();

    public OptionsCatalogues(CatalogueStore store, CatalogueSource source, Settings settings) {
        this(store, source, settings, System::currentTimeMillis);
    }

    OptionsCatalogues(CatalogueStore store, CatalogueSource source, Settings settings, LongSupplier clock) {
        this.store = store;
        this.source = source;
        this.maxAgeMs = settings.maxAge().toMillis();
        this.retryMs = settings.retryAfter().toMillis();
        this.clock = clock;
        this.bulkhead = new RefreshBulkhead(settings.threads());
    }

    @Override
    public FormDefinition resolve(StoredForm form) {
        FormDefinition definition = form.definition();
        if (!definition.hasDynamicOptions()) {
            return definition;
        }
        OptionsCatalogue catalogue = catalogue(form.accountId());
        Resolved hit = resolved.get(form.key());
        if (hit != null && hit.version == form.version() && hit.from == catalogue) {
            return hit.definition;
        }
        FormDefinition filled = definition.withFields(f -> f.dynamicOptions()
                ? f.withOptions(catalogue.options(f, definition.language())) : f);
        // The form's further languages label them in their own words (the catalogue has German and English labels).
        org.formhaus.forms.Translations translations = definition.translations();
        for (String language : definition.languages().subList(1, definition.languages().size())) {
            for (org.formhaus.forms.Field f : definition.fields()) {
                if (f.dynamicOptions()) {
                    Map<String, String> labels = new java.util.LinkedHashMap<>();
                    catalogue.options(f, language).forEach(o -> labels.put(o.value(), o.label()));
                    translations = translations.withOptionLabels(language, f.name(), labels);
                }
            }
        }
        filled = translations == definition.translations() ? filled : filled.withTranslations(translations);
        resolved.put(form.key(), new Resolved(form.version(), catalogue, filled));
        return filled;
    }

    /** The account's catalogue as this instance knows it (empty if none was ever loaded); starts a refresh when due. */
    OptionsCatalogue catalogue(long accountId) {
        Known k = known(accountId);
        long now = clock.getAsLong();
        if (now - k.loadedMs >= maxAgeMs && now >= k.notBeforeMs && !bulkhead.isRunning(accountId)) {
            refreshInBackground(accountId);
        }
        return k.catalogue;
    }

    /**
     * For an admin saving {@code definition}: when it has onOffice options and the account has no catalogue yet,
     * loads one (waiting at most {@link #PREPARE_WAIT}), so that the form's first visitor sees its options.
     */
    public void prepare(long accountId, FormDefinition definition) {
        if (!definition.hasDynamicOptions()) {
            return;
        }
        Known k = known(accountId);
        if (k.loadedMs > 0 && clock.getAsLong() - k.loadedMs < maxAgeMs) {
            return;
        }
        try {
            bulkhead.run(accountId, () -> refresh(accountId, false))
                    .get(PREPARE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // refresh() reported its failure; the form is saved all the same and its options follow later
        }
    }

    /** The database is read outside the map's lock, so that a slow read holds up no other account. */
    private Known known(long accountId) {
        Known k = known.get(accountId);
        if (k == null) {
            Known read = fromDatabase(accountId);
            k = known.putIfAbsent(accountId, read);
            return k == null ? read : k;
        }
        return k;
    }

    private Known fromDatabase(long accountId) {
        try {
            Optional<CatalogueStore.Stored> stored = store.find(accountId);
            if (stored.isPresent()) {
                return new Known(stored.get().catalogue(), stored.get().loadedMs(), 0);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the stored onOffice options of account " + accountId
                    + "; serving without them: " + e.getMessage());
        }
        return new Known(OptionsCatalogue.EMPTY, 0, 0);
    }

    private void refreshInBackground(long accountId) {
        bulkhead.run(accountId, () -> refresh(accountId, true)).exceptionally(e -> {
            if (e instanceof RejectedExecutionException || e.getCause() instanceof RejectedExecutionException) {
                LOG.log(Level.DEBUG, "All options refreshers busy; account " + accountId + " is refreshed later");
            }
            return null;
        });
    }

    /** Runs on the bulkhead: the database's copy when it is fresh (another instance refreshed), else onOffice's. */
    private void refresh(long accountId, boolean fresh) throws Exception {
        Known before = known.getOrDefault(accountId, new Known(OptionsCatalogue.EMPTY, 0, 0));
        long now = clock.getAsLong();
        try {
            Optional<CatalogueStore.Stored> stored = store.find(accountId);
            if (stored.isPresent() && now - stored.get().loadedMs() < maxAgeMs) {
                known.put(accountId, new Known(stored.get().catalogue(), stored.get().loadedMs(), 0));
                return;
            }
            Optional<OptionsCatalogue> loaded = source.load(accountId, fresh);
            if (loaded.isEmpty()) {
                // No onOffice connection yet: nothing to load; look again after retryAfter.
                known.put(accountId, new Known(before.catalogue, before.loadedMs, now + retryMs));
                return;
            }
            long loadedMs = clock.getAsLong();
            store.save(accountId, loaded.get(), loadedMs);
            known.put(accountId, new Known(loaded.get(), loadedMs, 0));
        } catch (Exception e) {
            known.put(accountId, new Known(before.catalogue, before.loadedMs, clock.getAsLong() + retryMs));
            LOG.log(Level.WARNING, "Cannot refresh the onOffice options of account " + accountId + " (keeping "
                    + (before.loadedMs > 0 ? "the copy of " + Instant.ofEpochMilli(before.loadedMs) : "none")
                    + "; next try in " + retryMs / 1000 + " s): " + e.getMessage());
            throw e;
        }
    }

    /** Whether a refresh of the account is running (for tests). */
    boolean isRefreshing(long accountId) {
        return bulkhead.isRunning(accountId);
    }

    @Override
    public void close() {
        bulkhead.close();
    }
}
