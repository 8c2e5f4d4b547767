package org.formhaus.config;

/**
 * Where the data lives: {@code db.url} (JDBC; H2 in MariaDB mode or MariaDB), {@code db.user}, {@code db.password}
 * and {@code db.pool.size} connections at most. Immutable; {@link #toString()} hides the password.
 */
public record DatabaseConfig(String url, String user, String password, int poolSize) {

    static DatabaseConfig read(Keys keys) {
        return new DatabaseConfig(keys.required("db.url"), keys.string("db.user"), keys.string("db.password"),
                keys.number("db.pool.size", 1, 500));
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", password=***, poolSize=" + poolSize + "]";
    }
}
