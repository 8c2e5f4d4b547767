package org.formhaus.storage;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Webhooks out: each account's endpoints (URL and signing secret, sealed at rest) and the outbox of messages to them.
 * A message is written in the transaction that records a delivery's final outcome ({@link #enqueue}), so a delivered
 * or failed submission is announced exactly when its outcome is committed; messages are claimed with leases and
 * retried like delivery jobs. Thread-safe; one per application.
 */
public final class WebhookStore {

    /** An account's endpoint; {@code secret} is the Standard Webhooks {@code whsec_...} secret, opened. */
    public record Endpoint(String url, String secret) {
        @Override
        public String toString() {
            return "Endpoint[url=" + url + ", secret=***]";
        }
    }

    /** A claimed message: where it goes, how it is signed, what it says and how many tries came before. */
    public record Message(String id, String url, String secret, String body, long createdMs, int attempts) {
        @Override
        public String toString() {
            return "Message[id=" + id + ", url=" + url + ", attempts=" + attempts + "]";
        }
    }

    private final Database db;

    public WebhookStore(Database db) {
        this.db = db;
    }

    public List<Endpoint> endpoints(long accountId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> new Endpoint(row.getString(1),
                            SealedColumns.openWebhookSecret(db, row.getString(2))),
                    "SELECT url, secret FROM webhook_endpoint WHERE account_id = ? ORDER BY id", accountId);
        }
    }

    /** Replaces the account's endpoints; messages already written keep going to the endpoints they were for. */
    public void replace(long accountId, List<Endpoint> endpoints) throws SQLException {
        long now = System.currentTimeMillis();
        db.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM webhook_endpoint WHERE account_id = ?", accountId);
            for (Endpoint endpoint : endpoints) {
                Jdbc.update(c, "INSERT INTO webhook_endpoint (account_id, url, secret, created_ms) VALUES (?, ?, ?, ?)",
                        accountId, endpoint.url(), SealedColumns.sealWebhookSecret(db, endpoint.secret()), now);
            }
            return null;
        });
    }

    /**
     * Within the transaction {@code c} that records the final outcome of {@code submissionId}: one message per
     * endpoint of its account, of type {@code submission.delivered} or {@code submission.failed}. The body names
     * the submission, its form, status, error and onOffice records, never a submitted value.
     */
    static void enqueue(Connection c, String submissionId, SubmissionStatus status, String error, long now)
            throws SQLException {
        List<long[]> endpoints = Jdbc.query(c, row -> new long[]{row.getLong(1), row.getLong(2)},
                "SELECT e.id, e.account_id FROM webhook_endpoint e JOIN submission s ON s.account_id = e.account_id "
                        + "WHERE s.id = ?", submissionId);
        if (endpoints.isEmpty()) {
            return;
        }
        JsonObject data = Jdbc.one(c, row -> {
            JsonObject d = new JsonObject();
            d.addProperty("id", submissionId);
            d.addProperty("form", row.getString(1));
            d.addProperty("status", status.jsonName());
            if (error != null) {
                d.addProperty("error", error);
            }
            d.add("records", JsonParser.parseString(row.getString(2)));
            d.addProperty("received", Instant.ofEpochMilli(row.getLong(3)).toString());
            return d;
        }, "SELECT form_key, records, created_ms FROM submission WHERE id = ?", submissionId).orElseThrow();
        JsonObject body = new JsonObject();
        body.addProperty("type", "submission." + status.jsonName());
        body.addProperty("timestamp", Instant.ofEpochMilli(now).toString());
        body.add("data", data);
        for (long[] endpoint : endpoints) {
            Jdbc.update(c, "INSERT INTO webhook_message (id, endpoint_id, account_id, body, state, created_ms, due_ms) "
                    + "VALUES (?, ?, ?, ?, 'pending', ?, ?)", "msg_" + UUID.randomUUID().toString().replace("-", ""),
                    endpoint[0], endpoint[1], body.toString(), now, now);
        }
    }

    /** Claims up to {@code limit} due messages for {@code worker}, leased until {@code now + leaseMs}. */
    public List<Message> claimDue(String worker, long now, long leaseMs, int limit) throws SQLException {
        List<Message> claimed = new ArrayList<>();
        try (Connection c = db.connection()) {
            List<Message> due = Jdbc.query(c, row -> new Message(row.getString(1), row.getString(2),
                            SealedColumns.openWebhookSecret(db, row.getString(3)), row.getString(4), row.getLong(5),
                            row.getInt(6)),
                    "SELECT m.id, e.url, e.secret, m.body, m.created_ms, m.attempts FROM webhook_message m "
                            + "JOIN webhook_endpoint e ON e.id = m.endpoint_id WHERE m.state = 'pending' "
                            + "AND m.due_ms <= ? AND (m.locked_until IS NULL OR m.locked_until < ?) ORDER BY m.due_ms "
                            + "LIMIT " + limit, now, now);
            for (Message message : due) {
                // As for delivery jobs, the conditional UPDATE is the claim: exactly one instance wins it.
                if (Jdbc.update(c, "UPDATE webhook_message SET locked_by = ?, locked_until = ? WHERE id = ? "
                        + "AND state = 'pending' AND (locked_until IS NULL OR locked_until < ?)",
                        worker, now + leaseMs, message.id(), now) == 1) {
                    claimed.add(message);
                }
            }
        }
        return claimed;
    }

    /** The endpoint answered 2xx. */
    public boolean sent(String id, String worker) throws SQLException {
        return finish(id, worker, "sent", null, "");
    }

    /** Tries again at {@code dueMs}. */
    public boolean retry(String id, String worker, long dueMs, String error) throws SQLException {
        return finish(id, worker, "pending", dueMs, error);
    }

    /** Stops trying (its horizon passed, or the URL is no longer allowed). */
    public boolean fail(String id, String worker, String error) throws SQLException {
        return finish(id, worker, "failed", null, error);
    }

    /** Messages in each state, e.g. for tests and the admin: pending, sent, failed. */
    public int count(String state) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getInt(1), "SELECT COUNT(*) FROM webhook_message WHERE state = ?", state)
                    .orElse(0);
        }
    }

    private boolean finish(String id, String worker, String state, Long dueMs, String error) throws SQLException {
        try (Connection c = db.connection()) {
            String due = dueMs == null ? "" : "due_ms = " + dueMs + ", ";
            return Jdbc.update(c, "UPDATE webhook_message SET state = ?, " + due + "attempts = attempts + 1, "
                    + "last_error = ?, locked_by = NULL, locked_until = NULL WHERE id = ? AND locked_by = ?",
                    state, error.length() > 2000 ? error.substring(0, 2000) : error, id, worker) == 1;
        }
    }
}
