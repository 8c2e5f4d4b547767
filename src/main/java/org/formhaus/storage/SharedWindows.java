package org.formhaus.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link SlidingWindows} in the database ({@code limit_window}), shared by every instance on it: an update locks the
 * keys' rows ({@code SELECT … FOR UPDATE}, always in the same order, so two instances cannot deadlock each other),
 * changes them and commits, so a limit counts the events of all instances and two of them never both take the last
 * place. A key is stored as its HMAC under an instance secret: keys hold client addresses and emails, which are
 * personal data. Expired rows are deleted once a minute per instance. Thread-safe; one per application.
 */
public final class SharedWindows implements SlidingWindows {

    private static final int ATTEMPTS = 4;
    private final Database db;
    private final SecretKeySpec key;
    private final AtomicLong nextSweepMs = new AtomicLong();

    /** {@code secret}: the instance secret that keys are hashed with (the same on every instance on the database). */
    public SharedWindows(Database db, String secret) {
        this.db = db;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public <T> T update(List<String> keys, long windowMs, long now, Change<T> change) {
        // Sorted by stored id: every update locks rows in the same order.
        TreeMap<String, String> byId = keys.stream().distinct()
                .collect(Collectors.toMap(this::id, k -> k, (a, b) -> a, TreeMap::new));
        for (int attempt = 1; ; attempt++) {
            try {
                create(byId.keySet(), now);
                T result = db.inTransaction(c -> update(c, byId, windowMs, now, change));
                sweep(now);
                return result;
            } catch (SQLIntegrityConstraintViolationException | SQLTransactionRollbackException e) {
                // Another instance created the same key's row at the same moment, or a deadlock: try again.
                if (attempt == ATTEMPTS) {
                    throw new StorageException("The shared limits stayed busy", e);
                }
            } catch (SQLException e) {
                if (attempt == ATTEMPTS || !"40001".equals(e.getSQLState()) && !"23000".equals(e.getSQLState())) {
                    throw new StorageException("Could not update the shared limits", e);
                }
            }
        }
    }

    private <T> T update(Connection c, TreeMap<String, String> byId, long windowMs, long now, Change<T> change)
            throws SQLException {
        Map<String, Deque<Long>> times = new HashMap<>();
        for (Map.Entry<String, String> e : byId.entrySet()) {
            times.put(e.getValue(), lock(c, e.getKey(), now));
        }
        T result = change.apply(times);
        try (PreparedStatement write = c.prepareStatement(
                "UPDATE limit_window SET times = ?, expires_ms = ? WHERE limit_key = ?")) {
            for (Map.Entry<String, String> e : byId.entrySet()) {
                Deque<Long> t = times.get(e.getValue());
                write.setString(1, t.stream().map(String::valueOf).collect(Collectors.joining(",")));
                write.setLong(2, (t.isEmpty() ? now : t.peekLast()) + windowMs);
                write.setString(3, e.getKey());
                write.addBatch();
            }
            write.executeBatch();
        }
        return result;
    }

    /**
     * Creates the keys' missing rows, each committed on its own, before the transaction that locks them. Inside it,
     * {@code SELECT … FOR UPDATE} of a missing row takes a gap lock in InnoDB, and two transactions inserting the same
     * new key into their gaps deadlock each other (seen with ten visitors' first submissions at once); locking rows that
     * exist takes record locks only.
     */
    private void create(Iterable<String> ids, long now) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement read = c.prepareStatement("SELECT 1 FROM limit_window WHERE limit_key = ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO limit_window (limit_key, times, expires_ms) VALUES (?, '', ?)")) {
            for (String id : ids) {
                read.setString(1, id);
                try (ResultSet row = read.executeQuery()) {
                    if (row.next()) {
                        continue;
                    }
                }
                insert.setString(1, id);
                insert.setLong(2, now);
                try {
                    insert.executeUpdate();
                } catch (SQLIntegrityConstraintViolationException raced) {
                    // another request created it first: it is there
                }
            }
        }
    }

    /**
     * The key's times, its row locked until the transaction ends (created when missing: {@link #create} made it, but
     * a sweep may have deleted it since).
     */
    private static Deque<Long> lock(Connection c, String id, long now) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(
                "SELECT times, expires_ms FROM limit_window WHERE limit_key = ? FOR UPDATE")) {
            read.setString(1, id);
            try (ResultSet row = read.executeQuery()) {
                if (row.next()) {
                    Deque<Long> times = new ArrayDeque<>();
                    if (row.getLong(2) >= now) {
                        for (String t : row.getString(1).split(",")) {
                            if (!t.isEmpty()) {
                                times.addLast(Long.parseLong(t));
                            }
                        }
                    }
                    return times;
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO limit_window (limit_key, times, expires_ms) VALUES (?, '', ?)")) {
            insert.setString(1, id);
            insert.setLong(2, now);
            insert.executeUpdate();
        }
        return new ArrayDeque<>();
    }

    private void sweep(long now) {
        long next = nextSweepMs.get();
        if (now < next || !nextSweepMs.compareAndSet(next, now + 60_000)) {
            return;
        }
        try (Connection c = db.connection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM limit_window WHERE expires_ms < ?")) {
            delete.setLong(1, now);
            delete.executeUpdate();
        } catch (SQLException e) {
            // Swept next minute; expired rows are only kept a little longer.
        }
    }

    private String id(String limitKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(limitKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
