package org.formhaus.testing.container;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Driver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.testing.Await;

/**
 * The container side of a {@link DeployedWar}: runs in the container's JVM, deploys the WAR, prints
 * {@code DEPLOYED <url>}, and on the command {@code undeploy} (standard input) undeploys it and prints what the web
 * application left behind: live threads that belong to it (its class loader is their context class loader, or they
 * are Formhaus's or the JDK HTTP client's) and JDBC drivers its class loader loaded that are still registered.
 * Arguments: container-specific settings as {@code key=value}, see {@link DeployedWar}.
 */
abstract class ContainerHost {

    static final String MARK = "FORMHAUS-CONTAINER ";

    /** Deploys the WAR and returns its base URL. */
    abstract String deploy(Path war, int port, Path work, Map<String, String> contextParams,
                           Map<String, String> jndi) throws Exception;

    /** The deployed web application's class loader. */
    abstract ClassLoader webAppLoader();

    abstract void undeploy() throws Exception;

    abstract void shutdown() throws Exception;

    final void run(String[] args) throws Exception {
        Map<String, String> contextParams = new HashMap<>();
        Map<String, String> jndi = new HashMap<>();
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = arg.substring(0, eq);
            String value = arg.substring(eq + 1);
            if (key.startsWith("param:")) {
                contextParams.put(key.substring("param:".length()), value);
            } else if (key.startsWith("jndi:")) {
                jndi.put(key.substring("jndi:".length()), value);
            } else {
                options.put(key, value);
            }
        }
        String url = deploy(Path.of(options.get("war")), Integer.parseInt(options.get("port")),
                Path.of(options.get("work")), contextParams, jndi);
        System.out.println(MARK + "DEPLOYED " + url);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
            if (command.equals("undeploy")) {
                ClassLoader loader = webAppLoader();
                undeploy();
                for (String thread : threadsLeft(loader)) {
                    System.out.println(MARK + "LEFTOVER-THREAD " + thread);
                }
                for (String driver : driversLeft(loader)) {
                    System.out.println(MARK + "LEFTOVER-DRIVER " + driver);
                }
                System.out.println(MARK + "UNDEPLOYED");
            } else if (command.equals("exit")) {
                break;
            }
        }
        shutdown();
        System.exit(0);
    }

    /** The application's threads still alive: none may be, so this waits a little for threads that are ending. */
    private static List<String> threadsLeft(ClassLoader loader) throws Exception {
        try {
            return Await.until("the web application's threads to end", Duration.ofSeconds(5),
                    () -> threadsOf(loader).isEmpty() ? List.<String>of() : null);
        } catch (AssertionError stillRunning) {
            return threadsOf(loader);
        }
    }

    private static List<String> threadsOf(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && (thread.getContextClassLoader() == loader || thread.getName().startsWith("formhaus")
                    || thread.getName().startsWith("HttpClient-"))) {
                names.add(thread.getName());
            }
        }
        return names;
    }

    /** Reads DriverManager's registry directly: its public methods show a caller only the drivers it can load. */
    private static List<String> driversLeft(ClassLoader loader) throws ReflectiveOperationException {
        Field registered = java.sql.DriverManager.class.getDeclaredField("registeredDrivers");
        registered.setAccessible(true); // the JVM runs with --add-opens java.sql/java.sql
        List<String> left = new ArrayList<>();
        for (Object info : (Iterable<?>) registered.get(null)) {
            Field field = info.getClass().getDeclaredField("driver");
            field.setAccessible(true);
            Driver driver = (Driver) field.get(info);
            if (driver.getClass().getClassLoader() == loader) {
                left.add(driver.getClass().getName());
            }
        }
        return left;
    }
}
