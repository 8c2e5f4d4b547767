package org.formhaus.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.formhaus.intake.Upload;

/**
 * What a visitor's POST carried: text values by name, and uploaded files by field name. Lives for one request.
 */
record SubmissionInput(Map<String, List<String>> params, Map<String, Upload> files) {

    /**
     * Inputs named so belong to Formhaus's own machinery (form token, honeypot, whatever form.js adds), not to what
     * the visitor entered: a retry may carry other values in them.
     */
    static final String OWN_PREFIX = "_fh_";

    /**
     * A SHA-256 hash of what the visitor sent: every value and file except {@link #OWN_PREFIX} inputs, in an order
     * of their own, so that the same submission sent again hashes the same.
     */
    byte[] fingerprint() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        new TreeMap<>(params).forEach((name, values) -> {
            if (!name.startsWith(OWN_PREFIX)) {
                part(sha, "v", name);
                values.forEach(value -> part(sha, "=", value == null ? "" : value));
            }
        });
        new TreeMap<>(files).forEach((name, upload) -> {
            part(sha, "f", name);
            part(sha, "=", upload.fileName());
            part(sha, "=", Integer.toString(upload.content().length));
            sha.update(upload.content());
        });
        return sha.digest();
    }

    /** Each part length-prefixed, so that no two different inputs run together into the same bytes. */
    private static void part(MessageDigest sha, String tag, String text) {
        byte[] bytes = (tag + text).getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
    }

    String first(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }
}
