package org.formhaus.secrets;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.formhaus.config.AppConfig;
import org.formhaus.config.ConfigException;
import org.formhaus.config.SecretsConfig;

/**
 * Finds the master key at start: {@code secrets.key} (env {@code FORMHAUS_SECRETS_KEY}), else the file named by
 * {@code secrets.key.file} (env {@code FORMHAUS_SECRETS_KEY_FILE}), else, for the embedded quick-start database only,
 * {@code secrets.key} beside the database files, generated (mode 0600) on first start.
 *
 * <p>What counts as production: any database other than the embedded H2 ({@code db.url} not starting with
 * {@code jdbc:h2:file:}, {@code jdbc:h2:./}, {@code jdbc:h2:~} or {@code jdbc:h2:mem:}; MariaDB is production even in
 * sandbox mode). There a key is never generated: without one Formhaus refuses to start and says how to give it. An
 * in-memory H2 gets a fresh key per process, since its data does not outlive the process either. Stateless.
 */
public final class MasterKeySource {

    private static final String KEY = "secrets.key";
    private static final String KEY_FILE = "secrets.key.file";

    private MasterKeySource() {
    }

    /**
     * The master key for {@code config}; prints where a generated key file was written, and warns about a key file
     * others may read.
     *
     * @throws ConfigException when no key is given for a production database, or the given one is unusable
     */
    public static MasterKey load(AppConfig config, PrintStream console) {
        SecretsConfig secrets = config.secrets();
        if (secrets.key().isPresent()) {
            return MasterKey.parse(secrets.key().get(), KEY + " (FORMHAUS_SECRETS_KEY)");
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.of(config.database().url());
        Path file = secrets.keyFile().or(() -> embedded.directory().map(d -> d.resolve("secrets.key"))).orElse(null);
        if (file != null && Files.exists(file)) {
            KeyFile.exposure(file).ifPresent(warning -> console.println("Warning: " + warning));
            return KeyFile.read(file);
        }
        if (!embedded.isEmbedded()) {
            throw missing(secrets.keyFile().map(Path::toString).orElse(""));
        }
        if (file == null) {
            return MasterKey.generate(); // in-memory database: nothing sealed outlives this process
        }
        MasterKey key = KeyFile.create(file);
        console.println("Generated the master key that seals the stored onOffice secrets: " + file.toAbsolutePath()
                + " (mode 0600). Keep it with the database's backups; without it the stored secrets cannot be read.");
        return key;
    }

    private static ConfigException missing(String fileName) {
        if (!fileName.isEmpty()) {
            return new ConfigException(KEY_FILE + ": the key file " + fileName + " does not exist. Create it with: "
                    + "bin/formhaus new-key --key-file " + fileName);
        }
        return new ConfigException("No master key: Formhaus seals the onOffice secrets, Marketplace claims and "
                + "signing keys it stores with a key kept outside the database, and with a database other than the "
                + "embedded quick-start one it never makes one up. Create a key file (bin/formhaus new-key --key-file "
                + "/etc/formhaus/secrets.key) and set " + KEY_FILE + " (FORMHAUS_SECRETS_KEY_FILE) to it, or set "
                + KEY + " (FORMHAUS_SECRETS_KEY) to 32 random bytes in Base64 (openssl rand -base64 32).");
    }

    /** Where an embedded H2 database keeps its files, from its JDBC URL. */
    record EmbeddedDatabase(boolean isEmbedded, Optional<Path> directory) {

        static EmbeddedDatabase of(String url) {
            if (!url.startsWith("jdbc:h2:")) {
                return new EmbeddedDatabase(false, Optional.empty());
            }
            String rest = url.substring("jdbc:h2:".length());
            int semicolon = rest.indexOf(';');
            rest = semicolon < 0 ? rest : rest.substring(0, semicolon);
            if (rest.startsWith("mem:")) {
                return new EmbeddedDatabase(true, Optional.empty());
            }
            if (rest.startsWith("tcp:") || rest.startsWith("ssl:")) {
                return new EmbeddedDatabase(false, Optional.empty()); // an H2 server: someone else's files
            }
            rest = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
            if (rest.startsWith("~")) {
                rest = System.getProperty("user.home") + rest.substring(1);
            }
            Path parent = Path.of(rest).toAbsolutePath().normalize().getParent();
            return new EmbeddedDatabase(true, Optional.of(parent == null ? Path.of(".").toAbsolutePath() : parent));
        }
    }
}
