package org.formhaus;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;

/**
 * The JDBC drivers a web application brought along (MariaDB's and H2's, in WEB-INF/lib) register themselves with
 * the JVM-wide {@link DriverManager} when loaded; left there after an undeploy, they keep the application's class
 * loader, and every class it loaded, alive (Tomcat warns of a memory leak). Stateless.
 */
final class WebAppDrivers {

    private static final System.Logger LOG = System.getLogger(WebAppDrivers.class.getName());

    private WebAppDrivers() {
    }

    /**
     * Deregisters every driver loaded by {@code webAppLoader}; drivers of the container or of other applications
     * stay. Does nothing for the JVM's own application class loader (the standalone server), whose drivers belong to
     * the whole process.
     */
    static void deregister(ClassLoader webAppLoader) {
        if (webAppLoader == null || webAppLoader == ClassLoader.getSystemClassLoader()) {
            return;
        }
        // DriverManager lists only the drivers its caller's class loader can see: this class's, the web application's.
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == webAppLoader) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException | SecurityException e) {
                    LOG.log(System.Logger.Level.WARNING, "Could not deregister the JDBC driver "
                            + driver.getClass().getName() + "; it stays registered until the JVM ends: " + e.getMessage());
                }
            }
        }
    }
}
