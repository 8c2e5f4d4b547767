package org.formhaus.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of what a submission can be searched by: an e-mail address, or a word of a name, each normalised
 * (NFKC, trimmed, lower case) and HMAC-SHA-256'd under the instance's search key, as 64 hex digits. The database
 * holds only these, so a search by name or e-mail is an index lookup and never reads submissions' data, and a copy
 * of the table without the key tells no names. An address and a word are hashed apart ({@code e:} / {@code w:}),
 * so a data-subject request matches addresses only. Thread-safe (a Mac per call); one per application.
 *
 * <pre>{@code
 * hashes.email(" Max@Example.com ")  // the same as hashes.email("max@example.com")
 * hashes.query("Müller max@example.com")  // [word "müller", e-mail "max@example.com"]: both must match
 * }</pre>
 */
public final class TermHashes {

    private final SecretKeySpec key;

    /** @param key the instance setting {@code search.term.key} (any secret text) */
    public TermHashes(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("The search term key must not be empty");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The term of an e-mail address; null for a blank one. */
    public String email(String address) {
        String normal = normalise(address);
        return normal.isEmpty() ? null : hash("e:" + normal);
    }

    /** The terms of each word of a name (split at anything that is not a letter or digit). */
    public Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String word : normalise(text).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                out.add(hash("w:" + word));
            }
        }
        return out;
    }

    /**
     * The terms a search for {@code text} needs, all of them: each part with an {@code @} as an e-mail address,
     * each other word as a word of a name. Empty for a blank search.
     */
    public List<String> query(String text) {
        List<String> out = new ArrayList<>();
        for (String part : normalise(text).split("\\s+")) {
            if (part.contains("@")) {
                out.add(email(part));
            } else {
                out.addAll(words(part));
            }
        }
        return out;
    }

    /** A short tag of an address for logs: 8 hex digits, enough to confirm, too few to identify. */
    public String tag(String address) {
        String term = email(address);
        return term == null ? "" : term.substring(0, 8);
    }

    static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    private String hash(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
