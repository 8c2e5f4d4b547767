package org.formhaus.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away database for one test class: a fresh schema on the machine's MariaDB (root, no password, on
 * 127.0.0.1:3306 unless {@code FORMHAUS_TEST_MARIADB} names another server URL), or an in-memory H2 in MariaDB mode.
 * {@link #close()} drops it.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String MARIADB = System.getenv().getOrDefault("FORMHAUS_TEST_MARIADB",
            "jdbc:mariadb://127.0.0.1:3306/");

    private final String url;
    private final String dropName;

    private TestDatabase(String url, String dropName) {
        this.url = url;
        this.dropName = dropName;
    }

    public static TestDatabase mariaDb() {
        String name = "formhaus_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(MARIADB, "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB is needed for this test and did not answer at " + MARIADB
                    + " (start it: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd): "
                    + e.getMessage(), e);
        }
        return new TestDatabase(MARIADB + name + "?user=root", name);
    }

    public static TestDatabase h2() {
        String name = "formhaus_" + UUID.randomUUID().toString().replace("-", "");
        return new TestDatabase("jdbc:h2:mem:" + name + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", null);
    }

    /**
     * An embedded H2 database in files under {@code dir}, as the quick start keeps it; the files stay for the test to
     * read (put {@code dir} in a JUnit temp directory).
     */
    public static TestDatabase h2File(java.nio.file.Path dir) {
        return new TestDatabase("jdbc:h2:file:" + dir.resolve("formhaus").toAbsolutePath()
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=FALSE", null);
    }

    /** A pool on this database, migrated, sealing secrets with {@link TestServer#MASTER_KEY}; close it yourself. */
    public org.formhaus.storage.Database open() {
        return org.formhaus.storage.Database.open(url, "", "", 2, new org.formhaus.secrets.SecretBox(
                org.formhaus.secrets.MasterKey.parse(TestServer.MASTER_KEY, "TestServer.MASTER_KEY")));
    }

    /**
     * This MariaDB database reached through a proxy on 127.0.0.1:{@code port} (see {@link TcpProxy}); closing either
     * drops the database.
     */
    public TestDatabase through(int port) {
        if (dropName == null) {
            throw new IllegalStateException("Only a MariaDB test database can be reached through a proxy");
        }
        return new TestDatabase(url.replaceFirst("//127\\.0\\.0\\.1:\\d+/", "//127.0.0.1:" + port + "/"), dropName);
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        if (dropName == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(MARIADB, "root", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + dropName);
        } catch (SQLException e) {
            // A left-over test schema is harmless; the next run uses a new name.
        }
    }
}
