package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.formhaus.secrets.SecretBox;
import org.formhaus.secrets.UnreadableSecretException;

/**
 * The one list of columns that hold secrets, each sealed with the database's {@link SecretBox}: the accounts'
 * onOffice secrets ({@code account.onoffice_secret}), the Marketplace claims ({@code marketplace_claim.api_claim}) and
 * every instance setting (the in-house signing keys: form tokens, newsletter links, Marketplace state) and the
 * webhook endpoints' signing secrets ({@code webhook_endpoint.secret}). The stores
 * seal and open through the static helpers here; {@link #sealClearValues()} seals what earlier versions left in clear
 * and {@link #reseal(SecretBox)} moves everything under a new key. Thread-safe; cheap to create.
 */
public final class SealedColumns {

    private static final String ONOFFICE_SECRET = "account.onoffice_secret";
    private static final String MARKETPLACE_CLAIM = "marketplace_claim.api_claim";
    private static final String WEBHOOK_SECRET = "webhook_endpoint.secret";

    /** A sealed column: its table, the columns naming a row, and what the value is sealed for. */
    private record Place(String table, List<String> keys, String value, Function<List<String>, String> context) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("account", List.of("id"), "onoffice_secret", row -> ONOFFICE_SECRET),
            new Place("marketplace_claim", List.of("customer_web_id", "onoffice_user"), "api_claim",
                    row -> MARKETPLACE_CLAIM),
            new Place("instance_setting", List.of("setting_name"), "setting_value", row -> setting(row.get(0))),
            new Place("webhook_endpoint", List.of("id"), "secret", row -> WEBHOOK_SECRET));

    private final Database db;

    public SealedColumns(Database db) {
        this.db = db;
    }

    /**
     * Seals every secret still stored in clear (written by a version before sealing) and opens every sealed one once,
     * so that a wrong master key stops the start with a message naming both keys' ids.
     *
     * @return how many values were sealed now
     * @throws UnreadableSecretException when a sealed value does not open with the configured key
     */
    public int sealClearValues() throws SQLException {
        SecretBox box = db.secrets();
        try (Connection c = db.connection()) {
            return rewrite(c, (stored, context) -> {
                if (SecretBox.isSealed(stored)) {
                    box.open(stored, context);
                    return stored;
                }
                return box.seal(stored, context);
            });
        }
    }

    /**
     * Opens every stored secret with the database's key and seals it under {@code to}, in one transaction: either
     * all values move to the new key or none does.
     *
     * @return how many values were sealed anew
     * @throws UnreadableSecretException when a value does not open with the current key (nothing is changed then)
     */
    public int reseal(SecretBox to) throws SQLException {
        SecretBox from = db.secrets();
        return db.inTransaction(c -> rewrite(c, (stored, context) -> to.seal(from.open(stored, context), context)));
    }

    /** Replaces each non-empty value by what {@code change} makes of it; only rows still holding the value read. */
    private static int rewrite(Connection c, Change change) throws SQLException {
        int changed = 0;
        for (Place place : PLACES) {
            String keys = String.join(", ", place.keys());
            List<List<String>> rows = Jdbc.query(c, row -> {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= place.keys().size() + 1; i++) {
                    values.add(row.getString(i));
                }
                return values;
            }, "SELECT " + keys + ", " + place.value() + " FROM " + place.table() + " WHERE " + place.value()
                    + " <> ''");
            String where = String.join(" = ? AND ", place.keys()) + " = ? AND " + place.value() + " = ?";
            for (List<String> row : rows) {
                List<String> key = row.subList(0, place.keys().size());
                String stored = row.get(place.keys().size());
                String next = change.apply(stored, place.context().apply(key));
                if (next.equals(stored)) {
                    continue;
                }
                List<Object> args = new ArrayList<>();
                args.add(next);
                args.addAll(key);
                args.add(stored);
                // Conditional on the value read: another instance sealing at the same time makes this a no-op.
                changed += Jdbc.update(c, "UPDATE " + place.table() + " SET " + place.value() + " = ? WHERE " + where,
                        args.toArray());
            }
        }
        return changed;
    }

    @FunctionalInterface
    private interface Change {
        String apply(String stored, String context);
    }

    static String sealSecret(Database db, String secret) {
        return secret == null ? null : db.secrets().seal(secret, ONOFFICE_SECRET);
    }

    static String openSecret(Database db, String stored) {
        return db.secrets().open(stored, ONOFFICE_SECRET);
    }

    static String sealClaim(Database db, String claim) {
        return db.secrets().seal(claim, MARKETPLACE_CLAIM);
    }

    static String openClaim(Database db, String stored) {
        return stored == null ? null : db.secrets().open(stored, MARKETPLACE_CLAIM);
    }

    static String sealWebhookSecret(Database db, String secret) {
        return db.secrets().seal(secret, WEBHOOK_SECRET);
    }

    static String openWebhookSecret(Database db, String stored) {
        return db.secrets().open(stored, WEBHOOK_SECRET);
    }

    static String sealSetting(Database db, String name, String value) {
        return db.secrets().seal(value, setting(name));
    }

    static String openSetting(Database db, String name, String stored) {
        return db.secrets().open(stored, setting(name));
    }

    private static String setting(String name) {
        return "instance_setting." + name;
    }
}
