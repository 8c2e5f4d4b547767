package org.formhaus.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Per form and day (UTC), how often something happened: the daily counters behind the statistics, never one row per
 * event. {@link #add} only counts in memory; {@link #flush} (every few seconds, before each read and at close) adds
 * the increments to the database with one atomic upsert per row ({@code hits = hits + n}), so any number of
 * instances on one database count correctly and a visitor never waits for a write.
 *
 * <p>Bounded whatever clients send: a dimension of the shape {@code kind=value} (a source such as
 * {@code utm_source=newsletter}) is kept for at most {@value #VALUES_PER_KIND} values per form, day, metric and kind;
 * later values of that day are counted as {@code kind=(other)}. Several instances flushing new values at the same
 * moment may pass the cap by a few. Other dimensions must be bounded by whoever adds them (step numbers, spam reasons).
 * When the database is unreachable the increments stay in memory for the next flush, up to {@value #MAX_PENDING}
 * distinct rows; beyond that new rows are dropped (logged). Thread-safe; one per application, {@link #close}d with it.
 */
public final class FormDayCounters implements AutoCloseable {

    public static final int VALUES_PER_KIND = 50;
    public static final String OTHER = "(other)";
    static final int MAX_PENDING = 20_000;
    private static final System.Logger LOG = System.getLogger(FormDayCounters.class.getName());
    /** Rows older than this are deleted (statistics show at most 90 days). */
    private static final int KEEP_DAYS = 400;

    /** One counter row: form, UTC day, what was counted and in which breakdown ("" for the day's total). */
    public record Key(String formKey, LocalDate day, String metric, String dimension) {
    }

    /** A stored row as read back. */
    public record Row(LocalDate day, String metric, String dimension, long hits) {
    }

    private final Database db;
    private final Clock clock;
    private final Map<Key, Long> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "formhaus-day-counters");
        t.setDaemon(true);
        return t;
    });
    private volatile LocalDate prunedOn;

    public FormDayCounters(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Today, as counters count it (UTC). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** Counts one event of today; never blocks on the database. */
    public void add(String formKey, String metric, String dimension) {
        Key key = new Key(formKey, today(), metric, dimension);
        if (pending.size() >= MAX_PENDING && !pending.containsKey(key)) {
            LOG.log(System.Logger.Level.WARNING, "Day counters: " + MAX_PENDING + " rows wait for the database; "
                    + "not counting " + metric + " of form " + formKey);
            return;
        }
        pending.merge(key, 1L, Long::sum);
    }

    /** Flushes every {@code every} in the background, until {@link #close}. */
    public void start(Duration every) {
        flusher.scheduleWithFixedDelay(() -> {
            try {
                flush();
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Day counters not written, kept for the next try: "
                        + e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adds what was counted in memory to the database; on failure it stays in memory and this throws. */
    public void flush() throws SQLException {
        Map<Key, Long> drained = new HashMap<>();
        for (Key key : pending.keySet()) {
            Long n = pending.remove(key); // atomic: an add after this starts a new entry for the next flush
            if (n != null) {
                drained.merge(key, n, Long::sum);
            }
        }
        if (drained.isEmpty()) {
            prune();
            return;
        }
        try (Connection c = db.connection()) {
            Map<Key, Long> capped = capped(c, drained);
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO form_day_counter "
                    + "(form_key, count_day, metric, dimension, hits) VALUES (?, ?, ?, ?, ?) "
                    + "ON DUPLICATE KEY UPDATE hits = hits + ?")) {
                for (Map.Entry<Key, Long> e : capped.entrySet()) {
                    Key k = e.getKey();
                    upsert.setString(1, k.formKey());
                    upsert.setObject(2, k.day());
                    upsert.setString(3, k.metric());
                    upsert.setString(4, k.dimension());
                    upsert.setLong(5, e.getValue());
                    upsert.setLong(6, e.getValue());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        } catch (SQLException | RuntimeException e) {
            drained.forEach((k, n) -> pending.merge(k, n, Long::sum));
            throw e;
        }
        prune();
    }

    /** The form's rows of the days {@code from} to {@code to} (inclusive), after a flush of this instance's counts. */
    public List<Row> read(String formKey, LocalDate from, LocalDate to) throws SQLException {
        flush();
        try (Connection c = db.connection()) {
            return Jdbc.query(c, r -> new Row(r.getObject(1, LocalDate.class), r.getString(2), r.getString(3),
                            r.getLong(4)),
                    "SELECT count_day, metric, dimension, hits FROM form_day_counter WHERE form_key = ? "
                            + "AND count_day >= ? AND count_day <= ? ORDER BY count_day, metric, dimension",
                    formKey, from, to);
        }
    }

    /** The drained increments with new {@code kind=value} dimensions over the cap folded into {@code kind=(other)}. */
    private Map<Key, Long> capped(Connection c, Map<Key, Long> drained) throws SQLException {
        Map<List<Object>, List<Key>> groups = new HashMap<>();
        Map<Key, Long> out = new HashMap<>();
        drained.forEach((k, n) -> {
            int eq = k.dimension().indexOf('=');
            if (eq < 0) {
                out.merge(k, n, Long::sum);
            } else {
                groups.computeIfAbsent(List.of(k.formKey(), k.day(), k.metric(), k.dimension().substring(0, eq)),
                        g -> new ArrayList<>()).add(k);
            }
        });
        for (Map.Entry<List<Object>, List<Key>> group : groups.entrySet()) {
            List<Object> g = group.getKey();
            String kind = (String) g.get(3);
            Set<String> known = new HashSet<>(Jdbc.query(c, r -> r.getString(1), "SELECT dimension FROM "
                            + "form_day_counter WHERE form_key = ? AND count_day = ? AND metric = ? "
                            + "AND dimension LIKE ?", g.get(0), g.get(1), g.get(2), kind + "=%"));
            for (Key k : group.getValue()) {
                boolean admitted = known.contains(k.dimension()) || known.size() < VALUES_PER_KIND - 1;
                if (admitted) {
                    known.add(k.dimension());
                }
                Key target = admitted ? k : new Key(k.formKey(), k.day(), k.metric(), kind + "=" + OTHER);
                out.merge(target, drained.get(k), Long::sum);
            }
        }
        return out;
    }

    /** Once a day: deletes rows older than {@value #KEEP_DAYS} days. */
    private void prune() throws SQLException {
        LocalDate today = today();
        if (today.equals(prunedOn)) {
            return;
        }
        try (Connection c = db.connection()) {
            Jdbc.update(c, "DELETE FROM form_day_counter WHERE count_day < ?", today.minusDays(KEEP_DAYS));
        }
        prunedOn = today;
    }

    /** Stops the background flush and writes what is left. */
    @Override
    public void close() {
        flusher.shutdownNow();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
            flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Day counters lost at shutdown: " + e.getMessage());
        }
    }
}
