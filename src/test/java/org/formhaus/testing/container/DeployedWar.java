package org.formhaus.testing.container;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.formhaus.testing.Await;

/**
 * The built WAR deployed into a servlet container that runs in a JVM of its own, whose class path holds only the
 * container (as in production, where Formhaus's classes and libraries come from the WAR alone). Configure it with
 * context parameters, JNDI entries (Tomcat) and system properties; {@link #undeploy()} tells what the web
 * application left behind. One container per instance; {@link #close()} ends its JVM.
 */
public final class DeployedWar implements AutoCloseable {

    /** The containers, and which jars of the test class path each needs. */
    public enum Container {
        TOMCAT(TomcatHost.class, path -> path.contains("/org/apache/tomcat/")),
        JETTY(JettyHost.class, path -> path.contains("/org/eclipse/jetty/") && !path.contains("/toolchain/")
                || path.contains("/jakarta/") || path.contains("/org/ow2/asm/") || path.contains("/org/slf4j/"));

        private final Class<?> host;
        private final Predicate<String> jar;

        Container(Class<?> host, Predicate<String> jar) {
            this.host = host;
            this.jar = jar;
        }
    }

    /** What an undeploy left running or registered; both empty when it cleaned up. */
    public record Leftovers(List<String> threads, List<String> drivers) {
    }

    private final Process process;
    private final Path log;
    private String baseUri;
    private int linesRead;

    private DeployedWar(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** A free port on 127.0.0.1, for a container whose address must be known before it starts (public.url). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts {@code container} on {@code port} with {@code war} deployed under {@code /formhaus}.
     *
     * @param systemProperties {@code -Dkey=value} for the container's JVM
     */
    public static DeployedWar start(Container container, Path war, int port, Path work, Map<String, String> contextParams,
                                    Map<String, String> jndi, Map<String, String> systemProperties) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "--add-opens=java.sql/java.sql=ALL-UNNAMED",
                // as Tomcat's catalina.sh sets them, so that its leak detection looks at ThreadLocals and RMI too
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED"));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", classPath(container), container.host.getName(),
                "war=" + war.toAbsolutePath(), "port=" + port, "work=" + work.toAbsolutePath()));
        contextParams.forEach((key, value) -> command.add("param:" + key + "=" + value));
        jndi.forEach((key, value) -> command.add("jndi:" + key + "=" + value));
        Path log = work.resolve(container.name().toLowerCase() + ".log");
        Files.createDirectories(work);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        DeployedWar deployed = new DeployedWar(process, log);
        try {
            deployed.baseUri = deployed.awaitLine("DEPLOYED ", Duration.ofSeconds(90)).substring("DEPLOYED ".length());
        } catch (Exception | AssertionError e) {
            process.destroyForcibly().waitFor();
            throw e;
        }
        return deployed;
    }

    /** The container's jars and this package's classes: nothing of Formhaus but the WAR. */
    private static String classPath(Container container) {
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        for (String entry : testClassPath.split(java.io.File.pathSeparator)) {
            String path = entry.replace('\\', '/');
            if (path.endsWith("/test-classes") || path.endsWith("/test-classes/") || container.jar.test(path)) {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** {@code http://127.0.0.1:PORT/formhaus}. */
    public String baseUri() {
        return baseUri;
    }

    /** The container's output so far: its log and the web application's. */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Undeploys the web application, leaving the container running, and reports what it left behind. */
    public Leftovers undeploy() throws Exception {
        command("undeploy");
        List<String> threads = new ArrayList<>();
        List<String> drivers = new ArrayList<>();
        for (String line = awaitLine("", Duration.ofSeconds(60)); !line.equals("UNDEPLOYED");
             line = awaitLine("", Duration.ofSeconds(60))) {
            if (line.startsWith("LEFTOVER-THREAD ")) {
                threads.add(line.substring("LEFTOVER-THREAD ".length()));
            } else if (line.startsWith("LEFTOVER-DRIVER ")) {
                drivers.add(line.substring("LEFTOVER-DRIVER ".length()));
            }
        }
        return new Leftovers(threads, drivers);
    }

    private void command(String command) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** The next host line (after {@link ContainerHost#MARK}) that starts with {@code prefix}, without the mark. */
    private String awaitLine(String prefix, Duration timeout) throws Exception {
        return Await.until("the container to print " + ContainerHost.MARK + prefix + "... (log: " + log + ")", timeout,
                () -> {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                    for (int i = linesRead; i < lines.size(); i++) {
                        String line = lines.get(i);
                        if (line.startsWith(ContainerHost.MARK + prefix)) {
                            linesRead = i + 1;
                            return line.substring(ContainerHost.MARK.length());
                        }
                    }
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the container exited: " + log());
                    }
                    return null;
                });
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            try {
                command("exit");
            } catch (IOException e) {
                // already gone
            }
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
