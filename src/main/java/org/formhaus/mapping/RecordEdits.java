package org.formhaus.mapping;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.formhaus.forms.Decimals;
import org.formhaus.forms.EditSettings;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionKind;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.Actions;

/**
 * Editing an existing onOffice record through an edit link: reading it once into the form's fields
 * ({@link #read}, {@link #formValues}) and the plan of a submission of an edit form ({@link #plan}): ONE request, a
 * MODIFY of that record by id with the values of the fields mapped to its module. The record's id is put into the
 * submission's records under {@code edit.<module>} when it is accepted (never in a page or URL); the modify is
 * recorded as {@code modified.<module>}. A MODIFY sets the same values again when repeated, so a try after a lost reply
 * simply sends it again: exactly once in effect, without a probe. Reads per module (onoffice-api.md §5):
 * <ul>
 *   <li>address: READ address by id ({@code data}: the mapped fields);</li>
 *   <li>estate: READ estate by id;</li>
 *   <li>searchcriteria: GET searchcriterias, {@code mode: searchcriteria} (ranges come back as
 *       {@code range_<field>: [from, to]});</li>
 *   <li>calendar: READ calendar by id (deprecated but still answering, and the only read that answers the create
 *       field names {@code start_dt}, {@code note}, ... that MODIFY calendar takes).</li>
 * </ul>
 * Stateless.
 */
public final class RecordEdits {

    /** The records key holding the edited record's id: {@code edit.searchcriteria}. */
    public static final String RECORD_PREFIX = "edit.";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RecordEdits() {
    }

    /** The records key the edited record's id is kept under. */
    public static String recordKey(String module) {
        return RECORD_PREFIX + module;
    }

    /** The onOffice field names of {@code module} the form's fields map (a range's {@code __von}/{@code __bis} cut). */
    static Set<String> mappedFields(FormDefinition form, String module) {
        Set<String> names = new LinkedHashSet<>();
        for (Field f : form.fields()) {
            if (f.maps() != null && f.maps().startsWith(module + ".") && f.type().carriesValue()) {
                names.add(f.maps().substring(module.length() + 1).replaceFirst("__(von|bis)$", ""));
            }
        }
        return names;
    }

    /** The one read that loads the record with the fields the form maps. */
    public static Action read(FormDefinition form, String module, String recordId) {
        List<String> fields = new ArrayList<>(mappedFields(form, module));
        JsonObject p = new JsonObject();
        switch (module) {
            case "address", "calendar" -> {
                JsonArray data = new JsonArray();
                fields.forEach(data::add);
                if (module.equals("address")) {
                    p.add("data", data);
                }
                return Action.of(ActionKind.READ, module, recordId, "load", p);
            }
            case "estate" -> {
                return Actions.readEstate(recordId, fields).withIdentifier("load");
            }
            case "searchcriteria" -> {
                p.addProperty("mode", "searchcriteria");
                JsonArray ids = new JsonArray();
                ids.add(recordId);
                p.add("ids", ids);
                return Action.of(ActionKind.GET, "searchcriterias", "", "load", p);
            }
            default -> throw new IllegalArgumentException("Module '" + module + "' cannot be edited");
        }
    }

    /**
     * The loaded record's values by onOffice field name, as strings or lists (what {@code {{record.Field}}} shows);
     * null when onOffice answered no record (gone, or not readable by the API user).
     */
    public static Map<String, Object> recordValues(ActionResult result, String recordId) {
        if (result.records().isEmpty()) {
            return null;
        }
        JsonObject elements = result.records().stream().filter(r -> recordId.equals(r.id())).findFirst()
                .orElse(result.records().get(0)).elements();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : elements.entrySet()) {
            Object v = plain(e.getValue());
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    /** The form's starting values from the record: each field mapped to the module gets the record's value. */
    public static Map<String, Object> formValues(FormDefinition form, String module, Map<String, Object> record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : form.fields()) {
            if (f.maps() == null || !f.maps().startsWith(module + ".") || !f.type().carriesValue()
                    || f.type() == FieldType.FILE) {
                continue;
            }
            String name = f.maps().substring(module.length() + 1);
            Object value = f.type() == FieldType.RANGE ? range(record, name) : single(record, name);
            Object shown = shown(f, value, form.language());
            if (shown != null) {
                values.put(f.name(), shown);
            }
        }
        return values;
    }

