package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.formhaus.onoffice.OnOfficeCredentials;

/**
 * onOffice Marketplace customers (by {@code customerWebId}), the account each one activated, the latest
 * {@code apiClaim} per onOffice user, which admin user each onOffice user signs in as, and the signed links already
 * used. Thread-safe; one per application.
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
                    credentials.url(), credentials.token(), SealedColumns.sealSecret(db, credentials.secret()),
                    accountId);
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
            return Jdbc.one(c, row -> SealedColumns.openClaim(db, row.getString(1)), "SELECT api_claim FROM "
                    + "marketplace_claim WHERE customer_web_id = ? AND onoffice_user = ?", customerWebId, userId);
        }
    }

    /**
     * Records the claim of a signed service call (a user opening Formhaus from inside onOffice): from now on the
     * account's onOffice calls carry it.
     *
     * @return the customer's account; empty when the customer never activated Formhaus (nothing is stored then)
     */
    public Optional<Long> recordServiceCall(String customerWebId, String userId, String apiClaim) throws SQLException {
        long now = System.currentTimeMillis();
        return db.inTransaction(c -> {
            Optional<Long> account = accountOf(c, customerWebId);
            if (account.isPresent()) {
                saveClaim(c, customerWebId, userId, apiClaim, now);
            }
            return account;
        });
    }

    /**
     * Marks a signed link as used, so that it opens Formhaus only once; forgets links whose window has passed.
     *
     * @return false when the link was used before
     */
    public boolean useLinkOnce(String signature, long expiresMs) throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "DELETE FROM marketplace_used_link WHERE expires_ms < ?", System.currentTimeMillis());
            try {
                Jdbc.update(c, "INSERT INTO marketplace_used_link (signature, expires_ms) VALUES (?, ?)",
                        signature.toLowerCase(java.util.Locale.ROOT), expiresMs);
                return true;
            } catch (java.sql.SQLIntegrityConstraintViolationException used) {
                return false;
            }
        }
    }

    /** The admin user this onOffice user of the customer signs in as, if linked. */
    public Optional<Long> linkedAdmin(String customerWebId, String userId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getLong(1), "SELECT admin_user_id FROM marketplace_user_link "
                    + "WHERE customer_web_id = ? AND onoffice_user = ?", customerWebId, userId);
        }
    }

    /** Links the onOffice user to an admin user; later signed service calls of that user sign in as them. */
    public void link(String customerWebId, String userId, long adminUserId) throws SQLException {
        db.inTransaction(c -> {
            link(c, customerWebId, userId, adminUserId);
            return null;
        });
    }

    public boolean hasAdmins(long accountId) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> row.getLong(1), "SELECT COUNT(*) FROM admin_user WHERE account_id = ?",
                    accountId).orElse(0L) > 0;
        }
    }

    /**
     * Creates the account's first admin user, linked to the onOffice user who asked for it, unless the account has
     * one by now (two tabs, two users at once).
     *
     * @return the new user; empty when the account already had an admin user
     * @throws java.sql.SQLIntegrityConstraintViolationException when another login uses the email
     */
    public Optional<AdminUser> createFirstAdmin(long accountId, String customerWebId, String userId, String email,
                                                String passwordHash) throws SQLException {
        return db.inTransaction(c -> {
            // Lock the account row so that two first logins cannot both see an account without admins.
            Jdbc.one(c, row -> row.getLong(1), "SELECT id FROM account WHERE id = ? FOR UPDATE", accountId);
            if (Jdbc.one(c, row -> row.getLong(1), "SELECT COUNT(*) FROM admin_user WHERE account_id = ?", accountId)
                    .orElse(0L) > 0) {
                return Optional.empty();
            }
            AdminUser user = new AdminUserStore(db).create(c, accountId, email, "", "", passwordHash);
            link(c, customerWebId, userId, user.id());
            return Optional.of(user);
        });
    }

    private static void link(Connection c, String customerWebId, String userId, long adminUserId) throws SQLException {
        long now = System.currentTimeMillis();
        if (Jdbc.update(c, "UPDATE marketplace_user_link SET admin_user_id = ?, linked_ms = ? WHERE customer_web_id = ? "
                + "AND onoffice_user = ?", adminUserId, now, customerWebId, userId) == 0) {
            Jdbc.update(c, "INSERT INTO marketplace_user_link (customer_web_id, onoffice_user, admin_user_id, "
                    + "linked_ms) VALUES (?, ?, ?, ?)", customerWebId, userId, adminUserId, now);
        }
    }

    private static Optional<Long> accountOf(Connection c, String customerWebId) throws SQLException {
        return Jdbc.one(c, row -> row.getLong(1), "SELECT account_id FROM marketplace_customer WHERE customer_web_id = ?",
                customerWebId);
    }

    private void saveClaim(Connection c, String customerWebId, String userId, String apiClaim, long now)
            throws SQLException {
        String claim = SealedColumns.sealClaim(db, apiClaim);
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
