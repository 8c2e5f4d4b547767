package org.formhaus.protection;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.formhaus.forms.DefinitionException.Problem;

/**
 * A form definition's {@code protection} section, read:
 * <pre>{@code
 * "protection": {
 *   "password": "…",                          // stored only as its Argon2id hash (ProtectionSecrets)
 *   "allowedIps": ["203.0.113.0/24", "2001:db8::/32", "198.51.100.7"],
 *   "opensAt": "2027-03-01T09:00:00+01:00",    // ISO date-time with offset
 *   "closesAt": "2027-03-31T18:00:00+02:00",
 *   "maxSubmissions": 40,                      // counted over every instance
 *   "oneTimeKeys": ["…"],                      // each accepted once; stored as "sha256:<hex>"
 *   "closedMessage": {"de": "…", "en": "…"},   // or one string; shown while closed or full
 *   "proofOfWork": true
 * }}</pre>
 * {@link #problems} judges a section being saved, naming each place ({@code protection.allowedIps[1]});
 * {@link #of} reads a saved one leniently (what does not parse is left out: it was refused at save).
 * Immutable and thread-safe.
 *
 * @param passwordHash     the Argon2id PHC string, or null when the form has no password
 * @param maxSubmissions   0 when unlimited
 * @param oneTimeKeyHashes the keys' {@link OneTimeKeys#hash hashes}; empty when the form needs none
 * @param closedMessage    language ({@code de}, {@code en}, or {@code ""} for every language) → text
 */
