package org.formhaus.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.formhaus.config.ConfigException;

/**
 * A file holding a {@link MasterKey} in Base64 on one line, readable by its owner only (mode 0600). Stateless; the
 * file is read each time it is asked for.
 */
public final class KeyFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private KeyFile() {
    }

    /** @throws ConfigException when the file cannot be read or holds no key */
    public static MasterKey read(Path file) {
        try {
            return MasterKey.parse(Files.readString(file, StandardCharsets.US_ASCII), "The key file " + file);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the key file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Writes a fresh key into a new file with mode 0600 (on file systems that have modes), creating its directory.
     *
     * @throws ConfigException when the file exists already (a key is never overwritten) or cannot be written
     */
    public static MasterKey create(Path file) {
        MasterKey key = MasterKey.generate();
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            if (posix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.setPosixFilePermissions(file, OWNER_ONLY); // whatever the umask made of it
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, key.toBase64() + "\n", StandardCharsets.US_ASCII);
            return key;
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException("The key file " + file + " exists already; a key file is never overwritten");
        } catch (IOException e) {
            throw new ConfigException("Cannot write the key file " + file + ": " + e.getMessage());
        }
    }

    /** A warning when others than the owner may read the file (e.g. "mode 0644"), empty when it is private. */
    public static Optional<String> exposure(Path file) {
        try {
            if (!posix(file)) {
                return Optional.empty();
            }
            Set<PosixFilePermission> modes = Files.getPosixFilePermissions(file);
            if (modes.stream().noneMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                return Optional.empty();
            }
            return Optional.of("the key file " + file + " can be read by other users ("
                    + PosixFilePermissions.toString(modes) + "); restrict it: chmod 600 " + file);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean posix(Path file) {
        Path existing = file.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
