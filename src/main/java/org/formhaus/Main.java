package org.formhaus;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.formhaus.config.AppConfig;
import org.formhaus.config.ConfigException;

/**
 * {@code bin/formhaus}: {@code serve [--port N] [--sandbox] [--config FILE]} starts the standalone server;
 * {@code simulator [--port N]} starts only the onOffice simulator.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("serve") || args[0].equals("simulator"))) {
            usage();
            return;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--sandbox" -> options.put("sandbox", "true");
                case "--port", "--config" -> {
                    if (i + 1 >= args.length) {
                        fail(args[i] + " needs a value");
                    }
                    options.put(args[i].substring(2), args[++i]);
                }
                default -> fail("Unknown option " + args[i]);
            }
        }
        try {
            if (args[0].equals("simulator")) {
                Sandbox.runStandaloneSimulator(port(options, 8090));
            } else {
                serve(options);
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
                  bin/formhaus simulator [--port N]""");
    }

    private static void fail(String message) {
        System.err.println("formhaus: " + message);
        System.exit(2);
    }
}
