package org.formhaus.marketplace;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.formhaus.http.SignedTokens;

/**
 * The signature onOffice puts on every URL it opens at a marketplace provider, rebuilt exactly as onOffice's reference
 * code ({@code CheckSignature.class.php}) does: decode the query (a repeated name keeps its last value), drop
 * {@code signature}, sort by name, re-encode with PHP's {@code urlencode} rules, prefix
 * {@code scheme://host[:port]/path?}, then HMAC-SHA256 hex with the provider secret. The scheme is onOffice's; only
 * the HMAC itself is Formhaus's one primitive ({@link SignedTokens#hmacSha256}). Stateless and thread-safe.
 *
 * <pre>{@code
 * boolean genuine = ActivationSignature.matches("https://provider.example.com/activate", rawQuery, providerSecret);
 * }</pre>
 */
public final class ActivationSignature {

    private ActivationSignature() {
    }

    /**
     * @param base     {@code scheme://host[:port]/path} as onOffice called it (port only when the URL named one)
     * @param rawQuery the query string, still URL-encoded
     * @return whether the query's {@code signature} is the one the provider secret gives
     */
    public static boolean matches(String base, String rawQuery, String providerSecret) {
        String presented = parameters(rawQuery).get("signature");
        if (presented == null || providerSecret == null || providerSecret.isEmpty()) {
            return false;
        }
        byte[] expected = expected(base, rawQuery, providerSecret).getBytes(StandardCharsets.US_ASCII);
        // onOffice sends lowercase hex; compare case-insensitively but in constant time.
        return MessageDigest.isEqual(expected, presented.toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** The lowercase hex signature of {@code base?rawQuery}, ignoring any {@code signature} in the query. */
    public static String expected(String base, String rawQuery, String providerSecret) {
        Map<String, String> sorted = new TreeMap<>(parameters(rawQuery));
        sorted.remove("signature");
        StringJoiner query = new StringJoiner("&");
        sorted.forEach((name, value) -> query.add(phpUrlEncode(name) + "=" + phpUrlEncode(value)));
        return hmacSha256Hex(base + "?" + query, providerSecret);
    }

    /** The decoded query parameters, in order; a repeated name keeps its last value, as PHP's parse_str does. */
    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.put(name, value);
        }
        return out;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A malformed escape cannot have been signed by onOffice: keep it raw so the signature simply fails.
            return raw;
        }
    }

    /** PHP urlencode (RFC 1738): Java's encoder differs only in leaving '*' as is. */
    static String phpUrlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("*", "%2A");
    }

    private static String hmacSha256Hex(String data, String key) {
        return HexFormat.of().formatHex(SignedTokens.hmacSha256(key.getBytes(StandardCharsets.UTF_8),
                data.getBytes(StandardCharsets.UTF_8)));
    }
}
