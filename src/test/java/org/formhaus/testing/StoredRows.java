package org.formhaus.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Every value of every row of every table of a database as text, so that a test can prove something is stored
 * nowhere in clear. Stateless.
 */
public final class StoredRows {

    private StoredRows() {
    }

    /** All values of all tables (Flyway's history too), one line per row. */
    public static String everything(DataSource dataSource) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            for (String table : tables(c)) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        out.append(table).append(':');
                        for (int i = 1; i <= columns; i++) {
                            out.append(' ').append(rows.getString(i));
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    private static List<String> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables found to scan");
        }
        return tables;
    }
}
