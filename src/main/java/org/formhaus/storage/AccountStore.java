package org.formhaus.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.formhaus.onoffice.OnOfficeCredentials;

/**
 * Accounts and their onOffice and embedding settings; a Marketplace account's credentials carry its latest claim, so
 * every onOffice client made from them sends it. Thread-safe; one per application.
 */
public final class AccountStore {

    private static final long ORIGINS_TTL_MS = 10_000;
    /**
     * An account with, for a Marketplace customer's account, the claim of the most recent signed call from any of
     * its onOffice users: onOffice wants the claim of the customer's latest service call on every API call.
     */
    private static final String SELECT = "SELECT a.*, (SELECT mc.api_claim FROM marketplace_claim mc "
            + "JOIN marketplace_customer cu ON cu.customer_web_id = mc.customer_web_id WHERE cu.account_id = a.id "
            + "ORDER BY mc.updated_ms DESC, mc.onoffice_user LIMIT 1) AS marketplace_claim FROM account a";

    private final Database db;
    private final Map<Long, CachedOrigins> origins = new ConcurrentHashMap<>();

    private record CachedOrigins(List<String> origins, long loadedMs) {
    }

    public AccountStore(Database db) {
        this.db = db;
    }

    /**
     * The sites allowed to embed the account's forms, from memory when loaded within the last ten seconds: it is
     * asked on every form view. An unreadable database yields the last known list, or none.
     */
    public List<String> cachedAllowedOrigins(long accountId) {
        long now = System.currentTimeMillis();
        CachedOrigins cached = origins.get(accountId);
        if (cached != null && now - cached.loadedMs < ORIGINS_TTL_MS) {
            return cached.origins;
        }
        try {
            List<String> loaded = find(accountId).map(Account::allowedOrigins).orElse(List.of());
            origins.put(accountId, new CachedOrigins(loaded, now));
            return loaded;
        } catch (SQLException e) {
            return cached == null ? List.of() : cached.origins;
        }
    }

    public Account create(Connection c, String name) throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO account (name, created_ms) VALUES (?, ?)", name, System.currentTimeMillis());
        return new Account(id, name, new OnOfficeCredentials("", "", ""), List.of(), List.of());
    }

    public Optional<Account> find(long id) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, this::map, SELECT + " WHERE a.id = ?", id);
        }
    }

    public Optional<Account> first() throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, this::map, SELECT + " ORDER BY a.id LIMIT 1");
        }
    }

    /** Stores the onOffice connection, the secret sealed; a null secret keeps the stored one (it is write-only). */
    public void updateOnOffice(long accountId, String url, String token, String secret, List<String> senders)
            throws SQLException {
        try (Connection c = db.connection()) {
            if (secret == null) {
                Jdbc.update(c, "UPDATE account SET onoffice_url = ?, onoffice_token = ?, senders = ? WHERE id = ?",
                        url, token, String.join(",", senders), accountId);
            } else {
                Jdbc.update(c, "UPDATE account SET onoffice_url = ?, onoffice_token = ?, onoffice_secret = ?, "
                        + "senders = ? WHERE id = ?", url, token, SealedColumns.sealSecret(db, secret),
                        String.join(",", senders), accountId);
            }
        }
    }

    public void updateAllowedOrigins(long accountId, List<String> origins) throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "UPDATE account SET allowed_origins = ? WHERE id = ?", String.join(" ", origins), accountId);
        }
        this.origins.remove(accountId);
    }

    private Account map(ResultSet row) throws SQLException {
        return new Account(row.getLong("id"), row.getString("name"),
                new OnOfficeCredentials(row.getString("onoffice_url"), row.getString("onoffice_token"),
                        SealedColumns.openSecret(db, row.getString("onoffice_secret")),
                        SealedColumns.openClaim(db, row.getString("marketplace_claim"))),
                Jdbc.splitList(row.getString("senders")), Jdbc.splitList(row.getString("allowed_origins")));
    }
}
