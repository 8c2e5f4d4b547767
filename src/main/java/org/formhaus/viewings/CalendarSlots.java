package org.formhaus.viewings;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormValidator;
import org.formhaus.http.SignedTokens;
import org.formhaus.mapping.AgentCalendar;
import org.formhaus.mapping.SlotWindow;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeCredentials;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.storage.Account;
import org.formhaus.storage.AccountStore;
import org.formhaus.storage.SlotClaim;
import org.formhaus.storage.SlotClaimStore;

/**
 * Offers free viewing slots from the responsible agent's onOffice calendar (onoffice-api.md, the viewing-slot recipe,
 * steps 1–2): who the agent is ({@link SlotAgent}), their appointments in the window (GET appointmentList), minus the
 * slots visitors claimed in the database and not yet in onOffice. The agent is remembered for 5 minutes per form and
 * estate and the appointments for {@link #BUSY_FOR} per agent, so a busy form page costs onOffice about one read a
 * minute; the claims are read fresh each time, so a slot someone just booked is never offered again. A page waits at
 * most {@link #WAIT} for onOffice; beyond that, or when onOffice fails, the offer is {@link SlotOffer#UNAVAILABLE} and
 * the visitor gets a free date-and-time request (the read goes on and fills the cache for the next visitor).
 * Thread-safe; one per application; {@link #close()} ends its reader thread.
 */
