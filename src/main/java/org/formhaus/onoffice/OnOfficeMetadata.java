package org.formhaus.onoffice;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caches each account's {@link AccountMetadata} (field catalogue in German and English, plus the user list) for a
 * while, because GET fields is slow. One per application; thread-safe: concurrent callers for the same account share
 * one load. Everything is loaded in ONE batched request (fields DEU + ENG, searchCriteriaFields DEU + ENG, users).
 *
 * <pre>{@code
 * OnOfficeMetadata metadata = new OnOfficeMetadata(Duration.ofMinutes(15), Clock.systemUTC());
 * AccountMetadata m = metadata.get("account-42", client);
 * m.field("address", "Anrede").ifPresent(f -> f.permittedValues().keySet());
 * }</pre>
 */
public final class OnOfficeMetadata {

    static final List<String> MODULES = List.of("address", "estate", "agentsLog", "task", "calendar");
    private static final String TYPE_URN = "urn:onoffice-de-ns:smart:2.5:dbAccess:dataType:";

    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    /** Entries live 15 minutes. */
    public OnOfficeMetadata() {
        this(Duration.ofMinutes(15), Clock.systemUTC());
    }

    public OnOfficeMetadata(Duration ttl, Clock clock) {
        if (ttl == null || ttl.isNegative()) throw new IllegalArgumentException("ttl must be >= 0: " + ttl);
        if (clock == null) throw new IllegalArgumentException("The parameter 'clock' must not be null.");
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The cached metadata of {@code accountKey}, loaded through {@code client} when absent or expired. */
    public AccountMetadata get(String accountKey, OnOfficeClient client) throws OnOfficeException {
        return slot(accountKey).get(client, false);
    }

    /** Loads afresh now (e.g. after the agency added a field in onOffice). */
    public AccountMetadata refresh(String accountKey, OnOfficeClient client) throws OnOfficeException {
        return slot(accountKey).get(client, true);
    }

    /** Drops the cached entry; the next {@link #get} loads again. */
    public void invalidate(String accountKey) {
        slots.remove(accountKey);
    }

    private Slot slot(String accountKey) {
        if (accountKey == null) throw new IllegalArgumentException("The parameter 'accountKey' must not be null.");
        return slots.computeIfAbsent(accountKey, k -> new Slot());
    }

    private final class Slot {
        private AccountMetadata value;

        synchronized AccountMetadata get(OnOfficeClient client, boolean force) throws OnOfficeException {
            Instant now = clock.instant();
            if (force || value == null || !now.isBefore(value.loadedAt().plus(ttl))) {
                value = load(client, now);
            }
            return value;
        }
    }

    static AccountMetadata load(OnOfficeClient client, Instant now) throws OnOfficeException {
        List<ActionResult> r = client.execute(List.of(
                Actions.getFields(MODULES, "DEU", true, true, true).withIdentifier("fieldsDEU"),
                Actions.getFields(MODULES, "ENG", true, true, true).withIdentifier("fieldsENG"),
                Actions.getSearchCriteriaFields("DEU").withIdentifier("scDEU"),
                Actions.getSearchCriteriaFields("ENG").withIdentifier("scENG"),
                Actions.getUsers().withIdentifier("users")));
        for (int i = 0; i < 2; i++) {
            if (!r.get(i).ok()) throw OnOfficeException.of(r.get(i));
        }
        Map<String, Map<String, FieldInfo>> modules = new LinkedHashMap<>();
        mergeFields(modules, r.get(0), r.get(1));
        if (r.get(2).ok() && r.get(3).ok()) {
            modules.put("searchcriteria", searchCriteriaFields(r.get(2), r.get(3)));
        }
        ActionResult users = r.get(4);
        return new AccountMetadata(modules, users.ok() ? users(users) : List.of(),
                users.ok() ? null : users.message(), now);
    }

    private static void mergeFields(Map<String, Map<String, FieldInfo>> modules, ActionResult de, ActionResult en) {
        Map<String, JsonObject> english = new HashMap<>();
        en.records().forEach(rec -> english.put(rec.id(), rec.elements()));
        for (OnOfficeRecord rec : de.records()) {
            JsonObject enModule = english.getOrDefault(rec.id(), new JsonObject());
            Map<String, FieldInfo> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : rec.elements().entrySet()) {
                if (!e.getValue().isJsonObject()) continue; // the module's own "label"
                JsonObject d = e.getValue().getAsJsonObject();
                JsonObject g = enModule.has(e.getKey()) && enModule.get(e.getKey()).isJsonObject()
                        ? enModule.getAsJsonObject(e.getKey()) : new JsonObject();
                fields.put(e.getKey(), new FieldInfo(rec.id(), e.getKey(), type(str(d, "type")), integer(d, "length"),
                        str(d, "label"), str(g, "label"), permitted(obj(d, "permittedvalues"), obj(g, "permittedvalues"))));
            }
            modules.put(rec.id(), fields);
        }
    }

    private static Map<String, FieldInfo> searchCriteriaFields(ActionResult de, ActionResult en) {
        Map<String, JsonObject> english = new HashMap<>();
        forEachField(en, f -> english.put(str(f, "id"), f));
        Map<String, FieldInfo> fields = new LinkedHashMap<>();
        forEachField(de, f -> {
            JsonObject g = english.getOrDefault(str(f, "id"), new JsonObject());
            fields.put(str(f, "id"), new FieldInfo("searchcriteria", str(f, "id"), type(str(f, "type")), null,
                    str(f, "name"), str(g, "name"), permitted(obj(f, "values"), obj(g, "values"))));
        });
        return fields;
    }

    private static void forEachField(ActionResult result, java.util.function.Consumer<JsonObject> action) {
        for (OnOfficeRecord rec : result.records()) {
            JsonElement list = rec.elements().get("fields");
            if (list != null && list.isJsonArray()) {
                list.getAsJsonArray().forEach(f -> {
                    if (f.isJsonObject() && str(f.getAsJsonObject(), "id") != null) action.accept(f.getAsJsonObject());
                });
            }
        }
    }

    private static List<OnOfficeUser> users(ActionResult result) {
        List<OnOfficeUser> users = new ArrayList<>();
        for (OnOfficeRecord rec : result.records()) {
            users.add(new OnOfficeUser(rec.id(), rec.get("username"), rec.get("firstname"), rec.get("lastname"),
                    rec.get("email")));
        }
        return users;
    }

    private static Map<String, FieldInfo.PermittedValue> permitted(JsonObject de, JsonObject en) {
        Map<String, FieldInfo.PermittedValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : de.entrySet()) {
            values.put(e.getKey(), new FieldInfo.PermittedValue(e.getKey(), ResponseParser.string(e.getValue()),
                    ResponseParser.string(en.get(e.getKey()))));
        }
        return values;
    }

    private static String type(String raw) {
        return raw != null && raw.startsWith(TYPE_URN) ? raw.substring(TYPE_URN.length()) : raw;
    }

    private static String str(JsonObject o, String key) {
        return ResponseParser.string(o.get(key));
    }

    private static JsonObject obj(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static Integer integer(JsonObject o, String key) {
        JsonElement e = o.get(key);
        try {
            return e == null || e.isJsonNull() ? null : e.getAsInt();
        } catch (RuntimeException ex) {
            return null;
        }
    }
}
