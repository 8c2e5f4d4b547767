package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.object;
import static org.formhaus.simulator.SimJson.str;
import static org.formhaus.simulator.SimJson.strings;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.formhaus.onoffice.ApiRight;

/**
 * What every resource of the simulated API shares: the account's state and field catalogue, the rights checks, the
 * "only published" visibility rules, listing with filter/sort/paging, lookup by id and field validation. Not
 * thread-safe: used under {@link Simulator}'s lock; lives as long as one {@link SimState}.
 */
final class SimContext {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final SimState s;
    final SimCatalogue catalogue;
    final Clock clock;

    SimContext(SimState state, SimCatalogue catalogue, Clock clock) {
        this.s = state;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** How one stored record is shown in a list's {@code elements}. */
    @FunctionalInterface
    interface Render {
        JsonObject apply(long id, JsonObject record);
    }

    // ---- rights --------------------------------------------------------------------------------------------------

    /**
     * The simulator's missing-right error. Real onOffice's code and wording for a missing right are not documented;
     * the simulator uses code 140 and names both the operation and the right (in double quotes).
     */
    void need(String operation, ApiRight... rights) throws SimError {
        for (ApiRight r : rights) {
            if (!s.has(r)) {
                throw new SimError(SimError.MISSING_RIGHT, "No permission to " + operation
                        + ": the API user lacks the right \"" + r.label() + "\"");
            }
        }
    }

    /**
     * Whether the API user holds every one of {@code rights} for a READ. onOffice does not refuse a read without its
     * right: it answers 200 with zero records (onoffice-rights.md, apidoc:/erste-schritte/), so callers answer
     * {@link SimOutcome#none()} when this is false.
     */
    boolean mayRead(ApiRight... rights) {
        for (ApiRight r : rights) {
            if (!s.has(r)) return false;
        }
        return true;
    }

    void needFieldRights(String module, Iterable<String> keys, String operation) throws SimError {
        for (String key : keys) {
            SimField f = catalogue.field(module, key).orElse(null);
            if (f != null && !f.writeRights().isEmpty()) {
                need(operation + " field '" + key + "'", f.writeRights().toArray(ApiRight[]::new));
            }
        }
    }

    boolean addressVisible(JsonObject a) {
        return !s.has(ApiRight.ONLY_PUBLISHED_CONTACTS) || "1".equals(str(a, "homepage_veroeffentlichen"));
    }

    boolean estateVisible(JsonObject e) {
        return !s.has(ApiRight.ONLY_PUBLISHED_PROPERTIES) || "1".equals(str(e, "veroeffentlichen"));
    }

    // ---- listing, lookup, validation -----------------------------------------------------------------------------

    /** READ of a resource: recordids or resourceid, filter, sortby/sortorder, listlimit (≤ 500, default 20), listoffset. */
    SimOutcome list(String type, String resourceId, JsonObject p, Predicate<JsonObject> visible, Render render)
            throws SimError {
        List<String> wanted = new ArrayList<>(strings(p.get("recordids")));
        if (resourceId != null && !resourceId.isBlank()) wanted.add(resourceId.trim());
        JsonObject filter = object(p, "filter");
        List<Map.Entry<Long, JsonObject>> hits = new ArrayList<>();
        for (Map.Entry<Long, JsonObject> e : s.table(type).entrySet()) {
            if (!wanted.isEmpty() && !wanted.contains(String.valueOf(e.getKey()))) continue;
            if (!visible.test(e.getValue()) || !SimFilter.matches(withId(e.getKey(), e.getValue(), filter), filter)) continue;
            hits.add(e);
        }
        sort(hits, p);
        int limit = p.has("listlimit") ? Math.max(0, Math.min(500, p.get("listlimit").getAsInt())) : 20;
        int offset = p.has("listoffset") ? Math.max(0, p.get("listoffset").getAsInt()) : 0;
        JsonArray records = new JsonArray();
        String recordType = type.equals("agentslog") ? "agentsLog" : type;
        hits.stream().skip(offset).limit(limit).forEach(e -> records.add(SimOutcome.record(e.getKey(), recordType,
                strip(render.apply(e.getKey(), e.getValue())))));
        return new SimOutcome(records, (long) hits.size());
    }

    /** The record as a filter sees it: with its {@code Id} when the filter asks for it (the id is the table's key). */
    private static JsonObject withId(long id, JsonObject record, JsonObject filter) {
        if (!filter.has("Id")) return record;
        JsonObject view = record.deepCopy();
        view.addProperty("Id", id);
        return view;
    }

    /**
     * A READ over records already shown under the names the API reads them by (e.g. the agents log's
     * {@code Bemerkung} for the stored {@code note}): {@code filter}, {@code sortby}/{@code sortorder} (else the
     * order given), {@code listlimit} (≤ 500, default 20), {@code listoffset}, and {@code data} (the fields to return;
     * all when absent) all work on those names.
     */
    SimOutcome listViews(String recordType, List<Map.Entry<Long, JsonObject>> views, JsonObject p) {
        return listViews(recordType, views, p, List.of());
    }

    /** As {@link #listViews(String, List, JsonObject)}; the {@code always} fields are returned whatever {@code data} says. */
    SimOutcome listViews(String recordType, List<Map.Entry<Long, JsonObject>> views, JsonObject p, List<String> always) {
        JsonObject filter = object(p, "filter");
        List<Map.Entry<Long, JsonObject>> hits = new ArrayList<>();
        for (Map.Entry<Long, JsonObject> e : views) {
            if (SimFilter.matches(e.getValue(), filter)) hits.add(e);
        }
        sort(hits, p);
        int limit = p.has("listlimit") ? Math.max(0, Math.min(500, p.get("listlimit").getAsInt())) : 20;
        int offset = p.has("listoffset") ? Math.max(0, p.get("listoffset").getAsInt()) : 0;
        List<String> data = new ArrayList<>(strings(p.get("data")));
        if (!data.isEmpty()) always.stream().filter(f -> !data.contains(f)).forEach(data::add);
        JsonArray records = new JsonArray();
        hits.stream().skip(offset).limit(limit).forEach(e -> records.add(SimOutcome.record(e.getKey(), recordType,
                select(strip(e.getValue().deepCopy()), data))));
        return new SimOutcome(records, (long) hits.size());
    }

    /** Only the {@code data} fields of a record (a field it lacks as null); all of it when none are named. */
    static JsonObject select(JsonObject view, List<String> data) {
        if (data.isEmpty()) return view;
        JsonObject out = new JsonObject();
        for (String field : data) {
            out.add(field, view.has(field) ? view.get(field) : JsonNull.INSTANCE);
        }
        return out;
    }

    private static void sort(List<Map.Entry<Long, JsonObject>> hits, JsonObject p) {
        JsonElement sortBy = p.get("sortby");
        String field = null;
        boolean desc = "DESC".equalsIgnoreCase(str(p, "sortorder"));
        if (sortBy != null && sortBy.isJsonObject() && !sortBy.getAsJsonObject().keySet().isEmpty()) {
            field = sortBy.getAsJsonObject().keySet().iterator().next();
            desc = "DESC".equalsIgnoreCase(str(sortBy.getAsJsonObject(), field));
        } else if (sortBy != null && sortBy.isJsonPrimitive()) {
            field = sortBy.getAsString();
        }
        if (field == null) return;
        String f = field;
        Comparator<Map.Entry<Long, JsonObject>> c = (a, b) -> SimFilter.compare(
                f.equalsIgnoreCase("Id") || f.equals("KdNr") && !a.getValue().has(f) ? new JsonPrimitive(a.getKey()) : a.getValue().get(f),
                f.equalsIgnoreCase("Id") || f.equals("KdNr") && !b.getValue().has(f) ? new JsonPrimitive(b.getKey()) : b.getValue().get(f));
        hits.sort(desc ? c.reversed() : c);
    }

    /** Keys starting with "_" are the simulator's bookkeeping (e.g. {@code _contacts}), never sent. */
    private static JsonObject strip(JsonObject o) {
        o.keySet().removeIf(k -> k.startsWith("_"));
        return o;
    }

    /** The record of {@code type} with that id, if the API user may see it; else 144 record not found. */
    JsonObject find(String type, String id, Predicate<JsonObject> visible) throws SimError {
        TreeMap<Long, JsonObject> table = s.table(type);
        try {
            JsonObject r = table.get(Long.parseLong(id == null ? "" : id.trim()));
            if (r != null && visible.test(r)) return r;
        } catch (NumberFormatException e) {
            // not a number: not found either
        }
        throw SimError.notFound();
    }

    /** Copies {@code data} into {@code target}, each value checked against its catalogue field. */
    void copyValidated(String module, JsonObject data, JsonObject target) throws SimError {
        for (Map.Entry<String, JsonElement> e : data.entrySet()) {
            target.add(e.getKey(), fieldOf(module, e.getKey()).check(e.getValue()));
        }
    }

    /**
     * The catalogue field, or onOffice's unknown-field error of the module: 138 "Unknown field in task data", 143
     * "Unknown field in estate data: X", 154 "Unknown calendar field", otherwise 141 "Unknown field: X".
     */
    SimField fieldOf(String module, String name) throws SimError {
        return catalogue.field(module, name).orElseThrow(() -> switch (module) {
            case "task" -> new SimError(138, "Unknown field in task data");
            case "estate" -> new SimError(143, "Unknown field in estate data: " + name);
            case "calendar" -> new SimError(154, "Unknown calendar field");
            default -> new SimError(SimError.UNKNOWN_FIELD, "Unknown field: " + name);
        });
    }

    // ---- user id or user name (onoffice-api.md §6 "ID or user NAME?") ------------------------------------------------

    /**
     * A field that expects a user NAME (address {@code Benutzer}, task {@code Verantwortung}/{@code Bearbeiter},
     * calendar {@code von}): a value that is no user's name, e.g. the user's id, → 251 "Unknown user X". Empty clears.
     */
    void userName(JsonElement v) throws SimError {
        if (v == null || v.isJsonNull() || v.getAsString().isEmpty()) return;
        String name = v.getAsString();
        for (JsonObject u : s.users) {
            if (name.equals(u.get("username").getAsString())) return;
        }
        throw new SimError(SimError.UNKNOWN_USER, "Unknown user " + name);
    }

    /**
     * A field that expects a user ID (estate {@code benutzer}, search criteria {@code advisor}, agents log
     * {@code userid}): a value that is not a known user's id, e.g. the user's name, → 184 "User id is not existing or
     * inactive".
     */
    void userId(JsonElement v) throws SimError {
        if (v == null || v.isJsonNull() || v.getAsString().isEmpty()) return;
        if (!knownUserId(v)) throw new SimError(SimError.UNKNOWN_USER_ID, "User id is not existing or inactive");
    }

    boolean knownUserId(JsonElement v) {
        if (!v.isJsonPrimitive() || !v.getAsString().strip().matches("\\d{1,9}")) return false;
        for (JsonObject u : s.users) {
            if (u.get("id").getAsString().equals(v.getAsString().strip())) return true;
        }
        return false;
    }

    /** The simulator clock's local time in onOffice's format. */
    String now() {
        return LocalDateTime.now(clock).format(DATETIME);
    }
}
