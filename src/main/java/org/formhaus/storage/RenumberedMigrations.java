package org.formhaus.storage;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Brings Flyway's history of a database migrated before the migrations were numbered contiguously (V1, V2, V4 … V15)
 * to the numbers they carry now (V1 … V11), before Flyway reads it. Stateless; run once per start, before migrating.
 *
 * <p>Only the version and script name of a known old row change; the files' contents, and so their checksums and
 * descriptions, are the same as before, so Flyway then validates the database as if it had always run the new
 * numbers and applies only what it has not run. Each rewrite is keyed by the old script name, which no new name
 * equals, so running it again, or on two instances starting at once, changes nothing more.
 */
final class RenumberedMigrations {

    /** The old script name and the new number and script name of each migration whose number changed. */
    record Renumbering(String oldScript, String newVersion, String newScript) {
    }

    /** Released numbers; never edit a line, only add one if a migration must ever be renumbered again. */
    static final List<Renumbering> RENUMBERED = List.of(
            new Renumbering("V4__delivery.sql", "3", "V3__delivery.sql"),
            new Renumbering("V5__admin.sql", "4", "V4__admin.sql"),
            new Renumbering("V6__marketplace_claims.sql", "5", "V5__marketplace_claims.sql"),
            new Renumbering("V7__options_catalogue_and_job_kinds.sql", "6", "V6__options_catalogue_and_job_kinds.sql"),
            new Renumbering("V8__secrets_at_rest.sql", "7", "V7__secrets_at_rest.sql"),
            new Renumbering("V9__users_sessions_tokens.sql", "8", "V8__users_sessions_tokens.sql"),
            new Renumbering("V12__form_token_use.sql", "9", "V9__form_token_use.sql"),
            new Renumbering("V13__confirmation_quota.sql", "10", "V10__confirmation_quota.sql"),
            new Renumbering("V15__webhooks.sql", "11", "V11__webhooks.sql"));

    static final String HISTORY = "flyway_schema_history";

    private RenumberedMigrations() {
    }

    /** Rewrites the old rows of Flyway's history in {@code database}, if it has one; returns how many changed. */
    static int apply(DataSource database) throws SQLException {
        try (Connection c = database.getConnection()) {
            if (!hasHistory(c)) {
                return 0;
            }
            String q = c.getMetaData().getIdentifierQuoteString().trim();
            // Quoted: Flyway creates the table and its columns in lower case, also on an H2 that upper-cases names.
            String sql = "UPDATE " + q + HISTORY + q + " SET " + q + "version" + q + " = ?, " + q + "script" + q
                    + " = ? WHERE " + q + "script" + q + " = ?";
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement(sql)) {
                int changed = 0;
                for (Renumbering r : RENUMBERED) {
                    update.setString(1, r.newVersion());
                    update.setString(2, r.newScript());
                    update.setString(3, r.oldScript());
                    changed += update.executeUpdate();
                }
                c.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static boolean hasHistory(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        // The connection's own catalog and schema: other databases on the same server may have a history too.
        try (ResultSet tables = meta.getTables(c.getCatalog(), c.getSchema(), HISTORY, new String[]{"TABLE"})) {
            return tables.next();
        }
    }
}
