package org.formhaus.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The application's settings, read and validated once at start-up, immutable after that; safe to share across
 * threads. Each area has its own typed record ({@link #database()}, {@link #forms()}, {@link #delivery()}, ...), so
 * that nothing after start-up reads a setting by its key.
 *
 * <p>Sources, weakest first: the defaults packed into the application ({@code /formhaus.properties} on the class
 * path, the same documented file as {@code conf/formhaus.properties}), an optional file, then the environment,
 * where each key has a {@code FORMHAUS_} name ({@code db.url} is {@code FORMHAUS_DB_URL}; {@code FORMHAUS_PORT}
 * also sets {@code http.port}). A few values come from the environment only: the first admin
 * ({@link #firstAdmin()}) and the sandbox simulator's API user ({@link #sandbox()}). A value that cannot be used
 * fails the start with a {@link ConfigException} naming the key; a key Formhaus does not know, in the file or the
 * environment, is ignored with a {@linkplain #warnings() warning} naming it.
 *
 * <p>To add a setting: document it with its default in {@code conf/formhaus.properties} (that makes the key known)
 * and read it in the record of its area.
 */
public final class AppConfig {

    private static final String DEFAULTS = "/formhaus.properties";
    private static final String ENV_PREFIX = "FORMHAUS_";
    private static final String CONFIG_ENV = "FORMHAUS_CONFIG";
    private static final String PORT_ENV = "FORMHAUS_PORT";
    /** Environment names that are no key of the file (the last two are bin/formhaus's class data archive). */
    private static final Set<String> ENV_ONLY = Set.of(CONFIG_ENV, PORT_ENV, FirstAdminConfig.EMAIL,
            FirstAdminConfig.PASSWORD, FirstAdminConfig.TOKEN, SandboxConfig.TOKEN, SandboxConfig.SECRET,
            "FORMHAUS_CDS", "FORMHAUS_CDS_ARCHIVE");

    private final Map<String, String> values;
    private final Map<String, String> envOnly;
    private final List<String> warnings;
    private final DatabaseConfig database;
    private final HttpConfig http;
    private final FormsConfig forms;
    private final OnOfficeConfig onOffice;
    private final DeliveryConfig delivery;
    private final RetentionConfig retention;
    private final NewsletterConfig newsletter;
    private final MailConfig mail;
    private final AdminConfig admin;
    private final MarketplaceConfig marketplace;
    private final SecretsConfig secrets;
    private final MetricsConfig metrics;
    private final LogConfig log;
    private final WebhooksConfig webhooks;
    private final FirstAdminConfig firstAdmin;
    private final SandboxConfig sandbox;

    private AppConfig(Map<String, String> values, Map<String, String> envOnly, List<String> warnings) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.envOnly = Map.copyOf(envOnly);
        this.warnings = List.copyOf(warnings);
        Keys keys = new Keys(this.values);
        this.database = DatabaseConfig.read(keys);
        this.http = HttpConfig.read(keys);
        this.forms = FormsConfig.read(keys);
        this.onOffice = OnOfficeConfig.read(keys);
        this.delivery = DeliveryConfig.read(keys);
        this.retention = RetentionConfig.read(keys);
        this.newsletter = NewsletterConfig.read(keys);
        this.mail = MailConfig.read(keys);
        this.admin = AdminConfig.read(keys);
        this.marketplace = MarketplaceConfig.read(keys);
        this.secrets = SecretsConfig.read(keys);
        this.metrics = MetricsConfig.read(keys);
        this.log = LogConfig.read(keys);
        this.webhooks = WebhooksConfig.read(keys);
        this.firstAdmin = FirstAdminConfig.read(this.envOnly);
        this.sandbox = SandboxConfig.read(keys, this.envOnly);
    }

    /**
     * Loads defaults, then {@code file} (may be null: then {@code FORMHAUS_CONFIG}, else ./conf/formhaus.properties
     * when it exists), then {@code env}.
     */
    public static AppConfig load(Path file, Map<String, String> env) {
        Path chosen = file != null ? file
                : env.get(CONFIG_ENV) != null ? Path.of(env.get(CONFIG_ENV))
                : Files.isRegularFile(Path.of("conf/formhaus.properties")) ? Path.of("conf/formhaus.properties")
                : null;
        return load(Optional.ofNullable(chosen), env);
    }

    private static AppConfig load(Optional<Path> file, Map<String, String> env) {
        Map<String, String> values = defaults();
        List<String> warnings = new ArrayList<>();
        if (file.isPresent()) {
            Path chosen = file.get();
            read(chosen).forEach((key, value) -> {
                if (values.containsKey(key)) {
                    values.put(key, value);
                } else {
                    warnings.add("Unknown key '" + key + "' in " + chosen + " is ignored");
                }
            });
        }
        Map<String, String> envOnly = new TreeMap<>();
        env.forEach((name, value) -> {
            if (!name.startsWith(ENV_PREFIX)) {
                return;
            }
            if (ENV_ONLY.contains(name)) {
                envOnly.put(name, value);
            } else if (values.containsKey(keyOf(name))) {
                values.put(keyOf(name), value.strip());
            } else {
                warnings.add("Unknown environment variable " + name + " is ignored");
            }
        });
        // The contract names FORMHAUS_PORT for the port, shorter than FORMHAUS_HTTP_PORT.
        if (env.containsKey(PORT_ENV)) {
            values.put("http.port", env.get(PORT_ENV).strip());
        }
        return new AppConfig(values, envOnly, warnings);
    }

    /** For tests and embedding: defaults plus the given overrides, no file, no environment. */
    public static AppConfig of(Map<String, String> overrides) {
        return of(overrides, Map.of());
    }

    /**
     * For tests and embedding: defaults, then {@code env} (its {@code FORMHAUS_*} names, including the
     * environment-only ones), then {@code overrides}; no file.
     */
    public static AppConfig of(Map<String, String> overrides, Map<String, String> env) {
        return load(Optional.empty(), env).with(overrides);
    }

    /** A copy with some keys replaced; an unknown key is refused, naming it. */
    public AppConfig with(Map<String, String> overrides) {
        Map<String, String> copy = new TreeMap<>(values);
        overrides.forEach((key, value) -> {
            if (!copy.containsKey(key)) {
                throw new ConfigException("Unknown configuration key '" + key + "'");
            }
            copy.put(key, value.strip());
        });
        return new AppConfig(copy, envOnly, warnings);
    }

    private static Map<String, String> defaults() {
        try (InputStream in = AppConfig.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new ConfigException("Built-in defaults " + DEFAULTS + " are missing from the class path");
            }
            return strip(properties(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ConfigException("Cannot read built-in defaults: " + e.getMessage());
        }
    }

    private static Map<String, String> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return strip(properties(reader));
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
        }
    }

    private static Properties properties(Reader reader) throws IOException {
        Properties props = new Properties();
        props.load(reader);
        return props;
    }

    private static Map<String, String> strip(Properties props) {
        Map<String, String> values = new TreeMap<>();
        props.stringPropertyNames().forEach(key -> values.put(key, props.getProperty(key).strip()));
        return values;
    }

    /** {@code FORMHAUS_DB_URL} → {@code db.url}. */
    static String keyOf(String envName) {
        return envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Unknown keys that were ignored, one sentence each, naming the key; to be shown at start-up. */
    public List<String> warnings() {
        return warnings;
    }

    public DatabaseConfig database() {
        return database;
    }

    public HttpConfig http() {
        return http;
    }

    public FormsConfig forms() {
        return forms;
    }

    public OnOfficeConfig onOffice() {
        return onOffice;
    }

    public DeliveryConfig delivery() {
        return delivery;
    }

    public RetentionConfig retention() {
        return retention;
    }

    public NewsletterConfig newsletter() {
        return newsletter;
    }

    public MailConfig mail() {
        return mail;
    }

    public AdminConfig admin() {
        return admin;
    }

    public MarketplaceConfig marketplace() {
        return marketplace;
    }

    public SecretsConfig secrets() {
        return secrets;
    }

    public MetricsConfig metrics() {
        return metrics;
    }

    public LogConfig log() {
        return log;
    }

    public WebhooksConfig webhooks() {
        return webhooks;
    }

    /** Environment only. */
    public FirstAdminConfig firstAdmin() {
        return firstAdmin;
    }

    /** {@code sandbox}, and the simulator's API user from the environment. */
    public SandboxConfig sandbox() {
        return sandbox;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("AppConfig[");
        values.forEach((k, v) -> out.append(k).append('=')
                .append(k.contains("password") || k.contains("secret") || k.contains("key") || k.contains("token")
                        ? "***" : v).append(", "));
        return out.append(']').toString();
    }
}
