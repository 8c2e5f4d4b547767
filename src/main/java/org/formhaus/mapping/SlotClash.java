package org.formhaus.mapping;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.ActionResult;

/**
 * The second look at a booked viewing slot, at delivery (onoffice-api.md: "There is no lock ... re-check"): a slot
 * offered on the page may have been taken in onOffice itself before the submission arrives. Stage one reads the
 * appointments of the slot's day (GET appointmentList, of every user: the agent's id comes from the same request's
 * answers) and records those that come within the window's buffer of the slot as {@code calendar.clash}
 * ({@code "<appointment id>:<user id> <user id>,..."}, "" when none). The appointment is still created (onOffice does
 * not refuse overlaps, and the visitor was told the slot is theirs); when one of the clashing appointments is the
 * agent's, its subject starts with {@code [Terminkonflikt]} and its note names them, so the agent arranges another
 * time with the visitor. A lookup: when the read fails, the appointment is created unmarked. Stateless.
 */
final class SlotClash {

    static final String KEY = "calendar.clash";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SlotClash() {
    }

    /** The read in stage one, for an appointment from {@code start} to {@code end} ({@code yyyy-MM-dd HH:mm:ss}). */
    static PlannedStep step(SlotWindow window, String start, String end, RecordTag own) {
        LocalDateTime from = LocalDateTime.parse(start, DATE_TIME);
        LocalDateTime to = LocalDateTime.parse(end, DATE_TIME);
        LocalDate first = from.minusMinutes(window.bufferMinutes()).toLocalDate();
        LocalDate last = to.plusMinutes(window.bufferMinutes()).toLocalDate();
        return new PlannedStep(KEY, r -> AgentCalendar.list(first, last, null),
                (result, stage) -> clashes(result, from, to, window.bufferMinutes(), own), true, null);
    }

    private static String clashes(ActionResult result, LocalDateTime from, LocalDateTime to, int buffer,
                                  RecordTag own) {
        List<String> found = new ArrayList<>();
        for (var rec : result.records()) {
            if (own.in(rec.get("notes"))) {
                continue; // this submission's own appointment, created by a try whose reply was lost
            }
            AgentCalendar.Busy busy = AgentCalendar.interval(rec);
            if (busy != null && busy.clashes(from, to, buffer)) {
                found.add(rec.id() + ":" + String.join(" ", users(rec.elements().get("users"))));
            }
        }
        return String.join(",", found);
    }

    /** The agent's appointments among the recorded clashes; empty when none or unknown. */
    static List<String> ofAgent(JsonObject records, Long agentId) {
        JsonElement recorded = records.get(KEY);
        List<String> ids = new ArrayList<>();
        if (agentId == null || recorded == null || recorded.isJsonNull() || recorded.getAsString().isEmpty()) {
            return ids;
        }
        for (String entry : recorded.getAsString().split(",")) {
            int colon = entry.indexOf(':');
            if (colon > 0 && List.of(entry.substring(colon + 1).split(" ")).contains(String.valueOf(agentId))) {
                ids.add(entry.substring(0, colon));
            }
        }
        return ids;
    }

    /** Marks the appointment's subject and note when the agent has another appointment at its time. */
    static void mark(Map<String, Object> data, List<String> clashing) {
        if (clashing.isEmpty()) {
            return;
        }
        data.put("description", "[Terminkonflikt] " + data.get("description"));
        data.put("note", "Achtung: Zu dieser Zeit hat der Betreuer schon einen Termin (Nr. "
                + String.join(", ", clashing) + "), der nach dem Angebot des Termins eingetragen wurde. Bitte einen "
                + "neuen Termin mit dem Interessenten vereinbaren.\n\n" + data.get("note"));
    }

    private static List<String> users(JsonElement users) {
        List<String> out = new ArrayList<>();
        if (users != null && users.isJsonArray()) {
            for (JsonElement u : users.getAsJsonArray()) {
                JsonElement id = u.isJsonObject() ? u.getAsJsonObject().get("id") : u;
                if (id != null && id.isJsonPrimitive()) {
                    out.add(id.getAsString().strip());
                }
            }
        }
        return out;
    }
}
