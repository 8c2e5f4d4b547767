package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.object;
import static org.formhaus.simulator.SimJson.str;
import static org.formhaus.simulator.SimJson.strings;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.formhaus.onoffice.ApiRight;

/**
 * The reads of agents log entries, tasks and appointments, shown under the names onOffice reads them by while the
 * records stay stored as they were created (onoffice-api.md §5, apidoc's "Read Agents log", "Read Tasks",
 * "Get Appointments"). Where the reference is silent the simulator chooses, and says so on the method. Not
 * thread-safe: called under {@link Simulator}'s lock.
 */
final class SimActivityReads {

    /** Stored create key → the field READ agentslog names it by. */
    private static final Map<String, String> AGENTSLOG_FIELDS = Map.ofEntries(
            Map.entry("actionkind", "Aktionsart"), Map.entry("actiontype", "Aktionstyp"),
            Map.entry("note", "Bemerkung"), Map.entry("datetime", "Datum"), Map.entry("cost", "Kosten"),
            Map.entry("duration", "dauer"), Map.entry("features", "merkmal"),
            Map.entry("origincontact", "HerkunftKontakt"), Map.entry("advisorylevel", "Beratungsebene"),
            Map.entry("reasoncancellation", "Absagegrund"));
    /** Fields onOffice's page says cannot be filtered. */
    private static final Set<String> AGENTSLOG_UNFILTERED = Set.of("Benutzer", "Adress_nr", "Objekt_nr", "dauer");
    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The zone appointment times are stored in; onOffice does not document it (onoffice-api.md: assume Berlin). */
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final SimContext c;

    SimActivityReads(SimContext context) {
        this.c = context;
    }

    /**
     * READ agentslog: {@code addressid} and {@code estateid} (arrays) restrict to entries of those records, then
     * {@code filter}, paging and {@code data} as usual; newest first unless {@code sortby} says otherwise ("Entries are
     * sorted antichronologically"). {@code Adress_nr} is answered as an array like the documented {@code Objekt_nr}
     * (the reference shows no example of it).
     */
    SimOutcome agentsLog(String resourceId, JsonObject p) throws SimError {
        if (!c.mayRead(ApiRight.AGENTS_LOG, ApiRight.ACTIVITIES, ApiRight.READ_ENTRIES)) return SimOutcome.none();
        for (String field : object(p, "filter").keySet()) {
            if (AGENTSLOG_UNFILTERED.contains(field)) throw SimError.invalid(field, "cannot be used in a filter");
        }
        List<String> addressIds = strings(p.get("addressid"));
        List<String> estateIds = strings(p.get("estateid"));
        List<Map.Entry<Long, JsonObject>> views = new ArrayList<>();
        for (Map.Entry<Long, JsonObject> e : c.s.table("agentslog").descendingMap().entrySet()) {
            JsonObject r = e.getValue();
            List<String> addresses = strings(r.get("addressids"));
            List<String> estates = strings(r.get("estateid"));
            if (!resourceId.isBlank() && !resourceId.strip().equals(String.valueOf(e.getKey()))) continue;
            if (!addressIds.isEmpty() && addresses.stream().noneMatch(addressIds::contains)) continue;
            if (!estateIds.isEmpty() && estates.stream().noneMatch(estateIds::contains)) continue;
            JsonObject view = new JsonObject();
            view.addProperty("Nr", e.getKey());
            view.add("Adress_nr", array(addresses));
            view.add("Objekt_nr", array(estates));
            AGENTSLOG_FIELDS.forEach((stored, read) -> view.add(read, r.has(stored) ? r.get(stored) : JsonNull.INSTANCE));
            views.add(new AbstractMap.SimpleEntry<>(e.getKey(), view));
        }
        return c.listViews("agentslog", views, p);
    }

    /**
     * READ task: {@code relatedAddressId} / {@code relatedEstateId} restrict to tasks linked to that record, then
     * {@code filter} (also on {@code Nr}, the task id), paging and {@code data}; the links are answered as arrays of
     * id strings, as the page's example shows.
     */
    SimOutcome tasks(String resourceId, JsonObject p) throws SimError {
        if (!c.mayRead(ApiRight.TASK_MANAGEMENT, ApiRight.READ_TASKS)) return SimOutcome.none();
        if (strings(p.get("data")).contains("Nr")) throw SimError.invalid("Nr", "cannot be read in data");
        String address = str(p, "relatedAddressId");
        String estate = str(p, "relatedEstateId");
        List<Map.Entry<Long, JsonObject>> views = new ArrayList<>();
        for (Map.Entry<Long, JsonObject> e : c.s.table("task").entrySet()) {
            JsonObject r = e.getValue();
            if (!resourceId.isBlank() && !resourceId.strip().equals(String.valueOf(e.getKey()))) continue;
            if (address != null && !address.equals(str(r, "relatedAddressId"))) continue;
            if (estate != null && !estate.equals(str(r, "relatedEstateId"))) continue;
            JsonObject view = r.deepCopy();
            view.addProperty("_Nr", e.getKey());
            view.add("relatedAddressId", array(strings(r.get("relatedAddressId"))));
            view.add("relatedEstateId", array(strings(r.get("relatedEstateId"))));
            views.add(new AbstractMap.SimpleEntry<>(e.getKey(), view));
        }
        JsonObject q = p.deepCopy();
        JsonObject filter = object(p, "filter").deepCopy();
        if (filter.has("Nr")) filter.add("_Nr", filter.remove("Nr")); // filterable, never shown
        q.add("filter", filter);
        return c.listViews("task", views, q, List.of("relatedAddressId", "relatedEstateId"));
    }

