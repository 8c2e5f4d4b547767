package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Form groups of an account (issue 13): a named set of the account's forms; a form is in at most one group, group
 * names are unique per account. Every call names the account, and another account's group or form is simply not
 * found. Deleting a group leaves its forms, ungrouped. Thread-safe; one per application.
 */
public final class FormGroupStore {

    /** A group and the keys of its forms (archived ones included), sorted by key. */
    public record Group(long id, String name, List<String> forms) {
    }

    /** A second group of that name in the account. */
    public static final class NameTakenException extends Exception {
        public NameTakenException(String name) {
            super("A group named '" + name + "' exists already");
        }
    }

    private final Database db;

    public FormGroupStore(Database db) {
        this.db = db;
    }

    /** The account's groups by name, each with its forms. */
    public List<Group> list(long accountId) throws SQLException {
        try (Connection c = db.connection()) {
            Map<Long, String> names = new LinkedHashMap<>();
            for (Object[] row : Jdbc.query(c, r -> new Object[] {r.getLong(1), r.getString(2)},
                    "SELECT id, name FROM form_group WHERE account_id = ? ORDER BY name, id", accountId)) {
                names.put((Long) row[0], (String) row[1]);
            }
            Map<Long, List<String>> forms = new LinkedHashMap<>();
            names.keySet().forEach(id -> forms.put(id, new ArrayList<>()));
            // Joined with form so that only this account's forms count (a form key is unique over the instance).
            for (Object[] row : Jdbc.query(c, r -> new Object[] {r.getLong(1), r.getString(2)},
                    "SELECT m.group_id, m.form_key FROM form_group_member m JOIN form_group g ON g.id = m.group_id "
                            + "JOIN form f ON f.form_key = m.form_key AND f.account_id = g.account_id "
                            + "WHERE g.account_id = ? ORDER BY m.form_key", accountId)) {
                forms.get((Long) row[0]).add((String) row[1]);
            }
            List<Group> groups = new ArrayList<>();
            names.forEach((id, name) -> groups.add(new Group(id, name, List.copyOf(forms.get(id)))));
            return groups;
        }
    }

    public Optional<Group> find(long accountId, long groupId) throws SQLException {
        return list(accountId).stream().filter(g -> g.id() == groupId).findFirst();
    }

    public Optional<Group> findByName(long accountId, String name) throws SQLException {
        return list(accountId).stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public Group create(long accountId, String name) throws SQLException, NameTakenException {
        if (findByName(accountId, name).isPresent()) {
            throw new NameTakenException(name);
        }
        try (Connection c = db.connection()) {
            long id = Jdbc.insert(c, "INSERT INTO form_group (account_id, name, created_ms) VALUES (?, ?, ?)",
                    accountId, name, System.currentTimeMillis());
            return new Group(id, name, List.of());
        } catch (SQLIntegrityConstraintViolationException meanwhile) {
            throw new NameTakenException(name);
        }
    }

    /** @return false when the account has no such group */
    public boolean rename(long accountId, long groupId, String name) throws SQLException, NameTakenException {
        Optional<Group> other = findByName(accountId, name);
        if (other.isPresent() && other.get().id() != groupId) {
            throw new NameTakenException(name);
        }
        try (Connection c = db.connection()) {
            return Jdbc.update(c, "UPDATE form_group SET name = ? WHERE id = ? AND account_id = ?", name, groupId,
                    accountId) == 1;
        } catch (SQLIntegrityConstraintViolationException meanwhile) {
            throw new NameTakenException(name);
        }
    }

    /** Deletes the group; its forms stay, ungrouped. @return false when the account has no such group */
    public boolean delete(long accountId, long groupId) throws SQLException {
        return db.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM form_group_member WHERE group_id IN "
                    + "(SELECT id FROM form_group WHERE id = ? AND account_id = ?)", groupId, accountId);
            return Jdbc.update(c, "DELETE FROM form_group WHERE id = ? AND account_id = ?", groupId, accountId) == 1;
        });
    }

    /**
     * Puts the account's form {@code formKey} into the group, taking it out of any other group.
     *
     * @return false when the account has no such group or no such form
     */
    public boolean put(long accountId, long groupId, String formKey) throws SQLException {
        return db.inTransaction(c -> {
            if (!known(c, accountId, groupId, formKey)) {
                return false;
            }
            Jdbc.update(c, "DELETE FROM form_group_member WHERE form_key = ?", formKey);
            Jdbc.update(c, "INSERT INTO form_group_member (form_key, group_id) VALUES (?, ?)", formKey, groupId);
            return true;
        });
    }

    /**
     * Takes the form out of the group (nothing to do when it is not in it).
     *
     * @return false when the account has no such group or no such form
     */
    public boolean take(long accountId, long groupId, String formKey) throws SQLException {
        return db.inTransaction(c -> {
            if (!known(c, accountId, groupId, formKey)) {
                return false;
            }
            Jdbc.update(c, "DELETE FROM form_group_member WHERE form_key = ? AND group_id = ?", formKey, groupId);
            return true;
        });
    }

    private static boolean known(Connection c, long accountId, long groupId, String formKey) throws SQLException {
        return Jdbc.one(c, r -> 1, "SELECT 1 FROM form_group WHERE id = ? AND account_id = ?", groupId, accountId)
                .isPresent() && Jdbc.one(c, r -> 1, "SELECT 1 FROM form WHERE form_key = ? AND account_id = ?",
                formKey, accountId).isPresent();
    }
}
