package org.formhaus.storage;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

/**
 * Instance-wide values created once, such as signing keys, shared by every instance on the database. Every value is
 * sealed with the database's {@link org.formhaus.secrets.SecretBox} before it is stored. Thread-safe.
 */
public final class InstanceSettings {

    private final Database db;

    public InstanceSettings(Database db) {
        this.db = db;
    }

    public Optional<String> get(String name) throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.one(c, row -> SealedColumns.openSetting(db, name, row.getString(1)),
                    "SELECT setting_value FROM instance_setting WHERE setting_name = ?", name);
        }
    }

    public void put(String name, String plain) throws SQLException {
        String value = SealedColumns.sealSetting(db, name, plain);
        try (Connection c = db.connection()) {
            if (Jdbc.update(c, "UPDATE instance_setting SET setting_value = ? WHERE setting_name = ?", value, name) == 0) {
                Jdbc.update(c, "INSERT INTO instance_setting (setting_name, setting_value) VALUES (?, ?)", name, value);
            }
        }
    }

    /**
     * The value, created as 32 random bytes (URL-safe Base64) the first time anyone asks. When two instances race,
     * the primary key makes one insert fail and both read the winner's value.
     */
    public String getOrCreateSecret(String name) throws SQLException {
        Optional<String> existing = get(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (Connection c = db.connection()) {
            Jdbc.update(c, "INSERT INTO instance_setting (setting_name, setting_value) VALUES (?, ?)", name,
                    SealedColumns.sealSetting(db, name, fresh));
        } catch (SQLException raced) {
            return get(name).orElseThrow(() -> raced);
        }
        return fresh;
    }

    /**
     * Stores the value unless the name has one already; of several instances racing, exactly one gets true.
     *
     * @return false when a value existed
     */
    public boolean putIfAbsent(String name, String plain) throws SQLException {
        if (get(name).isPresent()) {
            return false;
        }
        try (Connection c = db.connection()) {
            Jdbc.update(c, "INSERT INTO instance_setting (setting_name, setting_value) VALUES (?, ?)", name,
                    SealedColumns.sealSetting(db, name, plain));
            return true;
        } catch (SQLException raced) {
            if (get(name).isPresent()) {
                return false;
            }
            throw raced;
        }
    }

    /** Forgets a value. */
    public void remove(String name) throws SQLException {
        try (Connection c = db.connection()) {
            Jdbc.update(c, "DELETE FROM instance_setting WHERE setting_name = ?", name);
        }
    }
}
