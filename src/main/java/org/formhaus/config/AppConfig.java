package org.formhaus.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The application's settings, resolved once at start-up and immutable after that; safe to share across threads.
 *
 * <p>Sources, weakest first: the defaults packed into the application ({@code /formhaus.properties} on the class
 * path, the same documented file as {@code conf/formhaus.properties}), an optional file, then the environment,
 * where {@code db.url} is read from {@code FORMHAUS_DB_URL}. Typed getters fail with the key's name when a value is
 * unusable.
 */
public final class AppConfig {

    private static final String DEFAULTS = "/formhaus.properties";

    private final Map<String, String> values;

    private AppConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * Loads defaults, then {@code file} (may be null: then {@code FORMHAUS_CONFIG}, else ./conf/formhaus.properties
     * when it exists), then {@code env}.
     */
    public static AppConfig load(Path file, Map<String, String> env) {
        Properties props = new Properties();
        try (InputStream in = AppConfig.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new ConfigException("Built-in defaults " + DEFAULTS + " are missing from the class path");
            }
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("Cannot read built-in defaults: " + e.getMessage());
        }
        Path chosen = file != null ? file
                : env.get("FORMHAUS_CONFIG") != null ? Path.of(env.get("FORMHAUS_CONFIG"))
                : Files.isRegularFile(Path.of("conf/formhaus.properties")) ? Path.of("conf/formhaus.properties")
                : null;
        if (chosen != null) {
            try (Reader reader = Files.newBufferedReader(chosen, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IOException e) {
                throw new ConfigException("Cannot read configuration file " + chosen + ": " + e.getMessage());
            }
        }
        Map<String, String> values = new TreeMap<>();
        props.stringPropertyNames().forEach(key -> values.put(key, props.getProperty(key).strip()));
        env.forEach((name, value) -> {
            if (name.startsWith("FORMHAUS_")) {
                values.put(keyOf(name), value.strip());
            }
        });
        // The contract names FORMHAUS_PORT for the port, shorter than FORMHAUS_HTTP_PORT.
        if (env.containsKey("FORMHAUS_PORT")) {
            values.put("http.port", env.get("FORMHAUS_PORT").strip());
        }
        AppConfig config = new AppConfig(values);
        config.validate();
        return config;
    }

    /** For tests and embedding: defaults plus the given overrides, no file, no environment. */
    public static AppConfig of(Map<String, String> overrides) {
        AppConfig defaults = load(null, Map.of("FORMHAUS_CONFIG", nullDevice()));
        Map<String, String> values = new TreeMap<>(defaults.values);
        values.putAll(overrides);
        AppConfig config = new AppConfig(values);
        config.validate();
        return config;
    }

    /** A copy with some keys replaced. */
    public AppConfig with(Map<String, String> overrides) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.putAll(overrides);
        AppConfig config = new AppConfig(copy);
        config.validate();
        return config;
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null";
    }

    /** {@code FORMHAUS_DB_URL} → {@code db.url}. */
    static String keyOf(String envName) {
        return envName.substring("FORMHAUS_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private void validate() {
        intValue("http.port", 0, 65535);
        intValue("db.pool.size", 1, 500);
        intValue("ratelimit.submissions.per.minute", 0, 1_000_000);
        intValue("spam.min.fill.seconds", 0, 3600);
        intValue("onoffice.connect.timeout.seconds", 1, 600);
        intValue("onoffice.request.timeout.seconds", 1, 3600);
        intValue("delivery.workers", 1, 256);
        intValue("delivery.poll.millis", 10, 600_000);
        intValue("delivery.give.up.hours", 1, 24 * 365);
        intValue("delivery.per.account", 1, 256);
        intValue("delivery.backoff.base.millis", 1, 86_400_000);
        intValue("delivery.backoff.max.millis", 1, 604_800_000);
        intValue("delivery.lease.millis", 1000, 86_400_000);
        intValue("delivery.shutdown.grace.seconds", 0, 3600);
        intValue("retention.days", 0, 36_500);
        intValue("retention.sweep.minutes", 1, 10_080);
        if (string("db.url").isEmpty()) {
            throw new ConfigException("db.url must not be empty");
        }
    }

    /** The value, or "" when the key is not set. */
    public String string(String key) {
        return values.getOrDefault(key, "");
    }

    public int intValue(String key, int min, int max) {
        String raw = string(key);
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw new ConfigException(key + " must be between " + min + " and " + max + ", is " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, is '" + raw + "'");
        }
    }

    public int intValue(String key) {
        return intValue(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(string(key));
    }

    public int httpPort() {
        return intValue("http.port");
    }

    public String dbUrl() {
        return string("db.url");
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("AppConfig[");
        values.forEach((k, v) -> out.append(k).append('=')
                .append(k.contains("password") || k.contains("secret") || k.contains("token") ? "***" : v).append(", "));
        return out.append(']').toString();
    }
}
