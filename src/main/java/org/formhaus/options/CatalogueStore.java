package org.formhaus.options;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;
import org.formhaus.storage.Database;

/**
 * The last good {@link OptionsCatalogue} of each account, in table {@code options_catalogue}: it survives restarts and
 * is shared by every instance on the database. Thread-safe; one per application.
 */
public final class CatalogueStore {

    /** A stored catalogue and when it was loaded from onOffice. */
    public record Stored(OptionsCatalogue catalogue, long loadedMs) {
    }

    private final Database db;

    public CatalogueStore(Database db) {
        this.db = db;
    }

    public Optional<Stored> find(long accountId) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT catalogue, loaded_ms FROM options_catalogue WHERE account_id = ?")) {
            s.setLong(1, accountId);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(new Stored(OptionsCatalogue.fromJson(row.getString(1)), row.getLong(2)))
                        : Optional.empty();
            }
        }
    }

    /** Replaces the account's catalogue. */
    public void save(long accountId, OptionsCatalogue catalogue, long loadedMs) throws SQLException {
        String json = catalogue.toJson();
        try (Connection c = db.connection()) {
            if (update(c, accountId, json, loadedMs) == 0) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO options_catalogue (account_id, catalogue, loaded_ms) VALUES (?, ?, ?)")) {
                    s.setLong(1, accountId);
                    s.setString(2, json);
                    s.setLong(3, loadedMs);
                    s.executeUpdate();
                } catch (SQLIntegrityConstraintViolationException e) {
                    update(c, accountId, json, loadedMs); // another instance inserted it meanwhile
                }
            }
        }
    }

    private static int update(Connection c, long accountId, String json, long loadedMs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE options_catalogue SET catalogue = ?, loaded_ms = ? WHERE account_id = ?")) {
            s.setString(1, json);
            s.setLong(2, loadedMs);
            s.setLong(3, accountId);
            return s.executeUpdate();
        }
    }
}
