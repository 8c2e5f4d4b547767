package org.formhaus.mapping;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.EditSettings;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormKind;
import org.formhaus.onoffice.Actions;

/**
 * What a form does with records it links to rather than creates, from the definition's {@code "onoffice"} object:
 * <pre>{@code
 * "onoffice": {
 *   "relations": ["interested", "buyer"],        // estate–address relations (owner, valuation forms: ["owner"])
 *   "project": 17,                               // the project the agent's-log entry and the task are linked to
 *   "priceOffer": "gebot",                       // DO priceOffer with this number field's value
 *   "writeValues": [{"from": "neuer_status", "to": "estate.status"}],
 *   "liveRules": [{"field": "gebot", "compare": "greaterOrEqual", "record": "estate.kaufpreis", "plus": 1000,
 *                  "message": "Ihr Gebot muss den aktuellen Preis um mindestens 1.000 € übersteigen."}]
 * }
 * }</pre>
 * The estate is the form's estate: the one it creates (owner, valuation, custom forms with estate fields) or the one
 * it is about (the field mapped to {@code estate.Id}); the address is the form's address. Each problem is named by its
 * place ({@code onoffice.relations[1]}). Immutable.
 */
record RecordLinks(List<String> relations, Long project, String priceOffer, List<WriteValue> writeValues,
                   List<LiveRule> liveRules) {

    /** The relation names a form may choose, each with onOffice's URN (estate is the parent, address the child). */
    static final Map<String, String> RELATIONS = relationTypes();

    /** Copy the value of form field {@code from} into {@code module.field} of the form's estate or address. */
    record WriteValue(String from, String module, String field) {
    }

    private static final Set<FieldType> NUMBERS = EnumSet.of(FieldType.NUMBER, FieldType.CURRENCY, FieldType.AREA,
            FieldType.HIDDEN, FieldType.SELECT, FieldType.RADIO);

    RecordLinks {
        relations = List.copyOf(relations);
        writeValues = List.copyOf(writeValues);
        liveRules = List.copyOf(liveRules);
    }

    static RecordLinks of(FormDefinition form) {
        return parse(form, new ArrayList<>());
    }

    boolean any() {
        return !relations.isEmpty() || project != null || priceOffer != null || !writeValues.isEmpty()
                || !liveRules.isEmpty();
    }

    /** Parses the links, adding a problem for each member that cannot work on this form. */
    static RecordLinks parse(FormDefinition form, List<Problem> problems) {
        JsonElement raw = form.source() == null ? null : form.source().get("onoffice");
        JsonObject o = raw != null && raw.isJsonObject() ? raw.getAsJsonObject() : new JsonObject();
        FormShape shape = new FormShape(form);
        List<String> relations = relations(o, form.kind(), shape, problems);
        Long project = project(o, form, problems);
        String priceOffer = priceOffer(o, form, shape, problems);
        List<WriteValue> writes = writeValues(o, form, shape, problems);
        List<LiveRule> rules = LiveRule.parse(o.get("liveRules"), form, shape.inquiredEstate() || shape.editedEstate(),
                problems);
        if (shape.edits()) {
            // an edit link's submission is one MODIFY (RecordEdits.plan): these would be silently skipped
            for (String key : List.of("relations", "project", "priceOffer", "writeValues", "duplicates", "routing",
                    "activity", "task")) {
                if (o.has(key)) {
                    problems.add(new Problem("onoffice." + key, "an edit form only modifies the record of its link"));
                }
            }
            // of the appointment settings only the duration acts: it ends a moved appointment without an end
            if (o.has("appointment") && o.get("appointment").isJsonObject()) {
                for (String key : o.getAsJsonObject("appointment").keySet()) {
                    if (!key.equals("durationMinutes")) {
                        problems.add(new Problem("onoffice.appointment." + key,
                                "an edit form only modifies the record of its link"));
                    }
                }
            }
        }
        if (form.kind() == FormKind.NEWSLETTER) {
            for (String key : List.of("relations", "project", "priceOffer", "writeValues", "liveRules")) {
                if (o.has(key)) {
                    problems.add(new Problem("onoffice." + key, "a newsletter form writes only its address"));
                }
            }
        }
        return new RecordLinks(relations, project, priceOffer, writes, rules);
    }

    /** Which estate and address a form has, judged from its kind and mappings. */
    record FormShape(boolean address, boolean newEstate, boolean inquiredEstate, String edited) {

        FormShape(FormDefinition form) {
            this(form.kind() != FormKind.CUSTOM || maps(form, "address."),
                    form.kind() == FormKind.OWNER || form.kind() == FormKind.VALUATION
                            || form.kind() == FormKind.CUSTOM && maps(form, "estate.") && !mapsEstateId(form),
                    mapsEstateId(form), EditSettings.of(form) == null ? null : EditSettings.of(form).module());
        }

        /** An edit form (it modifies the record its edit link loaded, nothing else). */
        boolean edits() {
            return edited != null;
        }

        /** An edit form of an estate: the loaded estate is what its live rules look at. */
        boolean editedEstate() {
            return "estate".equals(edited);
        }

        boolean estate() {
            return newEstate || inquiredEstate;
        }

        private static boolean maps(FormDefinition form, String prefix) {
            return form.fields().stream().anyMatch(f -> f.maps() != null && f.maps().startsWith(prefix)
                    && f.type() != FieldType.FILE);
        }

        private static boolean mapsEstateId(FormDefinition form) {
            return form.fields().stream().anyMatch(f -> "estate.Id".equals(f.maps()));
        }
    }

    private static List<String> relations(JsonObject o, FormKind kind, FormShape shape, List<Problem> problems) {
        JsonElement e = o.get("relations");
        if (e == null || e.isJsonNull()) {
            return kind == FormKind.OWNER || kind == FormKind.VALUATION ? List.of("owner") : List.of();
        }
        if (!e.isJsonArray()) {
            problems.add(new Problem("onoffice.relations", "must be a list of "
                    + String.join(", ", RELATIONS.keySet())));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        JsonArray a = e.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            JsonElement item = a.get(i);
            String name = item.isJsonPrimitive() ? item.getAsString() : null;
            if (name == null || !RELATIONS.containsKey(name)) {
                problems.add(new Problem("onoffice.relations[" + i + "]", "must be one of "
                        + String.join(", ", RELATIONS.keySet())));
            } else if (!out.contains(name)) {
                out.add(name);
            }
        }
        if (!out.isEmpty() && !(shape.estate() && shape.address())) {
            problems.add(new Problem("onoffice.relations", "links an estate and an address, but this form has "
                    + (shape.address() ? "no estate (map a field to estate.Id, or create one on an owner, valuation "
                    + "or custom form)" : "no address")));
        }
        return out;
    }

    private static Long project(JsonObject o, FormDefinition form, List<Problem> problems) {
        JsonElement e = o.get("project");
        if (e == null || e.isJsonNull()) {
            return null;
        }
        long id;
        try {
            // a fraction is refused, not cut off (as every whole number of the section)
            id = new BigDecimal(e.getAsString().strip()).longValueExact();
        } catch (RuntimeException ex) {
            id = 0;
        }
        if (id < 1) {
            problems.add(new Problem("onoffice.project", "must be an onOffice project number (a whole number ≥ 1)"));
            return null;
        }
        MappingOptions options = MappingOptions.parse(form, new ArrayList<>());
        if (options.activity() == null && options.task() == null) {
            problems.add(new Problem("onoffice.project", "onOffice links a project to the agent's-log entry or the "
                    + "task, and this form writes neither"));
        }
        return id;
    }

    private static String priceOffer(JsonObject o, FormDefinition form, FormShape shape, List<Problem> problems) {
        JsonElement e = o.get("priceOffer");
        if (e == null || e.isJsonNull()) {
            return null;
        }
        String name = e.isJsonPrimitive() ? e.getAsString() : "";
        Optional<Field> field = form.field(name);
        if (field.isEmpty()) {
            problems.add(new Problem("onoffice.priceOffer", "must name a field of this form (the offer's amount)"));
        } else if (!NUMBERS.contains(field.get().type())) {
            problems.add(new Problem("onoffice.priceOffer", "'" + name + "' is a " + field.get().type().jsonName()
                    + " field; an offer needs a number, currency or hidden field"));
        }
        if (!shape.inquiredEstate() || !shape.address()) {
            problems.add(new Problem("onoffice.priceOffer", "an offer is made for an existing estate by an address: "
                    + "the form needs a field mapped to estate.Id and an address"));
        }
        return name;
    }

    private static List<WriteValue> writeValues(JsonObject o, FormDefinition form, FormShape shape,
                                                List<Problem> problems) {
        JsonElement e = o.get("writeValues");
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        if (!e.isJsonArray()) {
            problems.add(new Problem("onoffice.writeValues", "must be a list of {\"from\", \"to\"}"));
            return List.of();
        }
        List<WriteValue> out = new ArrayList<>();
        JsonArray a = e.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            String place = "onoffice.writeValues[" + i + "]";
            if (!a.get(i).isJsonObject()) {
                problems.add(new Problem(place, "must be an object {\"from\", \"to\"}"));
                continue;
            }
            JsonObject row = a.get(i).getAsJsonObject();
            String from = text(row, "from");
            String to = text(row, "to");
            Optional<Field> source = from == null ? Optional.empty() : form.field(from);
            if (source.isEmpty() || !source.get().type().carriesValue()) {
                problems.add(new Problem(place + ".from", "must name a field of this form that holds a value"));
            }
            int dot = to == null ? -1 : to.indexOf('.');
            String module = dot > 0 ? to.substring(0, dot) : "";
            String name = dot > 0 ? to.substring(dot + 1) : "";
            if (!(module.equals("estate") || module.equals("address")) || name.isBlank() || name.equals("Id")) {
                problems.add(new Problem(place + ".to", "must be estate.<field> or address.<field>: a field of the "
                        + "form's estate or address"));
                continue;
            }
            if (module.equals("address") && AddressFields.isContact(name)) {
                problems.add(new Problem(place + ".to", "contact data (e-mail, phone, fax) cannot be written by "
                        + "value: onOffice changes it by its old value; map the field to it instead"));
                continue;
            }
            if (module.equals("estate") ? !shape.estate() : !shape.address()) {
                problems.add(new Problem(place + ".to", "this form has no " + module + " to write to"));
                continue;
            }
            if (source.isPresent()) {
                out.add(new WriteValue(from, module, name));
            }
        }
        return out;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonPrimitive() || e.getAsString().isBlank() ? null : e.getAsString().strip();
    }

    static BigDecimal number(JsonElement e) {
        try {
            return e == null || e.isJsonNull() ? null : e.getAsBigDecimal();
        } catch (RuntimeException ex) {
            return null;
        }
    }

    private static Map<String, String> relationTypes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("owner", Actions.RELATION_OWNER);
        m.put("buyer", Actions.RELATION_BUYER);
        m.put("renter", Actions.RELATION_TENANT);
        m.put("interested", Actions.RELATION_INTERESTED);
        m.put("contactPerson", Actions.RELATION_CONTACT_PERSON);
        m.put("contactPersonAll", Actions.RELATION_CONTACT_PERSON_ALL);
        return java.util.Collections.unmodifiableMap(m);
    }
}
