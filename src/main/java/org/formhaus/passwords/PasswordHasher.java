package org.formhaus.passwords;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes passwords with Argon2id (Bouncy Castle) and checks them, in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}). Hashes of earlier Formhaus versions
 * ({@code pbkdf2$<iterations>$<salt>$<hash>}, PBKDF2-HMAC-SHA256) are still checked; {@link #needsRehash} tells a
 * caller to replace them (and Argon2id hashes made with weaker parameters) once the password is known again.
 * At most as many Argon2id computations run at once as the machine has cores (at least two); more wait their turn.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * String stored = PasswordHasher.OWASP.hash(password);
 * boolean ok = PasswordHasher.OWASP.matches(attempt, stored);
 * }</pre>
 */
public final class PasswordHasher {

    /** OWASP's Password Storage Cheat Sheet minimum for Argon2id: 19 MiB of memory, 2 iterations, 1 lane. */
    public static final PasswordHasher OWASP = new PasswordHasher(19 * 1024, 2, 1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();
    private static final Pattern ARGON2ID = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Pattern PBKDF2 = Pattern.compile("pbkdf2\\$(\\d{1,8})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** A stored hash asking for more memory than this is refused rather than computed. */
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    /**
     * Computations running at once, over all hashers: each holds its memory (19 MiB) for a fraction of a second, so a
     * flood of sign-ins waits here instead of exhausting the heap.
     */
    private static final Semaphore RUNNING = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;

    /** Argon2id with these costs; see {@link #OWASP} for the ones Formhaus uses. */
    public PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id needs memoryKiB >= 8 * parallelism, iterations >= 1 and "
                    + "parallelism >= 1; got m=" + memoryKiB + ", t=" + iterations + ", p=" + parallelism);
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** A new salted Argon2id hash of {@code password}. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKiB, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} is the one {@code stored} was made from; false for anything unreadable. */
    public boolean matches(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        Matcher argon = ARGON2ID.matcher(stored);
        if (argon.matches() && Integer.parseInt(argon.group(1)) <= MAX_MEMORY_KIB) {
            byte[] expected = B64_DECODE.decode(argon.group(5));
            byte[] actual = argon2(password, B64_DECODE.decode(argon.group(4)), Integer.parseInt(argon.group(1)),
                    Integer.parseInt(argon.group(2)), Integer.parseInt(argon.group(3)), expected.length);
            return MessageDigest.isEqual(expected, actual);
        }
        Matcher legacy = PBKDF2.matcher(stored);
        if (legacy.matches()) {
            byte[] expected = Base64.getDecoder().decode(legacy.group(3));
            return MessageDigest.isEqual(expected,
                    pbkdf2(password, Base64.getDecoder().decode(legacy.group(2)), Integer.parseInt(legacy.group(1))));
        }
        return false;
    }

    /** Whether {@code stored} is anything but an Argon2id hash with at least this hasher's costs. */
    public boolean needsRehash(String stored) {
        Matcher argon = ARGON2ID.matcher(stored == null ? "" : stored);
        return !argon.matches() || Integer.parseInt(argon.group(1)) < memoryKiB
                || Integer.parseInt(argon.group(2)) < iterations || Integer.parseInt(argon.group(3)) < parallelism;
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKiB, int iterations, int parallelism,
                                 int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memoryKiB).withIterations(iterations)
                .withParallelism(parallelism).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        RUNNING.acquireUninterruptibly();
        try {
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            RUNNING.release();
        }
        return out;
    }

    /** Formhaus's hashes before Argon2id: PBKDF2-HMAC-SHA256, 256 bits. Only checked, never made. */
    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "PasswordHasher[argon2id m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism + "]";
    }
}
