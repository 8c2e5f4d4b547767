package org.formhaus.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.formhaus.secrets.SecretBox;

/**
 * The connection pool, migrated to the current schema when opened, and the {@link SecretBox} that the stores seal
 * secrets with before they are written (the key is never in the database). One per application; thread-safe; close
 * it at shutdown.
 *
 * <p>A database that blinks never holds a visitor for long: waiting for a connection, opening one, a stalled network
 * and a statement are each bounded ({@link Timeouts}), so a request fails fast with a {@link SQLException} (which
 * {@code http.ErrorReplies} answers with 503) instead of hanging. Migrations run on their own connections without
 * these bounds, as a schema change may rightly take long.
 */
public final class Database implements AutoCloseable {

    private static final Duration HEALTH_CHECK = Duration.ofMillis(800);

    /**
     * How long the application waits on the database. {@code connection}: for a connection from the pool, including
     * opening one (Hikari's connectionTimeout, MariaDB's connectTimeout); {@code socket}: for any reply on an open
     * connection, so a stalled network ends (MariaDB's socketTimeout); {@code query}: for one statement, ended by
     * the server (MariaDB's max_statement_time), which leaves the connection usable. Immutable.
     */
    public record Timeouts(Duration connection, Duration socket, Duration query) {
        /** The defaults of conf/formhaus.properties: a visitor has an answer within 3 seconds. */
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofMillis(1000), Duration.ofMillis(1500),
                Duration.ofMillis(1200));
    }

    private final HikariDataSource pool;
    private final SecretBox secrets;
    // One thread that asks the database for health checks, so that a stalled check cannot hold the caller.
    private final PoolThreads checkerThreads = new PoolThreads("formhaus-db-check-");
    private final ExecutorService checker = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(4), checkerThreads, new ThreadPoolExecutor.DiscardPolicy());
    private final PoolThreads threads;

    private Database(HikariDataSource pool, SecretBox secrets, PoolThreads threads) {
        this.pool = pool;
        this.secrets = secrets;
        this.threads = threads;
    }

    /** Opens the pool with the default {@link Timeouts}; see {@link #open(String, String, String, int, SecretBox, Timeouts)}. */
    public static Database open(String url, String user, String password, int poolSize, SecretBox secrets) {
        return open(url, user, password, poolSize, secrets, Timeouts.DEFAULT, null);
    }

    /** Opens the pool and applies pending migrations; stores seal their secrets with {@code secrets}. */
    public static Database open(String url, String user, String password, int poolSize, SecretBox secrets,
                                Timeouts timeouts) {
        return open(url, user, password, poolSize, secrets, timeouts, null);
    }

    /**
     * As {@link #open(String, String, String, int, SecretBox, Timeouts)}, the pool reporting its usage
     * ({@code hikaricp_*}) to {@code meters} (null: to nobody).
     */
    public static Database open(String url, String user, String password, int poolSize, SecretBox secrets,
                                Timeouts timeouts, MeterRegistry meters) {
        if (secrets == null) throw new IllegalArgumentException("The parameter 'secrets' must not be null.");
        if (timeouts == null) throw new IllegalArgumentException("The parameter 'timeouts' must not be null.");
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
        if (meters != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        }
        config.setConnectionTimeout(timeouts.connection().toMillis());
        // A pooled connection idle for a while is checked before use; a dead one must not eat the whole wait.
        config.setValidationTimeout(Math.max(250, timeouts.connection().toMillis() / 2));
        if (url.startsWith("jdbc:mariadb:")) {
            config.addDataSourceProperty("connectTimeout", Long.toString(timeouts.connection().toMillis()));
            config.addDataSourceProperty("socketTimeout", Long.toString(timeouts.socket().toMillis()));
            config.addDataSourceProperty("sessionVariables",
                    "max_statement_time=" + timeouts.query().toMillis() / 1000.0);
        }
        PoolThreads threads = new PoolThreads("formhaus-db-");
        config.setThreadFactory(threads);
        // Fail at start-up, not at the first visitor, when the database cannot be reached.
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            DataSource migrations = migrations(url, user, password);
            RenumberedMigrations.apply(migrations);
            Flyway.configure().dataSource(migrations).locations("classpath:db/migration").load().migrate();
        } catch (SQLException | RuntimeException e) {
            pool.close();
            threads.awaitEnd(Duration.ofSeconds(5));
            throw e instanceof SQLException
                    ? new StorageException("Could not bring the schema history to the current migration numbers", e)
                    : (RuntimeException) e;
        }
        return new Database(pool, secrets, threads);
    }

    /** Unpooled connections without the pool's timeouts: a migration may take longer than a visitor may wait. */
    private static DataSource migrations(String url, String user, String password) {
        return new DriverDataSource(url, driverFor(url).orElse(null), new Properties(), user.isEmpty() ? null : user,
                password.isEmpty() ? null : password);
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

    /** True when a connection can be had and answers within a second; never takes longer than that. */
    public boolean answers() {
        CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> {
            try (Connection c = pool.getConnection()) {
                return c.isValid(1);
            } catch (SQLException e) {
                return false;
            }
        }, checker);
        try {
            return check.get(HEALTH_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false; // a check still stalled (or a queue full of them) means: not answering now
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

    /** Closes the pool and waits (briefly) until its threads and the health checker's have ended. */
    @Override
    public void close() {
        checker.shutdownNow();
        pool.close();
        threads.awaitEnd(Duration.ofSeconds(5));
        checkerThreads.awaitEnd(Duration.ofSeconds(2));
    }

    /** A unit of JDBC work on one connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
