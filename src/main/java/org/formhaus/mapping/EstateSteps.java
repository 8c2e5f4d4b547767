package org.formhaus.mapping;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionKind;
import org.formhaus.onoffice.Actions;

/**
 * The estate steps: the estate an inquiry is about, the new estate of an owner or valuation form (stage one, tagged
 * with an external number derived from the submission, so that a retry after a lost reply finds it instead of
 * creating a second one) and the external number the form gives (last stage, replacing the tag). The estate's relations
 * to the address are {@link LinkSteps}'. Stateless.
 */
final class EstateSteps {

    private static final String EXTERNAL_NUMBER = "objektnr_extern";

    private EstateSteps() {
    }

    /** The estate an inquiry is about: the value of the field mapped to {@code estate.Id}; null when none. */
    static String inquired(MappedValues mapped) {
        Object id = mapped.module("estate").get("Id");
        if (id == null) {
            return null;
        }
        String s = id.toString().strip();
        if (!s.matches("\\d{1,18}")) {
            throw new MappingException("estate.Id: '" + s + "' is not an onOffice record number");
        }
        return s;
    }

    /**
     * The estate's external number: derived from the submission id, so that a retry after a lost reply finds the
     * estate the first try created instead of creating a second one.
     */
    static String externalNumber(String submissionId) {
        return RecordTag.of(submissionId).value();
    }

    /**
     * Stage one: the new estate with the form's estate values, found by its external number after a lost reply. The
     * estate is created under Formhaus's tag even when the form maps an external number of its own: the tag is what
     * finds it again, and {@link #givenExternalNumber} writes the given number once the estate's id is recorded.
     */
    static PlannedStep create(MappedValues mapped, String submissionId) {
        String tag = externalNumber(submissionId);
        return PlannedStep.create("estate", r -> {
            Map<String, Object> data = mapped.module("estate");
            data.remove("Id");
            data.put(EXTERNAL_NUMBER, tag);
            return Actions.createEstate(data);
        }).withProbe(estateProbe(tag));
    }

    /**
     * Last stage: the external number the visitor or the admin gave (a mapped {@code estate.objektnr_extern}) replaces
     * the tag on the estate stage one created. A modify sets the same value when repeated, so a lost reply needs no
     * probe; null when the form gives no external number.
     */
    static PlannedStep givenExternalNumber(MappedValues mapped) {
        Object given = mapped.module("estate").get(EXTERNAL_NUMBER);
        if (given == null || given.toString().isBlank()) {
            return null;
        }
        return PlannedStep.create("estate.externalNumber",
                r -> Actions.modifyEstate(r.get("estate").getAsString(), Map.of(EXTERNAL_NUMBER, given)));
    }

    private static PlannedStep.Probe estateProbe(String tag) {
        return new PlannedStep.Probe(r -> {
            JsonObject p = new JsonObject();
            JsonArray data = new JsonArray();
            data.add("Id");
            p.add("data", data);
            JsonObject condition = new JsonObject();
            condition.addProperty("op", "=");
            condition.addProperty("val", tag);
            JsonArray conditions = new JsonArray();
            conditions.add(condition);
            JsonObject filter = new JsonObject();
            filter.add(EXTERNAL_NUMBER, conditions);
            p.add("filter", filter);
            p.addProperty("listlimit", 1);
            return Action.of(ActionKind.READ, "estate", p);
        }, (result, r) -> result.firstId());
    }
}
