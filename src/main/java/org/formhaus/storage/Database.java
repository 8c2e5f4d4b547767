package org.formhaus.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.formhaus.secrets.SecretBox;

/**
 * The connection pool, migrated to the current schema when opened, and the {@link SecretBox} that the stores seal
 * secrets with before they are written (the key is never in the database). One per application; thread-safe; close
 * it at shutdown.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final SecretBox secrets;

    private Database(HikariDataSource pool, SecretBox secrets) {
        this.pool = pool;
        this.secrets = secrets;
    }

    /** Opens the pool and applies pending migrations; stores seal their secrets with {@code secrets}. */
    public static Database open(String url, String user, String password, int poolSize, SecretBox secrets) {
        if (secrets == null) throw new IllegalArgumentException("The parameter 'secrets' must not be null.");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        // Named explicitly: inside a servlet container, DriverManager does not see drivers of the web application's
        // own class loader (WEB-INF/lib) unless something loaded them first.
        driverFor(url).ifPresent(config::setDriverClassName);
        if (!user.isEmpty()) {
            config.setUsername(user);
        }
        if (!password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("formhaus");
        // Fail at start-up, not at the first visitor, when the database cannot be reached.
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, secrets);
    }

    private static Optional<String> driverFor(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of("org.h2.Driver");
        }
        if (url.startsWith("jdbc:mariadb:")) {
            return Optional.of("org.mariadb.jdbc.Driver");
        }
        return Optional.empty();
    }

    /** Seals and opens the secrets stored in this database. */
    public SecretBox secrets() {
        return secrets;
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** True when a connection can be had and answers within a second. */
    public boolean answers() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A unit of JDBC work on one connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
