package org.formhaus.forms;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two versions of a definition, as a reader would say it: one {@link Change} per setting that
 * was added, removed or changed, named by its path. Fields are matched by name, not by position, so moving a field
 * is one "moved" change instead of a change to every field after it ({@code fields[email].label}). Stateless.
 *
 * <pre>{@code
 * List<DefinitionDiff.Change> changes = DefinitionDiff.between(version1, version2);
 * }</pre>
 */
public final class DefinitionDiff {

    /** One difference; {@code before}/{@code after} are null where the setting is absent on that side. */
    public record Change(String path, Kind kind, JsonElement before, JsonElement after) {
        @Override
        public String toString() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + path;
        }
    }

    /** How a setting differs. */
    public enum Kind { ADDED, REMOVED, CHANGED, MOVED }

    private DefinitionDiff() {
    }

    public static List<Change> between(JsonObject before, JsonObject after) {
        List<Change> changes = new ArrayList<>();
        objects("", before, after, changes);
        return changes;
    }

    private static void objects(String path, JsonObject before, JsonObject after, List<Change> changes) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            values(path.isEmpty() ? key : path + "." + key, before.get(key), after.get(key), changes);
        }
    }

    private static void values(String path, JsonElement before, JsonElement after, List<Change> changes) {
        if (before == null || before.isJsonNull()) {
            if (after != null && !after.isJsonNull()) {
                changes.add(new Change(path, Kind.ADDED, null, after));
            }
        } else if (after == null || after.isJsonNull()) {
            changes.add(new Change(path, Kind.REMOVED, before, null));
        } else if (before.isJsonObject() && after.isJsonObject()) {
            objects(path, before.getAsJsonObject(), after.getAsJsonObject(), changes);
        } else if (named(before) && named(after)) {
            namedLists(path, before.getAsJsonArray(), after.getAsJsonArray(), changes);
        } else if (!before.equals(after)) {
            changes.add(new Change(path, Kind.CHANGED, before, after));
        }
    }

    /** Lists of objects that each have a distinct "name" (the fields): compared name by name. */
    private static void namedLists(String path, JsonArray before, JsonArray after, List<Change> changes) {
        Map<String, JsonObject> old = byName(before);
        Map<String, JsonObject> now = byName(after);
        for (Map.Entry<String, JsonObject> e : old.entrySet()) {
            String at = path + "[" + e.getKey() + "]";
            if (now.containsKey(e.getKey())) {
                objects(at, e.getValue(), now.get(e.getKey()), changes);
            } else {
                changes.add(new Change(at, Kind.REMOVED, e.getValue(), null));
            }
        }
        now.forEach((name, field) -> {
            if (!old.containsKey(name)) {
                changes.add(new Change(path + "[" + name + "]", Kind.ADDED, null, field));
            }
        });
        List<String> oldOrder = new ArrayList<>(old.keySet());
        oldOrder.retainAll(now.keySet());
        List<String> newOrder = new ArrayList<>(now.keySet());
        newOrder.retainAll(old.keySet());
        if (!oldOrder.equals(newOrder)) {
            JsonArray was = new JsonArray();
            oldOrder.forEach(was::add);
            JsonArray is = new JsonArray();
            newOrder.forEach(is::add);
            changes.add(new Change(path, Kind.MOVED, was, is));
        }
    }

    private static boolean named(JsonElement e) {
        if (!e.isJsonArray()) {
            return false;
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonObject() || !item.getAsJsonObject().has("name")
                    || !item.getAsJsonObject().get("name").isJsonPrimitive()
                    || !names.add(item.getAsJsonObject().get("name").getAsString())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonObject> byName(JsonArray array) {
        Map<String, JsonObject> map = new LinkedHashMap<>();
        array.forEach(e -> map.put(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject()));
        return map;
    }
}
