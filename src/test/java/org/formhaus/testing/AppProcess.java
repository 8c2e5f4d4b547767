package org.formhaus.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.EmbeddedServer;
import org.formhaus.FormhausApp;
import org.formhaus.config.AppConfig;

/**
 * Formhaus in a JVM of its own, for tests that kill it (SIGKILL) or run several instances: {@link #start} launches
 * this class's {@link #main} on the test class path with {@code key=value} configuration overrides and waits for it
 * to listen. One per process; {@link #kill()} or {@link #close()} (SIGTERM, graceful) ends it.
 */
public final class AppProcess implements AutoCloseable {

    private static final String READY = "FORMHAUS-LISTENING ";

    private final Process process;
    private final String baseUri;

    private AppProcess(Process process, String baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    public static AppProcess start(Map<String, String> overrides, Path log) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath, AppProcess.class.getName()));
        overrides.forEach((k, v) -> command.add(k + "=" + v));
        Files.deleteIfExists(log);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String line = Await.until("the app process to listen (log: " + log + ")", Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app process exited: " + Files.readString(log));
            }
            return Files.readAllLines(log).stream().filter(l -> l.startsWith(READY)).findFirst().orElse(null);
        });
        return new AppProcess(process, line.substring(READY.length()).strip());
    }

    public String baseUri() {
        return baseUri;
    }

    /** SIGKILL: no shutdown hook runs, jobs in flight keep their leases. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("secrets.key", TestServer.MASTER_KEY);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            settings.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        FormhausApp app = FormhausApp.start(AppConfig.of(settings, Map.of("FORMHAUS_ADMIN_TOKEN", TestServer.ADMIN_TOKEN,
                "FORMHAUS_ADMIN_PASSWORD", "admin-password")), System.out);
        EmbeddedServer server = EmbeddedServer.start(app, "127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("Error while stopping: " + e.getMessage());
            }
        }));
        System.out.println(READY + server.baseUri());
        Thread.currentThread().join();
    }
}
