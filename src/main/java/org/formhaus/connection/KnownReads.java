package org.formhaus.connection;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionKind;
import org.formhaus.onoffice.ApiRight;

/**
 * The {@link Probe.Kind#KNOWN} reads: one per kind of record that {@link KnownRecords} names, each reading those
 * records the way onOffice documents reading them by id (READ {@code address} {@code recordids}, READ {@code estate}
 * filtered on {@code Id}, READ {@code agentslog} of the addresses, READ {@code task} filtered on {@code Nr}, GET
 * {@code appointmentList} of one appointment, GET {@code searchcriterias} in mode {@code searchcriteria}). Stateless.
 */
final class KnownReads {

    /** appointmentList's period is mandatory even for one appointment by id: wide enough for any Formhaus made. */
    private static final int APPOINTMENT_YEARS = 10;

    private KnownReads() {
    }

    static List<Probe> of(LocalDate today, KnownRecords known) {
        List<Probe> out = new ArrayList<>();
        if (!known.addresses().isEmpty()) {
            JsonObject p = data("Name");
            p.add("recordids", numbers(known.addresses()));
            p.addProperty("listlimit", known.addresses().size());
            out.add(probe("addressKnown", Action.of(ActionKind.READ, "address", p), Probe.ADDRESS_READ,
                    "the addresses " + String.join(", ", known.addresses()),
                    ApiRight.ADDRESSES, ApiRight.READ_ADDRESSES));
        }
        if (!known.estates().isEmpty()) {
            JsonObject p = data("Id");
            p.add("filter", in("Id", known.estates()));
            p.addProperty("listlimit", known.estates().size());
            out.add(probe("estateKnown", Action.of(ActionKind.READ, "estate", p), Probe.ESTATE_READ,
                    "the estates " + String.join(", ", known.estates()), ApiRight.PROPERTY, ApiRight.READ_PROPERTIES));
        }
        if (!known.agentsLogAddresses().isEmpty()) {
            JsonObject p = data("Nr");
            p.add("addressid", numbers(known.agentsLogAddresses()));
            p.addProperty("listlimit", 1);
            out.add(probe("agentsLogKnown", Action.of(ActionKind.READ, "agentslog", p), Probe.AGENTS_LOG_READ,
                    "the agent's-log entries of the addresses " + String.join(", ", known.agentsLogAddresses()),
                    ApiRight.AGENTS_LOG, ApiRight.ACTIVITIES, ApiRight.READ_ENTRIES));
        }
        if (!known.tasks().isEmpty()) {
            JsonObject p = data("Betreff");
            p.add("filter", in("Nr", known.tasks()));
            p.addProperty("listlimit", known.tasks().size());
            out.add(probe("taskKnown", Action.of(ActionKind.READ, "task", p), Probe.TASK_READ,
                    "the tasks " + String.join(", ", known.tasks()), ApiRight.TASK_MANAGEMENT, ApiRight.READ_TASKS));
        }
        if (!known.appointments().isEmpty()) {
            String id = known.appointments().get(0);
            JsonObject filter = new JsonObject();
            filter.addProperty("startDate", today.minusYears(APPOINTMENT_YEARS).toString());
            filter.addProperty("endDate", today.plusYears(APPOINTMENT_YEARS).toString());
            JsonObject p = data("id");
            p.add("filter", filter);
            out.add(probe("appointmentKnown", Action.of(ActionKind.GET, "appointmentList", id, "", p),
                    Probe.APPOINTMENT_READ, "the appointment " + id, ApiRight.APPOINTMENT_MANAGEMENT,
                    ApiRight.READ_APPOINTMENTS));
        }
        if (!known.searchCriteria().isEmpty()) {
            JsonObject p = new JsonObject();
            p.addProperty("mode", "searchcriteria");
            p.add("ids", numbers(known.searchCriteria()));
            out.add(probe("searchCriteriaKnown", Action.of(ActionKind.GET, "searchcriterias", p),
                    Probe.SEARCH_CRITERIA_READ, "the search criteria " + String.join(", ", known.searchCriteria()),
                    ApiRight.READ_SEARCH_CRITERIA));
        }
        return out;
    }

    private static Probe probe(String id, Action action, String list, String what, ApiRight... rights) {
        return new Probe(id, action, List.of(rights), Probe.Kind.KNOWN, list, what);
    }

    private static JsonObject data(String field) {
        JsonArray data = new JsonArray();
        data.add(field);
        JsonObject p = new JsonObject();
        p.add("data", data);
        return p;
    }

    /** onOffice's filter {@code {"<field>": [{"op": "in", "val": [ids]}]}}. */
    private static JsonObject in(String field, List<String> ids) {
        JsonObject condition = new JsonObject();
        condition.addProperty("op", "in");
        condition.add("val", numbers(ids));
        JsonArray conditions = new JsonArray();
        conditions.add(condition);
        JsonObject filter = new JsonObject();
        filter.add(field, conditions);
        return filter;
    }

    private static JsonArray numbers(List<String> ids) {
        JsonArray a = new JsonArray();
        ids.forEach(id -> a.add(Long.parseLong(id)));
        return a;
    }
}
