package org.formhaus;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.formhaus.config.AppConfig;
import org.formhaus.config.ConfigException;
import org.formhaus.logs.ServerLog;
import org.formhaus.secrets.KeyFile;
import org.formhaus.secrets.MasterKey;

/**
 * {@code bin/formhaus}: {@code serve [--port N] [--sandbox] [--config FILE]} starts the standalone server;
 * {@code simulator [--port N]} starts only the onOffice simulator; {@code new-key --key-file F} writes a new master key
 * file; {@code rotate-secrets --new-key-file F [--config FILE]} re-seals the stored secrets under a new master key.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("serve", "simulator", "new-key", "rotate-secrets").contains(args[0])) {
            usage();
            return;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--sandbox" -> options.put("sandbox", "true");
                case "--port", "--config", "--key-file", "--new-key-file" -> {
                    if (i + 1 >= args.length) {
                        fail(args[i] + " needs a value");
                    }
                    options.put(args[i].substring(2), args[++i]);
                }
                default -> fail("Unknown option " + args[i]);
            }
        }
        try {
            switch (args[0]) {
                case "simulator" -> Sandbox.runStandaloneSimulator(port(options, 8090));
                case "new-key" -> newKey(options);
                case "rotate-secrets" -> rotateSecrets(options);
                default -> serve(options);
            }
        } catch (ConfigException e) {
            fail("Configuration error: " + e.getMessage());
        }
    }

    private static void serve(Map<String, String> options) throws Exception {
        Path file = options.containsKey("config") ? Path.of(options.get("config")) : null;
        AppConfig config = AppConfig.load(file, System.getenv());
        Map<String, String> overrides = new HashMap<>();
        if (options.containsKey("port")) {
            overrides.put("http.port", Integer.toString(port(options, 0)));
        }
        if (options.containsKey("sandbox")) {
            overrides.put("sandbox", "true");
        }
        config = config.with(overrides);
        if (!config.log().json()) {
            ServerLog.install(ServerLog.Format.TEXT); // json: FormhausApp installs it, in containers too
        }
        FormhausApp app = FormhausApp.start(config, System.out);
        EmbeddedServer server = EmbeddedServer.start(app, "0.0.0.0", config.http().port());
        app.connectSandbox(server.baseUri(), System.out);
        app.seedExampleForm(server.baseUri(), System.out);
        System.out.println("Formhaus is running at " + server.baseUri() + "  (health: " + server.baseUri() + "/healthz)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("Error while stopping: " + e.getMessage());
            }
            stopped.countDown();
        }, "formhaus-shutdown"));
        stopped.await();
    }

    private static void newKey(Map<String, String> options) {
        Path file = Path.of(required(options, "key-file"));
        MasterKey key = KeyFile.create(file);
        System.out.println("Wrote master key " + key.id() + " to " + file.toAbsolutePath() + " (mode 0600). Use it "
                + "with secrets.key.file=" + file.toAbsolutePath() + " (env FORMHAUS_SECRETS_KEY_FILE).");
    }

    private static void rotateSecrets(Map<String, String> options) throws SQLException {
        Path newKeyFile = Path.of(required(options, "new-key-file"));
        Path file = options.containsKey("config") ? Path.of(options.get("config")) : null;
        SecretsRotation.run(AppConfig.load(file, System.getenv()), newKeyFile, System.out);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            fail("--" + name + " FILE is required");
        }
        return value;
    }

    private static int port(Map<String, String> options, int fallback) {
        String raw = options.get("port");
        if (raw == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(raw);
            if (port < 0 || port > 65535) {
                fail("--port must be between 0 and 65535");
            }
            return port;
        } catch (NumberFormatException e) {
            fail("--port must be a number, got '" + raw + "'");
            return -1;
        }
    }

    private static void usage() {
        System.out.println("""
                Usage:
                  bin/formhaus serve [--port N] [--sandbox] [--config FILE]
                  bin/formhaus simulator [--port N]
                  bin/formhaus new-key --key-file FILE
                  bin/formhaus rotate-secrets --new-key-file FILE [--config FILE]""");
    }

    private static void fail(String message) {
        System.err.println("formhaus: " + message);
        System.exit(2);
    }
}
