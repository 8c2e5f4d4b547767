package org.formhaus;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.formhaus.config.AppConfig;
import org.formhaus.config.ConfigException;
import org.formhaus.config.DatabaseConfig;
import org.formhaus.secrets.KeyFile;
import org.formhaus.secrets.MasterKey;
import org.formhaus.secrets.MasterKeySource;
import org.formhaus.secrets.SecretBox;
import org.formhaus.storage.Database;
import org.formhaus.storage.SealedColumns;

/**
 * {@code bin/formhaus rotate-secrets --new-key-file F}: opens every secret stored in the database with the configured
 * master key and seals it under the key in {@code F} (created, mode 0600, when it does not exist), all in one
 * transaction. Run it while no instance is running; afterwards start them with the new key. Stateless.
 */
public final class SecretsRotation {

    private SecretsRotation() {
    }

    /**
     * @return how many values were sealed anew
     * @throws ConfigException when the current key cannot open the stored secrets, or the new key is the current one
     */
    public static int run(AppConfig config, Path newKeyFile, PrintStream console) throws SQLException {
        MasterKey current = MasterKeySource.load(config, console);
        boolean created = !Files.exists(newKeyFile);
        MasterKey next = created ? KeyFile.create(newKeyFile) : KeyFile.read(newKeyFile);
        if (next.equals(current)) {
            throw new ConfigException("The key in " + newKeyFile + " is the master key in use already (" + current.id()
                    + "); give a new key file");
        }
        if (created) {
            console.println("Generated a new master key " + next.id() + ": " + newKeyFile.toAbsolutePath()
                    + " (mode 0600)");
        }
        int resealed;
        DatabaseConfig database = config.database();
        try (Database db = Database.open(database.url(), database.user(), database.password(), 2,
                new SecretBox(current))) {
            resealed = new SealedColumns(db).reseal(new SecretBox(next));
        }
        console.println("Re-sealed " + resealed + " stored secret(s): master key " + current.id() + " -> " + next.id()
                + ".");
        console.println("Now start Formhaus with the new key: secrets.key.file=" + newKeyFile.toAbsolutePath()
                + " (env FORMHAUS_SECRETS_KEY_FILE), or put the file in place of the old one. The old key opens "
                + "nothing stored from now on; keep it only as long as backups taken before today.");
        return resealed;
    }
}
