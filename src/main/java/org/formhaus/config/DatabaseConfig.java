package org.formhaus.config;

import java.time.Duration;

/**
 * Where the data lives: {@code db.url} (JDBC; H2 in MariaDB mode or MariaDB), {@code db.user}, {@code db.password}
 * and {@code db.pool.size} connections at most; and how long a request may wait on it: {@code db.connection.timeout.millis}
 * for a connection, {@code db.socket.timeout.millis} for any reply of the server (a stalled network),
 * {@code db.query.timeout.millis} for one statement. Immutable; {@link #toString()} hides the password.
 */
public record DatabaseConfig(String url, String user, String password, int poolSize, Duration connectionTimeout,
                             Duration socketTimeout, Duration queryTimeout) {

    static DatabaseConfig read(Keys keys) {
        Duration socket = keys.millis("db.socket.timeout.millis", 500, 3_600_000);
        Duration query = keys.millis("db.query.timeout.millis", 100, 3_600_000);
        if (query.compareTo(socket) >= 0) {
            // Else a slow statement kills the connection (socket) before the server could end it cleanly (query).
            throw new ConfigException("db.query.timeout.millis (" + query.toMillis()
                    + ") must be less than db.socket.timeout.millis (" + socket.toMillis() + ")");
        }
        return new DatabaseConfig(keys.required("db.url"), keys.string("db.user"), keys.string("db.password"),
                keys.number("db.pool.size", 1, 500), keys.millis("db.connection.timeout.millis", 250, 3_600_000),
                socket, query);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", password=***, poolSize=" + poolSize
                + ", connectionTimeout=" + connectionTimeout + ", socketTimeout=" + socketTimeout + ", queryTimeout="
                + queryTimeout + "]";
    }
}
