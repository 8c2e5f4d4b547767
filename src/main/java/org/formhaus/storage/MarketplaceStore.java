package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.formhaus.onoffice.OnOfficeCredentials;

/**
 * onOffice Marketplace customers (by {@code customerWebId}), the account each one activated, and the latest
 * {@code apiClaim} per onOffice user. Thread-safe; one per application.
 */
public final class MarketplaceStore {

    private final Database db;

    public MarketplaceStore(Database db) {
        this.db = db;
    }

    /**
     * Creates the customer's account on its first activation, or updates the existing one: name, onOffice
     * credentials, and the user's claim, all in one transaction.
     *
     * @return the account id
     */
    public long activate(String customerWebId, String customerName, OnOfficeCredentials credentials, String userId,
                         String apiClaim) throws SQLException {
        long now = System.currentTimeMillis();
        return db.inTransaction(c -> {
            Optional<Long> existing = accountOf(c, customerWebId);
            long accountId;
            if (existing.isPresent()) {
                accountId = existing.get();
                Jdbc.update(c, "UPDATE account SET name = ? WHERE id = ?", name(customerName, customerWebId), accountId);
                Jdbc.update(c, "UPDATE marketplace_customer SET customer_name = ?, activated_ms = ? "
                        + "WHERE customer_web_id = ?", customerName, now, customerWebId);
            } else {
                accountId = Jdbc.insert(c, "INSERT INTO account (name, created_ms) VALUES (?, ?)",
                        name(customerName, customerWebId), now);
                Jdbc.update(c, "INSERT INTO marketplace_customer (customer_web_id, account_id, customer_name, "
                        + "activated_ms) VALUES (?, ?, ?, ?)", customerWebId, accountId, customerName, now);
            }
            Jdbc.update(c, "UPDATE account SET onoffice_url = ?, onoffice_token = ?, onoffice_secret = ? WHERE id = ?",
                    credentials.url(), credentials.token(), credentials.secret(), accountId);
            saveClaim(c, customerWebId, userId, apiClaim, now);
            return accountId;
        });
    }

    public Optional<Long> accountOf(String customerWebId) throws SQLException {
        try (Connection c = db.connection()) {
            return accountOf(c, customerWebId);
        }
    }

    /** The latest claim of an onOffice user of the customer, for {@code extendedclaim}. */
    public Optional<String> claim(String customerWebId, String userId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getString(1), "SELECT api_claim FROM marketplace_claim "
                    + "WHERE customer_web_id = ? AND onoffice_user = ?", customerWebId, userId);
        }
    }

    private static Optional<Long> accountOf(Connection c, String customerWebId) throws SQLException {
        return Jdbc.one(c, row -> row.getLong(1), "SELECT account_id FROM marketplace_customer WHERE customer_web_id = ?",
                customerWebId);
    }

    private static void saveClaim(Connection c, String customerWebId, String userId, String claim, long now)
            throws SQLException {
        if (Jdbc.update(c, "UPDATE marketplace_claim SET api_claim = ?, updated_ms = ? WHERE customer_web_id = ? "
                + "AND onoffice_user = ?", claim, now, customerWebId, userId) == 0) {
            Jdbc.update(c, "INSERT INTO marketplace_claim (customer_web_id, onoffice_user, api_claim, updated_ms) "
                    + "VALUES (?, ?, ?, ?)", customerWebId, userId, claim, now);
        }
    }

    private static String name(String customerName, String customerWebId) {
        return customerName == null || customerName.isBlank() ? "onOffice customer " + customerWebId : customerName;
    }
}
