package org.formhaus.mapping;

import com.google.gson.JsonObject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeCredentials;

/**
 * The visitor's side of the live-CRM rules ({@link LiveRule}): when a form with rules is sent, reads the estate's
 * current values from onOffice and tells the visitor which rule does not hold (field → message), before anything is
 * stored. Waits at most {@code timeout}: when onOffice is slow, down or not connected, or every reading thread is
 * busy, nothing is refused here and delivery decides (it checks again in any case, as the authority). Thread-safe;
 * one per application; {@link #close()} ends its threads.
 */
public final class LiveRuleCheck implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LiveRuleCheck.class.getName());

    private final MappingCheck.Connections connections;
    private final Function<OnOfficeCredentials, OnOfficeClient> clients;
    private final Duration timeout;
    // A pool that never queues: a visitor never waits behind another visitor's slow read.
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 8, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
            r -> {
                Thread t = new Thread(r, "live-rule-check");
                t.setDaemon(true);
                return t;
            });

    public LiveRuleCheck(MappingCheck.Connections connections, Function<OnOfficeCredentials, OnOfficeClient> clients,
                         Duration timeout) {
        this.connections = connections;
        this.clients = clients;
        this.timeout = timeout;
    }

    /**
     * The rules that do not hold for these values, as the visitor's messages by field name (in {@code form}'s
     * language); empty when all hold, the form has none, or onOffice could not be asked in time. {@code records}: the
     * submission's records so far, holding the estate an edit link loaded ({@code edit.estate}); may be null.
     */
    public Map<String, String> refusals(long accountId, FormDefinition form, Map<String, Object> values,
                                        JsonObject records) {
        RecordLinks links = RecordLinks.of(form);
        String estate = estateId(form, values);
        String loaded = RecordEdits.recordKey("estate");
        if (estate == null && records != null && records.has(loaded)) {
            estate = records.get(loaded).getAsString(); // the estate an edit link loaded
        }
        if (links.liveRules().isEmpty() || estate == null) {
            return Map.of();
        }
        JsonObject record;
        try {
            record = read(accountId, estate, links.liveRules());
        } catch (Exception e) {
            LOG.log(Level.INFO, "Live rules of form {0} left to delivery: onOffice could not be asked ({1})",
                    form.key(), e.getClass().getSimpleName());
            return Map.of();
        }
        if (record == null) {
            return Map.of(); // no such estate readable: delivery names it
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (LiveRule rule : links.liveRules()) {
            LiveRule.Failure failure = rule.judge(values, record);
            if (failure != null) {
                out.putIfAbsent(rule.field(), failure.message(form.language()));
            }
        }
        return out;
    }

    private JsonObject read(long accountId, String estate, List<LiveRule> rules) throws Exception {
        OnOfficeCredentials credentials = connections.credentials(accountId);
        if (credentials == null || !credentials.complete()) {
            throw new IllegalStateException("no onOffice connection");
        }
        Future<ActionResult> reply;
        try {
            reply = pool.submit(() -> clients.apply(credentials).executeOne(Actions.readEstate(estate,
                    LiveRule.recordFields(rules))));
        } catch (RejectedExecutionException busy) {
            throw new TimeoutException("every live-rule reader is busy");
        }
        try {
            ActionResult result = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return result.records().isEmpty() ? null : result.records().get(0).elements();
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /** The estate the form is about: the value of its field mapped to {@code estate.Id}; null when none. */
    static String estateId(FormDefinition form, Map<String, Object> values) {
        return form.fields().stream().filter(f -> "estate.Id".equals(f.maps())).map(f -> values.get(f.name()))
                .filter(v -> v != null && v.toString().strip().matches("\\d{1,18}"))
                .map(v -> v.toString().strip()).findFirst().orElse(null);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
