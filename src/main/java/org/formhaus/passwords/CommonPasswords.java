package org.formhaus.passwords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 10,000 most common passwords of at least {@value PasswordRules#MIN_LENGTH} characters, read once from
 * {@code /passwords/common-passwords.txt} on the class path (where it came from: {@code common-passwords.NOTICE}
 * beside it). Compared without regard to case. Immutable and thread-safe.
 */
final class CommonPasswords {

    static final String RESOURCE = "/passwords/common-passwords.txt";

    private final Set<String> passwords;

    private CommonPasswords(Set<String> passwords) {
        this.passwords = Set.copyOf(passwords);
    }

    static CommonPasswords load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE + " on the class path");
            }
            Set<String> set = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    set.add(line);
                }
            }
            return new CommonPasswords(set);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    boolean contains(String password) {
        return passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    int size() {
        return passwords.size();
    }
}
