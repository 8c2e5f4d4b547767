package org.formhaus.metrics;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import org.formhaus.storage.DeliveryJobStore.Backlog;

/**
 * The outbox as two gauges: how many jobs wait and how old the oldest is. Both come from one query, made at most
 * once per {@code fresh} however often Prometheus (or several) scrape; every instance reads the same database, so
 * every instance shows the same figures (aggregate them with {@code max}, not {@code sum}). When the database does
 * not answer, the gauges show NaN. Thread-safe.
 */
final class OutboxGauges {

    private static final System.Logger LOG = System.getLogger(OutboxGauges.class.getName());

    /** The outbox's state now. */
    @FunctionalInterface
    public interface Source {
        Backlog backlog() throws SQLException;
    }

    private final Source source;
    private final long freshMs;
    private long readMs;
    private Backlog last;

    OutboxGauges(Source source, Duration fresh) {
        this.source = source;
        this.freshMs = fresh.toMillis();
    }

    double depth() {
        Backlog backlog = read();
        return backlog == null ? Double.NaN : backlog.depth();
    }

    double oldestAgeSeconds() {
        Backlog backlog = read();
        if (backlog == null) {
            return Double.NaN;
        }
        return backlog.depth() == 0 ? 0 : Math.max(0, System.currentTimeMillis() - backlog.oldestCreatedMs()) / 1000.0;
    }

    private synchronized Backlog read() {
        long now = System.currentTimeMillis();
        if (last == null || now - readMs >= freshMs) {
            try {
                last = source.backlog();
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot read the delivery backlog for /metrics: " + e.getMessage());
                last = null;
            }
            readMs = now;
        }
        return last;
    }
}