    /**
     * GET appointmentList: {@code filter.startDate} and {@code filter.endDate} are mandatory; an appointment is listed
     * when it overlaps that period. Also {@code isCancelled}, {@code isDone}, {@code userIds} and op-filters on
     * {@code notes}, {@code subject}, {@code type}; {@code resourceid} reads one appointment. Times are answered in
     * ISO 8601 with the Berlin offset (the reference documents the format, not the zone); at most 500.
     */
    SimOutcome appointmentList(String resourceId, JsonObject p) throws SimError {
        JsonObject filter = object(p, "filter");
        LocalDateTime from = date(filter, "startDate").atStartOfDay();
        LocalDateTime to = date(filter, "endDate").plusDays(1).atStartOfDay();
        if (!c.mayRead(ApiRight.APPOINTMENT_MANAGEMENT, ApiRight.READ_APPOINTMENTS)) return SimOutcome.none();
        JsonObject ops = new JsonObject();
        for (String k : List.of("notes", "subject", "type", "createdBy")) {
            if (filter.has(k) && filter.get(k).isJsonArray()) ops.add(k, filter.get(k));
        }
        List<String> userIds = strings(filter.get("userIds"));
        List<Map.Entry<Long, JsonObject>> views = new ArrayList<>();
        for (Map.Entry<Long, JsonObject> e : c.s.table("calendar").entrySet()) {
            JsonObject r = e.getValue();
            if (!resourceId.isBlank() && !resourceId.strip().equals(String.valueOf(e.getKey()))) continue;
            LocalDateTime start = stored(r, "start_dt");
            LocalDateTime end = stored(r, "end_dt");
            if (start == null || end == null || !start.isBefore(to) || end.isBefore(from)) continue;
            String status = str(r, "status") == null ? "active" : str(r, "status");
            if (filter.has("isCancelled") && SimJson.bool(filter.get("isCancelled")) != status.equals("canceled")) continue;
            if (filter.has("isDone") && SimJson.bool(filter.get("isDone")) != status.equals("completed")) continue;
            List<String> users = strings(object(r, "subscribers").get("users"));
            if (!userIds.isEmpty() && users.stream().noneMatch(userIds::contains)) continue;
            JsonObject flat = new JsonObject();
            flat.addProperty("notes", str(r, "note"));
            flat.addProperty("subject", str(r, "description"));
            flat.addProperty("type", str(r, "art"));
            if (!SimFilter.matches(flat, ops)) continue;
            views.add(new AbstractMap.SimpleEntry<>(e.getKey(), view(e.getKey(), r, start, end, status, users)));
        }
        views.sort(Comparator.comparing(v -> v.getValue().getAsJsonObject("date").get("start").getAsString()));
        JsonObject q = new JsonObject();
        q.addProperty("listlimit", 500);
        if (p.has("data")) q.add("data", p.get("data"));
        return c.listViews("calendar", views, q);
    }

    private static JsonObject view(long id, JsonObject r, LocalDateTime start, LocalDateTime end, String status,
                                   List<String> users) {
        JsonObject view = new JsonObject();
        view.addProperty("id", String.valueOf(id));
        view.addProperty("subject", str(r, "description"));
        view.addProperty("notes", str(r, "note"));
        view.add("type", valueAndLabel(str(r, "art")));
        view.add("status", valueAndLabel(status));
        view.addProperty("private", SimJson.bool(r.get("private")));
        JsonObject date = new JsonObject();
        date.addProperty("start", start.atZone(ZONE).toOffsetDateTime().toString());
        date.addProperty("end", end.atZone(ZONE).toOffsetDateTime().toString());
        date.addProperty("allDay", SimJson.bool(r.get("ganztags")));
        view.add("date", date);
        JsonArray userList = new JsonArray();
        users.forEach(u -> {
            JsonObject user = new JsonObject();
            user.addProperty("id", u);
            userList.add(user);
        });
        view.add("users", userList);
        JsonArray contacts = new JsonArray();
        for (String address : strings(r.get("relatedAddressIds"))) {
            JsonObject contact = new JsonObject();
            contact.addProperty("id", address);
            contact.addProperty("confirmationStatus", "not-set");
            contacts.add(contact);
        }
        view.add("contacts", contacts);
        String estate = str(r, "relatedEstateId");
        if (estate == null) {
            view.add("estate", JsonNull.INSTANCE);
        } else {
            JsonObject e = new JsonObject();
            e.addProperty("id", estate);
            view.add("estate", e);
        }
        return view;
    }

    private static JsonElement valueAndLabel(String value) {
        if (value == null) return JsonNull.INSTANCE;
        JsonObject o = new JsonObject();
        o.addProperty("value", value);
        o.addProperty("label", value);
        return o;
    }

    private static LocalDate date(JsonObject filter, String key) throws SimError {
        String s = str(filter, key);
        if (s == null || s.isBlank()) throw SimError.missingParameter("filter." + key);
        try {
            return LocalDate.parse(s.strip().substring(0, Math.min(10, s.strip().length())));
        } catch (DateTimeParseException e) {
            throw SimError.invalid(key, "'" + s + "' is not a date YYYY-MM-DD");
        }
    }

    private static LocalDateTime stored(JsonObject r, String key) {
        try {
            return LocalDateTime.parse(str(r, key), STORED);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonArray array(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(v -> a.add(new JsonPrimitive(v)));
        return a;
    }
}
