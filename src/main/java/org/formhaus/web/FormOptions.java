package org.formhaus.web;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.formhaus.delivery.ClientFactory;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldOption;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.AccountMetadata;
import org.formhaus.onoffice.FieldInfo;
import org.formhaus.onoffice.OnOfficeMetadata;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.StoredForm;

/**
 * Fills in the options that come from onOffice: {@code "optionsFrom": "onoffice"} (the permitted values of the mapped
 * field, labelled in the form's language) and {@code userselect} (the account's users). The account's metadata is
 * loaded in the background and kept; a visitor's request never waits on onOffice, except the very first one of an
 * account, for at most {@code firstWait}. A stale copy is served while a fresh one loads; when onOffice cannot be
 * reached, the last known options stay (or none, and validation then accepts any value for those fields).
 * Thread-safe; one per application; {@link #close()} stops the loader.
 */
public final class FormOptions implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FormOptions.class.getName());
    private static final long RETRY_MS = 60_000;

    private final AccountStore accounts;
    private final OnOfficeMetadata metadata;
    private final ClientFactory clients;
    private final long ttlMs;
    private final Duration firstWait;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "formhaus-options");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Slot> slots = new ConcurrentHashMap<>();
    private final Map<String, Resolved> resolved = new ConcurrentHashMap<>();

    private static final class Slot {
        volatile AccountMetadata value;
        volatile long dueMs;
        volatile Future<?> loading;
    }

    private record Resolved(int version, AccountMetadata from, FormDefinition definition) {
    }

    public FormOptions(AccountStore accounts, ClientFactory clients, Duration ttl, Duration firstWait) {
        this.accounts = accounts;
        this.clients = clients;
        // Our own slots decide when to reload; the metadata cache must then really load.
        this.metadata = new OnOfficeMetadata(Duration.ZERO, java.time.Clock.systemUTC());
        this.ttlMs = ttl.toMillis();
        this.firstWait = firstWait;
    }

    /** The form's definition with its onOffice options filled in; the definition itself when it has none. */
    public FormDefinition resolve(StoredForm form) {
        FormDefinition definition = form.definition();
        if (!definition.hasDynamicOptions()) {
            return definition;
        }
        AccountMetadata meta = current(form.accountId());
        if (meta == null) {
            return definition;
        }
        Resolved hit = resolved.get(form.key());
        if (hit != null && hit.version == form.version() && hit.from == meta) {
            return hit.definition;
        }
        FormDefinition filled = definition.withFields(f -> f.dynamicOptions() ? f.withOptions(options(f, meta,
                definition.language())) : f);
        resolved.put(form.key(), new Resolved(form.version(), meta, filled));
        return filled;
    }

    private AccountMetadata current(long accountId) {
        Slot slot = slots.computeIfAbsent(accountId, id -> new Slot());
        long now = System.currentTimeMillis();
        if (now >= slot.dueMs && (slot.loading == null || slot.loading.isDone())) {
            synchronized (slot) {
                if (now >= slot.dueMs && (slot.loading == null || slot.loading.isDone())) {
                    slot.dueMs = now + RETRY_MS;
                    slot.loading = loader.submit(() -> load(accountId, slot));
                }
            }
        }
        if (slot.value == null && slot.loading != null) {
            try {
                slot.loading.get(firstWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.log(Level.INFO, "onOffice options of account " + accountId + " not loaded yet; serving without");
            } catch (Exception e) {
                // load() reports its own failures
            }
        }
        return slot.value;
    }

    private void load(long accountId, Slot slot) {
        try {
            Optional<Account> account = accounts.find(accountId);
            if (account.isEmpty() || !account.get().onOffice().complete()) {
                return;
            }
            slot.value = metadata.refresh("account-" + accountId, clients.clientFor(account.get().onOffice()));
            slot.dueMs = System.currentTimeMillis() + ttlMs;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Cannot load onOffice options of account " + accountId + " (retry in "
                    + RETRY_MS / 1000 + " s): " + e.getMessage());
        }
    }

    /** Forget what is cached for an account (e.g. after its onOffice connection changed). */
    public void invalidate(long accountId) {
        slots.remove(accountId);
    }

    static List<FieldOption> options(Field field, AccountMetadata meta, String language) {
        List<FieldOption> options = new ArrayList<>();
        if (field.type() == FieldType.USERSELECT) {
            meta.users().stream().filter(u -> u.username() != null && !u.username().isBlank())
                    .forEach(u -> options.add(new FieldOption(u.username(), u.displayName())));
            return options;
        }
        int dot = field.maps().indexOf('.');
        String module = field.maps().substring(0, dot);
        String name = field.maps().substring(dot + 1);
        Optional<FieldInfo> info = meta.modules().keySet().stream().filter(m -> m.equalsIgnoreCase(module))
                .findFirst().flatMap(m -> meta.field(m, name));
        info.ifPresent(i -> i.permittedValues().values().forEach(v -> options.add(new FieldOption(v.key(),
                "en".equals(language) ? first(v.labelEn(), v.labelDe(), v.key()) : first(v.labelDe(), v.labelEn(), v.key())))));
        return options;
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return "";
    }

    @Override
    public void close() {
        loader.shutdownNow();
    }
}
