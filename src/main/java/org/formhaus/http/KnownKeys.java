package org.formhaus.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The keys a JSON request body may hold, and for members that are objects, the keys those may hold. Every admin
 * endpoint declares its body this way and reads it through {@link Json#objectBody(HttpServletRequest, KnownKeys)},
 * which refuses any other key with 400 naming it at its path ({@code params.pasword: unknown key 'pasword'}): a
 * setting Formhaus does not know is never stored, echoed and ignored. Immutable and thread-safe.
 *
 * <pre>{@code
 * static final KnownKeys ONOFFICE = KnownKeys.of("url", "token", "secret", "senders");
 * static final KnownKeys CALL = KnownKeys.of("method").with("params", KnownKeys.of("email", "password"));
 * }</pre>
 */
public final class KnownKeys {

    /** A body that may hold no member at all ({@code {}}). */
    public static final KnownKeys NONE = new KnownKeys(Map.of());

    /**
     * A body whose every key a parser of its own reads and refuses when unknown, with more to say about it (a form
     * definition: {@code forms.DefinitionParser}); nothing is checked here.
     */
    public static final KnownKeys CHECKED_BY_ITS_PARSER = new KnownKeys(null);

    /** Member → the keys of its object value, or null when its value is not looked into; null: not checked here. */
    private final Map<String, KnownKeys> members;

    private KnownKeys(Map<String, KnownKeys> members) {
        this.members = members == null ? null : Collections.unmodifiableMap(members);
    }

    /** A body whose members are {@code names}; their values are not looked into. */
    public static KnownKeys of(String... names) {
        Map<String, KnownKeys> members = new LinkedHashMap<>();
        for (String name : names) {
            members.put(name, null);
        }
        return new KnownKeys(members);
    }

    /** These keys and {@code name}, whose value, when it is an object, may hold only {@code inner}'s keys. */
    public KnownKeys with(String name, KnownKeys inner) {
        if (members == null) {
            throw new IllegalStateException("A body checked by its parser has no list of keys");
        }
        Map<String, KnownKeys> all = new LinkedHashMap<>(members);
        all.put(name, inner);
        return new KnownKeys(all);
    }

    /**
     * Each key of {@code body} (at {@code path}: {@code ""} for the body itself) that is not known, as
     * {@code <place>: unknown key '<key>'}, sorted by place; empty when all are known.
     */
    public List<String> unknown(JsonObject body, String path) {
        List<String> problems = new ArrayList<>();
        if (members == null) {
            return problems;
        }
        for (String key : new TreeSet<>(body.keySet())) {
            String place = path.isEmpty() ? key : path + "." + key;
            if (!members.containsKey(key)) {
                problems.add(place + ": unknown key '" + key + "'");
                continue;
            }
            KnownKeys inner = members.get(key);
            JsonElement value = body.get(key);
            if (inner != null && value.isJsonObject()) {
                problems.addAll(inner.unknown(value.getAsJsonObject(), place));
            }
        }
        return problems;
    }

    /** Refuses {@code body} (at {@code path}) with 400 naming every unknown key; returns it when all are known. */
    public JsonObject check(JsonObject body, String path) {
        List<String> problems = unknown(body, path);
        if (!problems.isEmpty()) {
            throw HttpProblem.badRequest(String.join("; ", problems));
        }
        return body;
    }

    /**
     * Refuses a request whose query string names a parameter other than {@code names} with 400, e.g.
     * {@code Unknown query parameter 'staus'}: a filter that is not applied must not look as if it were.
     */
    public static void checkParameters(HttpServletRequest request, String... names) {
        List<String> known = List.of(names);
        for (String name : new TreeSet<>(request.getParameterMap().keySet())) {
            if (!known.contains(name)) {
                throw HttpProblem.badRequest("Unknown query parameter '" + name + "'; known: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
    }

    @Override
    public String toString() {
        return members == null ? "[checked by its parser]" : members.keySet().toString();
    }
}