public record Protection(boolean proofOfWork, String passwordHash, List<AddressRange> allowedIps,
                         OffsetDateTime opensAt, OffsetDateTime closesAt, int maxSubmissions,
                         Set<String> oneTimeKeyHashes, Map<String, String> closedMessage) {

    public static final String SECTION = "protection";
    /** The section's keys, as the builder offers them and {@code forms.SectionKeys} lists them. */
    public static final List<String> KEYS = List.of("proofOfWork", "password", "allowedIps", "opensAt", "closesAt",
            "maxSubmissions", "oneTimeKeys", "closedMessage");
    public static final Protection NONE = new Protection(false, null, List.of(), null, null, 0, Set.of(), Map.of());
    /** More keys than this make the definition too large to handle; generate a new form for more. */
    public static final int MAX_KEYS = 1000;
    static final int MAX_RANGES = 100;
    static final int MAX_MESSAGE = 1000;
    static final int MIN_PASSWORD = 6;
    static final int MAX_PASSWORD = 200;
    static final String UNSEALED = "unsealed";

    public Protection {
        allowedIps = List.copyOf(allowedIps);
        oneTimeKeyHashes = Collections.unmodifiableSet(new LinkedHashSet<>(oneTimeKeyHashes));
        closedMessage = Map.copyOf(closedMessage);
    }

    /** Whether visitors are let in by anything but time and quota (password, address, key). */
    public boolean restrictsVisitors() {
        return passwordHash != null || !allowedIps.isEmpty() || !oneTimeKeyHashes.isEmpty();
    }

    /** The closed message for {@code language}, or null when the definition gives none. */
    public String closedMessage(String language) {
        return closedMessage.getOrDefault(language, closedMessage.get(""));
    }

    /** The section of a saved definition's JSON; {@link #NONE} when it has none. */
    public static Protection of(JsonObject definition) {
        return read(definition, new ArrayList<>());
    }

    /** What is wrong with the section of a definition being saved; empty when nothing is. */
    public static List<Problem> problems(JsonObject definition) {
        List<Problem> problems = new ArrayList<>();
        read(definition, problems);
        return problems;
    }

    private static Protection read(JsonObject definition, List<Problem> problems) {
        JsonElement raw = definition == null ? null : definition.get(SECTION);
        if (raw == null || raw.isJsonNull()) {
            return NONE;
        }
        if (!raw.isJsonObject()) {
            problems.add(new Problem(SECTION, "must be an object such as {\"maxSubmissions\": 40}"));
            return NONE;
        }
        JsonObject o = raw.getAsJsonObject();
        for (String key : o.keySet()) {
            if (!KEYS.contains(key)) {
                problems.add(new Problem(at(key), "unknown key; known: " + String.join(", ", KEYS)));
            }
        }
        boolean pow = flag(o, "proofOfWork", problems);
        String password = password(o.get("password"), problems);
        List<AddressRange> ranges = ranges(o.get("allowedIps"), problems);
        OffsetDateTime opensAt = time(o, "opensAt", problems);
        OffsetDateTime closesAt = time(o, "closesAt", problems);
        if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            problems.add(new Problem(at("closesAt"), "must be after opensAt"));
        }
        int max = maxSubmissions(o.get("maxSubmissions"), problems);
        Set<String> keys = keys(o.get("oneTimeKeys"), problems);
        Map<String, String> message = message(o.get("closedMessage"), problems);
        return new Protection(pow, password, ranges, opensAt, closesAt, max, keys, message);
    }

    private static String at(String key) {
        return SECTION + "." + key;
    }

    private static boolean flag(JsonObject o, String key, List<Problem> problems) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return false;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            problems.add(new Problem(at(key), "must be true or false"));
            return false;
        }
        return e.getAsBoolean();
    }

    /** The stored hash; a clear password (being saved, to be sealed) is judged by its length only. */
    private static String password(JsonElement e, List<Problem> problems) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        String s = string(e);
        if (s != null && ProtectionSecrets.isPasswordHash(s)) {
            return s;
        }
        if (s == null || s.length() < MIN_PASSWORD || s.length() > MAX_PASSWORD) {
            problems.add(new Problem(at("password"), "must be a string of " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters (it is stored as its hash)"));
        }
        // Clear text is sealed before it is stored; one that reached the database some other way locks the form
        // rather than open it: no password matches this.
        return UNSEALED;
    }

    private static List<AddressRange> ranges(JsonElement e, List<Problem> problems) {
        List<AddressRange> ranges = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            return ranges;
        }
        if (!e.isJsonArray() || e.getAsJsonArray().isEmpty() || e.getAsJsonArray().size() > MAX_RANGES) {
            problems.add(new Problem(at("allowedIps"), "must be a list of 1 to " + MAX_RANGES
                    + " addresses or CIDR ranges, such as [\"203.0.113.0/24\", \"2001:db8::/32\"]"));
            return ranges;
        }
        for (int i = 0; i < e.getAsJsonArray().size(); i++) {
            String s = string(e.getAsJsonArray().get(i));
            AddressRange range = AddressRange.parse(s).orElse(null);
            if (range == null) {
                problems.add(new Problem(at("allowedIps") + "[" + i + "]", "'" + s
                        + "' is not an IPv4 or IPv6 address or CIDR range (such as 203.0.113.0/24)"));
            } else {
                ranges.add(range);
            }
        }
        return ranges;
    }

    private static OffsetDateTime time(JsonObject o, String key, List<Problem> problems) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        String s = string(e);
        try {
            return OffsetDateTime.parse(s == null ? "" : s);
        } catch (DateTimeParseException ex) {
            problems.add(new Problem(at(key), "must be an ISO date-time with offset, such as "
                    + "2027-03-01T09:00:00+01:00 or 2027-03-01T08:00:00Z"));
            return null;
        }
    }

    private static int maxSubmissions(JsonElement e, List<Problem> problems) {
        if (e == null || e.isJsonNull()) {
            return 0;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || !e.getAsString().matches("\\d{1,9}")
                || e.getAsInt() < 1) {
            problems.add(new Problem(at("maxSubmissions"), "must be a whole number from 1 to 999999999"));
            return 0;
        }
        return e.getAsInt();
    }

    /** The keys' hashes; a clear key (being saved, to be sealed) stands for its hash. */
    private static Set<String> keys(JsonElement e, List<Problem> problems) {
        Set<String> hashes = new LinkedHashSet<>();
        if (e == null || e.isJsonNull()) {
            return hashes;
        }
        if (!e.isJsonArray() || e.getAsJsonArray().isEmpty() || e.getAsJsonArray().size() > MAX_KEYS) {
            problems.add(new Problem(at("oneTimeKeys"), "must be a list of 1 to " + MAX_KEYS + " keys"));
            return hashes;
        }
        for (int i = 0; i < e.getAsJsonArray().size(); i++) {
            String s = string(e.getAsJsonArray().get(i));
            if (s == null || !(OneTimeKeys.isHash(s) || OneTimeKeys.isKey(s))) {
                problems.add(new Problem(at("oneTimeKeys") + "[" + i + "]", "must be a key of 8 to 64 letters, digits,"
                        + " '-' or '_' (stored as its hash)"));
            } else if (!hashes.add(OneTimeKeys.isHash(s) ? s : OneTimeKeys.hash(s))) {
                problems.add(new Problem(at("oneTimeKeys") + "[" + i + "]", "is listed twice"));
            }
        }
        return hashes;
    }

    private static Map<String, String> message(JsonElement e, List<Problem> problems) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (e == null || e.isJsonNull()) {
            return texts;
        }
        String single = string(e);
        if (single != null) {
            put(texts, "", single, at("closedMessage"), problems);
        } else if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(entry -> {
                String place = at("closedMessage") + "." + entry.getKey();
                if (!entry.getKey().equals("de") && !entry.getKey().equals("en")) {
                    problems.add(new Problem(place, "unknown language; known: de, en"));
                } else {
                    put(texts, entry.getKey(), string(entry.getValue()), place, problems);
                }
            });
        } else {
            problems.add(new Problem(at("closedMessage"), "must be a text, or {\"de\": \"…\", \"en\": \"…\"}"));
        }
        return texts;
    }

    private static void put(Map<String, String> texts, String language, String text, String place,
                            List<Problem> problems) {
        if (text == null || text.isBlank() || text.length() > MAX_MESSAGE) {
            problems.add(new Problem(place, "must be a text of 1 to " + MAX_MESSAGE + " characters"));
        } else {
            texts.put(language, text);
        }
    }

    private static String string(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }
}
