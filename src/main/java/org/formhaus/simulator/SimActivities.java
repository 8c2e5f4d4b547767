package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.object;
import static org.formhaus.simulator.SimJson.str;
import static org.formhaus.simulator.SimJson.strings;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.formhaus.onoffice.ApiRight;

/**
 * Activities and appointments: the agents log (READ, CREATE agentslog), tasks (READ, CREATE, MODIFY task), calendar
 * appointments (CREATE, MODIFY, deprecated READ calendar, GET appointmentList) and projects. Records are stored as
 * they were created; the agents log, tasks and appointmentList are read back under the names onOffice reads them by
 * (onoffice-api.md §5). Not thread-safe: called under {@link Simulator}'s lock.
 */
final class SimActivities {

    private static final Set<String> AGENTSLOG_KEYS = Set.of("addressids", "estateid", "actionkind", "actiontype",
            "origincontact", "features", "note", "datetime", "cost", "duration", "advisorylevel",
            "reasoncancellation", "projectid", "taskid", "appointmentid", "fileids", "userid");

    private final SimContext c;
    private final SimActivityReads reads;

    SimActivities(SimContext context) {
        this.c = context;
        this.reads = new SimActivityReads(context);
    }

    void register(Map<String, SimAction> routes) {
        routes.put("READ agentslog", reads::agentsLog);
        routes.put("CREATE agentslog", (id, p) -> createAgentsLog(p));
        routes.put("READ task", reads::tasks);
        routes.put("CREATE task", (id, p) -> createTask(p));
        routes.put("MODIFY task", (id, p) -> modify("task", "modify tasks", id, p, ApiRight.TASK_MANAGEMENT));
        routes.put("READ calendar", (id, p) -> read("calendar", id, p,
                ApiRight.APPOINTMENT_MANAGEMENT, ApiRight.READ_APPOINTMENTS));
        routes.put("CREATE calendar", (id, p) -> createAppointment(p));
        routes.put("GET appointmentList", reads::appointmentList);
        routes.put("MODIFY calendar", (id, p) -> modify("calendar", "edit appointments", id, p,
                ApiRight.APPOINTMENT_MANAGEMENT, ApiRight.EDIT_APPOINTMENTS));
        routes.put("READ project", (id, p) -> read("project", "", p,
                ApiRight.PROJECT_MANAGEMENT, ApiRight.READ_PROJECTS));
        routes.put("MODIFY project", (id, p) -> modify("project", "write projects", id, p,
                ApiRight.PROJECT_MANAGEMENT, ApiRight.WRITE_PROJECTS));
    }

    private SimOutcome createAgentsLog(JsonObject p) throws SimError {
        c.need("write agents log entries", ApiRight.AGENTS_LOG, ApiRight.ACTIVITIES, ApiRight.WRITE_ENTRIES);
        for (String k : p.keySet()) {
            if (!AGENTSLOG_KEYS.contains(k)) throw new SimError(SimError.UNKNOWN_FIELD, "Unknown field '" + k + "' for module agentsLog");
        }
        List<String> addressIds = strings(p.get("addressids"));
        String estateId = str(p, "estateid");
        if (addressIds.isEmpty() && (estateId == null || estateId.isBlank())) {
            throw SimError.missingParameter("addressids or estateid");
        }
        for (String id : addressIds) c.find("address", id, r -> true);
        if (estateId != null && !estateId.isBlank()) c.find("estate", estateId, r -> true);
        String projectId = str(p, "projectid");
        if (projectId != null && !projectId.isBlank()) c.find("project", projectId, r -> true);
        c.userId(p.get("userid")); // the entry's user ID
        JsonObject record = p.deepCopy();
        if (!record.has("datetime")) record.addProperty("datetime", c.now());
        return SimOutcome.created(c.s.insert("agentslog", record), "agentsLog");
    }

    private SimOutcome createTask(JsonObject p) throws SimError {
        c.need("create tasks", ApiRight.TASK_MANAGEMENT);
        JsonObject record = new JsonObject();
        JsonObject data = object(p, "data");
        c.copyValidated("task", data, record);
        // user NAMES; Verantwortung is a group name instead when responsibilityByGroup is 1 (groups not simulated)
        if (!"1".equals(str(p, "responsibilityByGroup"))) c.userName(data.get("Verantwortung"));
        c.userName(data.get("Bearbeiter"));
        String addressId = str(p, "relatedAddressId");
        if (addressId != null) {
            c.find("address", addressId, r -> true);
            record.addProperty("relatedAddressId", addressId);
        }
        String estateId = str(p, "relatedEstateId");
        if (estateId != null) {
            c.find("estate", estateId, r -> true);
            record.addProperty("relatedEstateId", estateId);
        }
        String projectId = str(p, "relatedProjectIds"); // documented as <int> (one project)
        if (projectId != null) {
            c.find("project", projectId, r -> true);
            record.addProperty("relatedProjectIds", projectId);
        }
        return SimOutcome.created(c.s.insert("task", record), "task");
    }

    private SimOutcome createAppointment(JsonObject p) throws SimError {
        c.need("create appointments", ApiRight.APPOINTMENT_MANAGEMENT);
        JsonObject data = object(p, "data");
        JsonObject record = new JsonObject();
        c.copyValidated("calendar", data, record);
        if (!record.has("start_dt")) throw SimError.missingParameter("data.start_dt");
        if (!record.has("end_dt")) throw SimError.missingParameter("data.end_dt");
        for (String id : strings(p.get("relatedAddressIds"))) c.find("address", id, r -> true);
        c.userName(data.get("von"));
        JsonElement users = object(p, "subscribers").get("users");
        if (users != null && !users.isJsonNull()) {
            // user IDs as numbers: 301 "Given users has to be an array of IDs" otherwise (e.g. for user names)
            if (!users.isJsonArray()) throw new SimError(SimError.USERS_NOT_IDS, "Given users has to be an array of IDs");
            for (JsonElement u : users.getAsJsonArray()) {
                if (!u.isJsonPrimitive() || !u.getAsJsonPrimitive().isNumber() || !c.knownUserId(u)) {
                    throw new SimError(SimError.USERS_NOT_IDS, "Given users has to be an array of IDs");
                }
            }
        }
        if (p.has("relatedAddressIds")) record.add("relatedAddressIds", p.get("relatedAddressIds"));
        if (p.has("relatedEstateId")) record.add("relatedEstateId", p.get("relatedEstateId"));
        if (p.has("subscribers")) record.add("subscribers", p.get("subscribers"));
        return SimOutcome.created(c.s.insert("calendar", record), "calendar");
    }

    /** READ of a stored resource; {@code resourceId} (the deprecated READ calendar by id) reads that one record. */
    private SimOutcome read(String type, String resourceId, JsonObject p, ApiRight... rights) throws SimError {
        if (!c.mayRead(rights)) return SimOutcome.none();
        return c.list(type, resourceId == null ? "" : resourceId, p, r -> true, (id, r) -> r.deepCopy());
    }

    private SimOutcome modify(String type, String operation, String resourceId, JsonObject p, ApiRight... rights)
            throws SimError {
        c.need(operation, rights);
        JsonObject record = c.find(type, resourceId, r -> true);
        if (c.catalogue.module(type).isEmpty()) {
            object(p, "data").entrySet().forEach(e -> record.add(e.getKey(), e.getValue()));
        } else {
            c.copyValidated(type, object(p, "data"), record);
        }
        return SimOutcome.created(Long.parseLong(resourceId.trim()), type);
    }
}