    /** A range field's [from, to]: {@code range_<field>} (GET searchcriterias), else {@code __von}/{@code __bis}. */
    private static Object range(Map<String, Object> record, String name) {
        Object pair = record.get("range_" + name);
        if (pair instanceof List<?> list && list.size() == 2) {
            return List.of(String.valueOf(list.get(0)), String.valueOf(list.get(1)));
        }
        Object from = record.get(name + "__von");
        Object to = record.get(name + "__bis");
        return from == null && to == null ? null : List.of(from == null ? "" : from.toString(),
                to == null ? "" : to.toString());
    }

    private static Object single(Map<String, Object> record, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+)__(von|bis)$").matcher(name);
        if (!record.containsKey(name) && m.matches() && record.get("range_" + m.group(1)) instanceof List<?> list
                && list.size() == 2) {
            return String.valueOf(list.get(m.group(2).equals("von") ? 0 : 1));
        }
        return record.get(name);
    }

    /** A record value as the form field shows it: numbers with the form's decimal mark, dates as ISO dates. */
    private static Object shown(Field field, Object value, String language) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(field.type().numeric() ? number(String.valueOf(o), language) : String.valueOf(o));
            }
            return field.type().multiValued() ? parts : String.join(", ", parts);
        }
        String s = value.toString();
        if (field.type() == FieldType.CHECKBOXES) {
            return ValueConverter.values(s.startsWith("|") ? List.of(s.split("\\|")) : List.of(s.split(",")));
        }
        if (field.type().numeric()) {
            return number(s, language);
        }
        if (field.type() == FieldType.DATE) {
            return s.length() >= 10 && !s.startsWith("0000") ? s.substring(0, 10) : null;
        }
        return s;
    }

    /** onOffice's {@code "450000.00"} as the form writes it: {@code 450000}; {@code "120.5"} → {@code 120,5} (de). */
    private static String number(String s, String language) {
        if (s.isBlank()) {
            return "";
        }
        try {
            return Decimals.format(new BigDecimal(s.strip().replace(",", ".")), Decimals.SCALE, language);
        } catch (NumberFormatException e) {
            return s;
        }
    }

    private static Object plain(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonArray()) {
            List<String> list = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> list.add(x.isJsonPrimitive() ? x.getAsString() : x.toString()));
            return list;
        }
        if (e.isJsonObject()) {
            return null; // _meta and other blocks are not field values
        }
        return e.getAsString();
    }

    /**
     * The plan of an edit form's submission: one MODIFY of the recorded record with the values of the fields mapped
     * to its module (a field left empty leaves the record's value as it is). An appointment whose start is changed
     * without an end keeps its length: the end is start + the form's appointment duration.
     */
    static MappingPlan plan(EditSettings edit, MappedValues mapped, MappingOptions options) {
        String module = edit.module();
        PlannedStep modify = new PlannedStep("modified." + module, r -> {
            String id = r.has(recordKey(module)) ? r.get(recordKey(module)).getAsString() : "";
            if (id.isEmpty()) {
                throw new MappingException("This submission of an edit form names no " + module + " record to modify");
            }
            return modify(module, id, mapped.module(module), options);
        }, (result, stage) -> "ok", false, null);
        return new MappingPlan(List.of(List.of(modify)));
    }

    private static Action modify(String module, String id, Map<String, Object> data, MappingOptions options) {
        switch (module) {
            case "address" -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                data.forEach((name, value) -> fields.put(AddressFields.writeKey(name), value));
                return Actions.modifyAddress(id, fields);
            }
            case "estate" -> {
                return Actions.modifyEstate(id, data);
            }
            case "calendar" -> {
                if (data.containsKey("start_dt")) {
                    String start = ValueConverter.dateTime("start_dt", data.get("start_dt").toString());
                    data.put("start_dt", start);
                    data.computeIfAbsent("end_dt", k -> LocalDateTime.parse(start, DATE_TIME)
                            .plusMinutes(options.appointment().durationMinutes()).format(DATE_TIME));
                }
                if (data.containsKey("end_dt")) {
                    data.put("end_dt", ValueConverter.dateTime("end_dt", data.get("end_dt").toString()));
                }
                return Actions.modifyAppointment(id, data);
            }
            case "searchcriteria" -> {
                return Actions.modifySearchCriteria(id, data);
            }
            default -> throw new MappingException("Module '" + module + "' cannot be edited");
        }
    }
}
