package org.formhaus.protection;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.regex.Pattern;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.passwords.PasswordHasher;

/**
 * Keeps a form's secrets out of its stored definition: before a definition is saved, {@link #seal} replaces a clear
 * {@code protection.password} by its Argon2id hash and each clear one-time key by {@code "sha256:<hex>"}. Values
 * already sealed stay as they are, so a definition read (GET, the JSON view, the builder) and sent back unchanged
 * keeps its password and keys. Stateless and thread-safe.
 */
public final class ProtectionSecrets {

    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");

    private ProtectionSecrets() {
    }

    /**
     * Seals {@code definition}'s secrets in place (a definition being saved, after its section passed
     * {@link Protection#problems}). @return whether anything changed
     */
    public static boolean seal(JsonObject definition) {
        JsonElement raw = definition.get(Protection.SECTION);
        if (raw == null || !raw.isJsonObject()) {
            return false;
        }
        JsonObject section = raw.getAsJsonObject();
        boolean changed = false;
        JsonElement password = section.get("password");
        if (password != null && password.isJsonPrimitive() && !isPasswordHash(password.getAsString())) {
            section.addProperty("password", PasswordHasher.OWASP.hash(password.getAsString()));
            changed = true;
        }
        JsonElement keys = section.get("oneTimeKeys");
        if (keys != null && keys.isJsonArray()) {
            JsonArray sealed = new JsonArray();
            for (JsonElement key : keys.getAsJsonArray()) {
                String s = key.isJsonPrimitive() ? key.getAsString() : "";
                changed |= !OneTimeKeys.isHash(s);
                sealed.add(OneTimeKeys.isHash(s) ? s : OneTimeKeys.hash(s));
            }
            section.add("oneTimeKeys", sealed);
        }
        return changed;
    }

    /**
     * {@link #seal} for a section that has problems elsewhere (a draft being edited): the password and the one-time keys
     * are sealed each when it has no problem of its own, so that neither waits in clear for an unrelated fix, while
     * one that is itself wrong (a too-short password) stays as typed, to be judged and corrected.
     *
     * @param problems {@link Protection#problems} of the definition, places such as {@code protection.password}
     */
    public static void sealWhereValid(JsonObject definition, List<Problem> problems) {
        JsonElement raw = definition.get(Protection.SECTION);
        if (raw == null || !raw.isJsonObject()) {
            return;
        }
        JsonObject section = raw.getAsJsonObject();
        JsonObject sealable = new JsonObject();
        for (String member : List.of("password", "oneTimeKeys")) {
            String place = Protection.SECTION + "." + member;
            if (section.has(member) && problems.stream().noneMatch(p -> p.place().startsWith(place))) {
                sealable.add(member, section.get(member));
            }
        }
        JsonObject wrapper = new JsonObject();
        wrapper.add(Protection.SECTION, sealable);
        if (seal(wrapper)) {
            sealable.entrySet().forEach(e -> section.add(e.getKey(), e.getValue()));
        }
    }

    /** Whether {@code candidate} is the password whose hash {@code stored} is; false for the unsealed stand-in. */
    public static boolean matches(String candidate, String stored) {
        return candidate != null && isPasswordHash(stored) && PasswordHasher.OWASP.matches(candidate, stored);
    }

    /**
     * A short fingerprint of the stored hash, for unlock tokens: a new password makes every earlier unlock invalid.
     */
    public static String fingerprint(String stored) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(stored.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static boolean isPasswordHash(String s) {
        return s != null && PHC.matcher(s).matches();
    }
}
