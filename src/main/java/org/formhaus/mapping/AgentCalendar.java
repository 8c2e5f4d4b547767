package org.formhaus.mapping;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionKind;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.OnOfficeRecord;

/**
 * An agent's busy times from onOffice: the GET {@code appointmentList} read (onoffice-api.md, Appointment, and its
 * viewing-slot recipe, step 2) and what its answer says is taken. Used to offer free viewing slots and, at delivery,
 * to look again whether the chosen slot was taken in onOffice meanwhile. Stateless.
 */
public final class AgentCalendar {

    /** One appointment of the agent, in onOffice's local time ({@link SlotWindow#ZONE}). */
    public record Busy(String id, LocalDateTime start, LocalDateTime end) {

        /** Whether {@code from}–{@code to} comes within {@code bufferMinutes} of this appointment. */
        public boolean clashes(LocalDateTime from, LocalDateTime to, int bufferMinutes) {
            return from.isBefore(end.plusMinutes(bufferMinutes)) && to.isAfter(start.minusMinutes(bufferMinutes));
        }
    }

    private AgentCalendar() {
    }

    /**
     * GET appointmentList of {@code from} to {@code to} (whole days; the period is mandatory), cancelled ones left out;
     * of one user when {@code userId} is given, else of everyone (read when the user is known only from the same
     * request's answers). onOffice answers at most 500 per query: plenty for one agent's weeks.
     */
    public static Action list(LocalDate from, LocalDate to, Long userId) {
        JsonObject filter = new JsonObject();
        filter.addProperty("startDate", from.toString());
        filter.addProperty("endDate", to.toString());
        filter.addProperty("isCancelled", false);
        if (userId != null) {
            JsonArray users = new JsonArray();
            users.add(String.valueOf(userId)); // userIds: an array of id strings
            filter.add("userIds", users);
        }
        JsonObject p = new JsonObject();
        JsonArray data = new JsonArray();
        for (String field : List.of("id", "date", "users", "notes")) {
            data.add(field);
        }
        p.add("data", data);
        p.add("filter", filter);
        return Action.of(ActionKind.GET, "appointmentList", p);
    }

    /**
     * The appointments of {@code userId} in an appointmentList answer, leaving out any whose notes {@code own}
     * accepts (the submission's own appointment, after a lost reply).
     */
    public static List<Busy> busy(ActionResult result, long userId, Predicate<String> own) {
        List<Busy> out = new ArrayList<>();
        for (OnOfficeRecord rec : result.records()) {
            Busy busy = interval(rec);
            if (busy != null && attends(rec.elements().get("users"), userId) && !own.test(rec.get("notes"))) {
                out.add(busy);
            }
        }
        return out;
    }

    /** The time one appointment of an appointmentList answer takes (an all-day one: its whole days); null when none. */
    static Busy interval(OnOfficeRecord rec) {
        JsonObject e = rec.elements();
        JsonObject date = e.has("date") && e.get("date").isJsonObject() ? e.getAsJsonObject("date") : null;
        LocalDateTime start = date == null ? null : local(date.get("start"));
        LocalDateTime end = date == null ? null : local(date.get("end"));
        if (start == null || end == null) {
            return null;
        }
        if (date.has("allDay") && date.get("allDay").isJsonPrimitive() && date.get("allDay").getAsBoolean()) {
            start = start.toLocalDate().atStartOfDay();
            end = end.toLocalDate().plusDays(1).atStartOfDay();
        }
        return new Busy(rec.id(), start, end);
    }

    private static boolean attends(JsonElement users, long userId) {
        if (users == null || !users.isJsonArray()) {
            return false;
        }
        for (JsonElement u : users.getAsJsonArray()) {
            JsonElement id = u.isJsonObject() ? u.getAsJsonObject().get("id") : u;
            if (id != null && id.isJsonPrimitive() && id.getAsString().strip().equals(String.valueOf(userId))) {
                return true;
            }
        }
        return false;
    }

    /** ISO 8601 with offset, as appointmentList answers, in onOffice's local time. */
    private static LocalDateTime local(JsonElement e) {
        if (e == null || !e.isJsonPrimitive()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(e.getAsString()).atZoneSameInstant(SlotWindow.ZONE).toLocalDateTime();
        } catch (DateTimeParseException ex) {
            try {
                return LocalDateTime.parse(e.getAsString().replace(' ', 'T'));
            } catch (DateTimeParseException ex2) {
                return null;
            }
        }
    }
}
