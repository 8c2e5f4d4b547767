package org.formhaus.mapping;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.Supplier;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionKind;
import org.formhaus.onoffice.OnOfficeRecord;

/**
 * The reads that find an agent's-log entry, task, appointment or search criterion an earlier try created when its
 * reply was lost, by the {@link RecordTag} line in one of its text fields (onoffice-api.md §5):
 * <ul>
 * <li>agent's log: READ {@code agentslog} of the address (else the estate), {@code Bemerkung} filtered with
 * {@code like};</li>
 * <li>task: READ {@code task} related to the address (else the estate), {@code Kommentar} filtered with
 * {@code like};</li>
 * <li>appointment: GET {@code appointmentList} from the day before its start to the day after (the filter's dates
 * are mandatory and their time zone is undocumented), {@code notes} filtered with {@code like};</li>
 * <li>search criterion: GET {@code searchcriterias} of the address ({@code mode} internal), the public remark read
 * back as {@code _meta.publicnote}: the only note of a search criterion onOffice documents as readable.</li>
 * </ul>
 * Each answer is checked for the tag again, so a server that ignored the filter still finds only the tagged record.
 * The probes run only on a try after a lost reply, never in the normal two requests. Stateless.
 */
final class TagProbes {

    private static final int LIMIT = 100;

    private TagProbes() {
    }

    static PlannedStep.Probe agentsLog(RecordTag tag, String estateRef) {
        return new PlannedStep.Probe(r -> {
            JsonObject p = new JsonObject();
            p.add("data", strings("Bemerkung"));
            String address = recorded(r, "address");
            String estate = recorded(r, "estate") != null ? recorded(r, "estate") : estateRef;
            if (address != null) {
                p.add("addressid", ids(address));
            } else if (estate != null) {
                p.add("estateid", ids(estate));
            }
            p.add("filter", tag.likeFilter("Bemerkung"));
            p.addProperty("listlimit", LIMIT);
            return Action.of(ActionKind.READ, "agentslog", p);
        }, tagged(tag, rec -> rec.get("Bemerkung")));
    }

    static PlannedStep.Probe task(RecordTag tag, String estateRef) {
        return new PlannedStep.Probe(r -> {
            JsonObject p = new JsonObject();
            p.add("data", strings("Kommentar"));
            String address = recorded(r, "address");
            String estate = recorded(r, "estate") != null ? recorded(r, "estate") : estateRef;
            if (address != null) {
                p.add("relatedAddressId", id(address));
            } else if (estate != null) {
                p.add("relatedEstateId", id(estate));
            }
            p.add("filter", tag.likeFilter("Kommentar"));
            p.addProperty("listlimit", LIMIT);
            return Action.of(ActionKind.READ, "task", p);
        }, tagged(tag, rec -> rec.get("Kommentar")));
    }

    /**
     * @param start the appointment's {@code start_dt} as sent ({@code yyyy-MM-dd HH:mm:ss}); asked only when the probe
     *              runs, i.e. after a create that was built from it
     */
    static PlannedStep.Probe appointment(RecordTag tag, Supplier<String> start) {
        return new PlannedStep.Probe(r -> {
            LocalDate day = LocalDate.parse(start.get().substring(0, 10));
            JsonObject filter = tag.likeFilter("notes");
            filter.addProperty("startDate", day.minusDays(1).toString());
            filter.addProperty("endDate", day.plusDays(1).toString());
            JsonObject p = new JsonObject();
            p.add("data", strings("id", "notes"));
            p.add("filter", filter);
            return Action.of(ActionKind.GET, "appointmentList", p);
        }, tagged(tag, rec -> rec.get("notes")));
    }

    static PlannedStep.Probe searchCriteria(RecordTag tag) {
        return new PlannedStep.Probe(r -> {
            String address = recorded(r, "address");
            if (address == null) {
                return null; // a search criterion always belongs to an address; without one none was created
            }
            JsonObject p = new JsonObject();
            p.addProperty("mode", "internal");
            p.add("ids", ids(address));
            p.addProperty("listlimit", 500);
            return Action.of(ActionKind.GET, "searchcriterias", p);
        }, tagged(tag, rec -> {
            JsonElement meta = rec.elements().get("_meta");
            JsonElement note = meta != null && meta.isJsonObject() ? meta.getAsJsonObject().get("publicnote") : null;
            return note == null || !note.isJsonPrimitive() ? null : note.getAsString();
        }));
    }

    /** The id of the first record whose text (as {@code text} reads it) carries the tag; null when none does. */
    private static PlannedStep.Found tagged(RecordTag tag, Function<OnOfficeRecord, String> text) {
        return (result, records) -> {
            for (OnOfficeRecord rec : result.records()) {
                if (tag.in(text.apply(rec)) && rec.id() != null && !rec.id().isEmpty()) {
                    return rec.id();
                }
            }
            return null;
        };
    }

    private static String recorded(JsonObject records, String key) {
        JsonElement e = records.get(key);
        return e == null || e.isJsonNull() || e.getAsString().isEmpty() ? null : e.getAsString();
    }

    /** A record id as onOffice's examples write it: a number. */
    private static JsonPrimitive id(String id) {
        return id.matches("\\d{1,18}") ? new JsonPrimitive(Long.parseLong(id)) : new JsonPrimitive(id);
    }

    private static JsonArray ids(String id) {
        JsonArray a = new JsonArray();
        a.add(id(id));
        return a;
    }

    private static JsonArray strings(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }
}