public final class CalendarSlots implements SlotOffers, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CalendarSlots.class.getName());

    /** How long an agent's appointments are remembered. */
    static final Duration BUSY_FOR = Duration.ofSeconds(60);
    private static final Duration AGENT_FOR = Duration.ofMinutes(5);
    /** How long a page waits for onOffice before offering a free request instead. */
    static final Duration WAIT = Duration.ofSeconds(4);
    /** How long a page's offer may be booked from. */
    private static final Duration TOKEN_VALIDITY = Duration.ofHours(12);

    private final AccountStore accounts;
    private final Function<OnOfficeCredentials, OnOfficeClient> clients;
    private final SlotAgent agents;
    private final SlotClaimStore claims;
    private final SignedTokens tokens;
    private final Clock clock;
    private final Map<String, Cached<Long>> agentCache = new ConcurrentHashMap<>();
    private final Map<String, Cached<List<AgentCalendar.Busy>>> busyCache = new ConcurrentHashMap<>();
    private final ExecutorService reads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "formhaus-slot-reads");
        t.setDaemon(true);
        return t;
    });

    private record Cached<T>(T value, long untilMs) {
    }

    public CalendarSlots(AccountStore accounts, Function<OnOfficeCredentials, OnOfficeClient> clients,
                         SlotAgent agents, SlotClaimStore claims, SignedTokens tokens, Clock clock) {
        this.accounts = accounts;
        this.clients = clients;
        this.agents = agents;
        this.claims = claims;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public SlotOffer offer(long accountId, FormDefinition form, String estateId) {
        Optional<SlotWindow> window = SlotWindow.of(form);
        if (window.isEmpty()) {
            return SlotOffer.UNAVAILABLE;
        }
        LocalDateTime now = now();
        try {
            CompletableFuture<Calendar> read = CompletableFuture.supplyAsync(() -> calendar(accountId, form, estateId,
                    window.get(), now), reads);
            Calendar calendar = read.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (calendar == null) {
                return SlotOffer.UNAVAILABLE;
            }
            List<SlotClaim> claimed = claims.claimed(accountId, calendar.agentId(),
                    window.get().firstDay(now).atStartOfDay(), window.get().lastDay(now).plusDays(1).atStartOfDay());
            List<LocalDateTime> free = FreeSlots.of(window.get(), now, calendar.busy(), claimed);
            String token = tokens.issue(payload(form, estateId, calendar.agentId()), TOKEN_VALIDITY);
            return new SlotOffer(free.isEmpty() ? SlotOffer.Status.NONE_FREE : SlotOffer.Status.OFFERED, free, token);
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "Form " + form.key() + " offers a free request: onOffice did not "
                    + "answer the calendar read within " + WAIT.toSeconds() + " s");
        } catch (ExecutionException | SQLException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.log(System.Logger.Level.WARNING, "Form " + form.key() + " offers a free request: its slots could "
                    + "not be read (" + (cause instanceof OnOfficeException o ? "onOffice: " + o.reason()
                    : cause.getClass().getSimpleName()) + ")"); // no message: onOffice's may quote values
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return SlotOffer.UNAVAILABLE;
    }

    @Override
    public SlotClaim claim(long accountId, FormDefinition form, String chosen, String token, String estateId)
            throws SlotRefusedException {
        Optional<SlotWindow> window = SlotWindow.of(form);
        if (window.isEmpty() || token == null || token.isEmpty() || chosen == null || chosen.isEmpty()) {
            return null;
        }
        String payload = tokens.open(token).orElseThrow(() -> new SlotRefusedException("expired"));
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 3 || !parts[0].equals(form.key()) || !parts[1].equals(estateId == null ? "" : estateId)) {
            throw new SlotRefusedException("not this form's offer");
        }
        LocalDateTime start = FormValidator.parseDateTime(chosen);
        if (start == null || !window.get().onGrid(start, now())) {
            throw new SlotRefusedException("not one of the form's slots");
        }
        return new SlotClaim(accountId, Long.parseLong(parts[2]), start,
                start.plusMinutes(window.get().slotMinutes()));
    }

    /** Forgets what was read, so the next offer asks onOffice again. */
    public void forget() {
        agentCache.clear();
        busyCache.clear();
    }

    @Override
    public void close() {
        reads.shutdownNow();
    }

    private record Calendar(long agentId, List<AgentCalendar.Busy> busy) {
    }

    /** The agent and their appointments in the window; null when the form names no agent onOffice knows. */
    private Calendar calendar(long accountId, FormDefinition form, String estateId, SlotWindow window,
                              LocalDateTime now) {
        try {
            Optional<Account> account = accounts.find(accountId);
            if (account.isEmpty() || !account.get().onOffice().complete()) {
                return null;
            }
            OnOfficeClient client = clients.apply(account.get().onOffice());
            String agentKey = accountId + "|" + form.key() + "|" + estateId + "|" + SlotWindow.agent(form, true);
            Long agentId = cached(agentCache, agentKey, AGENT_FOR, () -> agents.userId(accountId, client, form,
                    estateId));
            if (agentId == null) {
                return null;
            }
            String busyKey = accountId + "|" + agentId + "|" + window.firstDay(now) + "|" + window.lastDay(now);
            List<AgentCalendar.Busy> busy = cached(busyCache, busyKey, BUSY_FOR, () -> {
                ActionResult result = client.executeOne(AgentCalendar.list(window.firstDay(now), window.lastDay(now),
                        agentId));
                return AgentCalendar.busy(result, agentId, notes -> false);
            });
            return new Calendar(agentId, busy);
        } catch (SQLException | OnOfficeException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T get() throws OnOfficeException;
    }

    private <T> T cached(Map<String, Cached<T>> cache, String key, Duration ttl, Read<T> read)
            throws OnOfficeException {
        long nowMs = clock.millis();
        Cached<T> hit = cache.get(key);
        if (hit != null && hit.untilMs() > nowMs) {
            return hit.value();
        }
        T value = read.get();
        if (cache.size() > 10_000) {
            cache.clear(); // many estates' pages: start over rather than grow without bound
        }
        cache.put(key, new Cached<>(value, nowMs + ttl.toMillis()));
        return value;
    }

    private static String payload(FormDefinition form, String estateId, long agentId) {
        return form.key() + "|" + (estateId == null ? "" : estateId) + "|" + agentId;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(SlotWindow.ZONE));
    }
}
