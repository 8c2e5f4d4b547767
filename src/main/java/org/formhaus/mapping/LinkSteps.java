package org.formhaus.mapping;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.Field;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionKind;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.OnOfficeRecord;

/**
 * The steps of {@link RecordLinks}: what a submission does with the form's estate and address besides creating them.
 * Request one reads the estate's current values when live rules need them ({@code check.estate}); request two opens
 * with the rules' verdict (a rule that does not hold fails the submission before anything of request two is sent),
 * then links: the estate–address relations ({@code relation.<name>}, each found again after a lost reply by GET
 * {@code idsfromrelation}), the price offer ({@code priceOffer}), the written values ({@code write.estate},
 * {@code write.address}; a modify repeated sets the same values) and the project on the agent's-log entry and the
 * task. So none costs a request of its own. Stateless.
 */
final class LinkSteps {

    static final String LIVE_READ = "check.estate";
    /** Recorded by {@link #LIVE_READ} when onOffice returned no such estate (unknown, or hidden from the API user). */
    private static final String NO_RECORD = "none";

    private LinkSteps() {
    }

    /** Request two: one relation per chosen type, the form's estate as parent and its address as child. */
    static List<PlannedStep> relations(RecordLinks links, String inquired) {
        List<PlannedStep> out = new ArrayList<>();
        for (String name : links.relations()) {
            String type = RecordLinks.RELATIONS.get(name);
            out.add(PlannedStep.create("relation." + name, r -> Actions.createRelation(type, estate(r, inquired),
                    address(r))).withProbe(relationProbe(type, inquired)));
        }
        return out;
    }

    /** Request two: DO priceOffer with the offer field's number; none when the visitor left it empty. */
    static PlannedStep priceOffer(FormDefinition form, RecordLinks links, Map<String, Object> values, String inquired) {
        Field field = form.field(links.priceOffer()).orElseThrow();
        return new PlannedStep("priceOffer", r -> {
            List<String> v = ValueConverter.values(values.get(field.name()));
            if (v.isEmpty()) {
                return null;
            }
            BigDecimal offer;
            try {
                offer = ValueConverter.number("priceOffer", field.type(), v.get(0));
            } catch (IllegalArgumentException e) {
                throw new MappingException("Field '" + field.name() + "' (the price offer): " + e.getMessage());
            }
            return Actions.priceOffer(estate(r, inquired), address(r), offer.stripTrailingZeros());
        }, PlannedStep.Outcome.CREATED_ID, false, null);
    }

    /**
     * Request two: the written values, one modify per record, converted by the onOffice field's type (the catalogue
     * remembered at save, else the source field's type); empty values are not written.
     */
    static List<PlannedStep> writeValues(FormDefinition form, RecordLinks links, Map<String, Object> values,
                                         long accountId, KnownFields known, String inquired) {
        Map<String, Map<String, Object>> byModule = new LinkedHashMap<>();
        for (RecordLinks.WriteValue w : links.writeValues()) {
            Field source = form.field(w.from()).orElseThrow();
            Object converted;
            try {
                converted = ValueConverter.convert(known.field(accountId, w.module(), w.field()).orElse(null),
                        w.field(), source.type(), values.get(w.from()));
            } catch (IllegalArgumentException e) {
                throw new MappingException("Field '" + w.from() + "' (written to " + w.module() + "." + w.field()
                        + "): " + e.getMessage());
            }
            if (converted != null) {
                byModule.computeIfAbsent(w.module(), m -> new LinkedHashMap<>()).put(w.field(), converted);
            }
        }
        List<PlannedStep> out = new ArrayList<>();
        byModule.forEach((module, fields) -> out.add(PlannedStep.create("write." + module, r -> module.equals("estate")
                ? Actions.modifyEstate(estate(r, inquired), fields) : Actions.modifyAddress(address(r), fields))));
        return out;
    }

    /**
     * The plan of an edit form ({@link RecordEdits#plan}: one request modifying the link's record) with the live rules
     * on the estate it loaded: the read goes first, the verdict opens the modify's request. Two requests in all.
     */
    static MappingPlan checked(MappingPlan edit, RecordLinks links, Map<String, Object> values, String module) {
        if (links.liveRules().isEmpty() || !module.equals("estate") || edit.stages().isEmpty()) {
            return edit;
        }
        List<List<PlannedStep>> stages = new ArrayList<>();
        stages.add(List.of(liveRead(links, null)));
        for (int i = 0; i < edit.stages().size(); i++) {
            List<PlannedStep> stage = new ArrayList<>(edit.stages().get(i));
            if (i == 0) {
                stage.add(0, liveVerdict(links, values, null));
            }
            stages.add(stage);
        }
        return new MappingPlan(stages);
    }

    /** Request one: the estate's fields the live rules compare with, recorded as onOffice returned them. */
    static PlannedStep liveRead(RecordLinks links, String inquired) {
        return new PlannedStep(LIVE_READ, r -> Actions.readEstate(existing(r, inquired),
                LiveRule.recordFields(links.liveRules())),
                (result, stage) -> result.records().isEmpty() ? NO_RECORD
                        : result.records().get(0).elements().toString(),
                false, null);
    }

    /**
     * Request two, first: the live rules' verdict on the values read in request one. Sends nothing; a rule that does
     * not hold fails the submission (a permanent failure naming both values) before the rest of request two is sent.
     */
    static PlannedStep liveVerdict(RecordLinks links, Map<String, Object> values, String inquired) {
        return new PlannedStep("check.verdict", r -> {
            String read = r.has(LIVE_READ) ? r.get(LIVE_READ).getAsString() : NO_RECORD;
            String estate = existing(r, inquired);
            if (read.equals(NO_RECORD)) {
                throw new MappingException("The live rules could not be checked: onOffice returned no estate "
                        + estate + " (unknown, or not visible to the API user)");
            }
            JsonObject record = JsonParser.parseString(read).getAsJsonObject();
            for (LiveRule rule : links.liveRules()) {
                LiveRule.Failure failure = rule.judge(values, record);
                if (failure != null) {
                    throw new MappingException(failure.reason(estate));
                }
            }
            return null;
        }, PlannedStep.Outcome.CREATED_ID, false, null);
    }

    /** The step with the project linked: {@code projectid} on an agent's-log entry, {@code relatedProjectIds} on a
     * task. */
    static PlannedStep withProject(PlannedStep step, long project) {
        String parameter = step.key().equals("task") ? "relatedProjectIds" : "projectid";
        return new PlannedStep(step.key(), r -> {
            Action action = step.action().build(r);
            if (action != null) {
                action.parameters().addProperty(parameter, project);
            }
            return action;
        }, step.outcome(), step.lookup(), step.probe(), step.consumes());
    }

    private static String estate(JsonObject r, String inquired) {
        if (r.has("estate")) {
            return r.get("estate").getAsString();
        }
        if (inquired == null) {
            throw new MappingException("No estate was recorded for this step");
        }
        return inquired;
    }

    /** The existing estate the live rules look at: the one the form is about, else the one its edit link loaded. */
    private static String existing(JsonObject r, String inquired) {
        if (inquired != null) {
            return inquired;
        }
        String key = RecordEdits.recordKey("estate");
        if (!r.has(key)) {
            throw new MappingException("The live rules could not be checked: the submission names no estate (the "
                    + "field mapped to estate.Id was empty)");
        }
        return r.get(key).getAsString();
    }

    private static String address(JsonObject r) {
        if (!r.has("address")) {
            throw new MappingException("No address was recorded for this step");
        }
        return r.get("address").getAsString();
    }

    /** Finds a relation whose reply was lost: GET idsfromrelation of the estate lists the address. */
    private static PlannedStep.Probe relationProbe(String type, String inquired) {
        return new PlannedStep.Probe(r -> {
            if (!r.has("address") || !r.has("estate") && inquired == null) {
                return null;
            }
            JsonObject p = new JsonObject();
            p.addProperty("relationtype", type);
            JsonArray parents = new JsonArray();
            parents.add(estate(r, inquired));
            p.add("parentids", parents);
            return Action.of(ActionKind.GET, "idsfromrelation", p);
        }, (result, r) -> {
            // relatedIds: {"<estate id>": ["<address id>", ...]}
            String address = r.get("address").getAsString();
            for (OnOfficeRecord rec : result.records()) {
                for (Map.Entry<String, JsonElement> e : rec.elements().entrySet()) {
                    if (e.getValue().isJsonArray()) {
                        for (JsonElement child : e.getValue().getAsJsonArray()) {
                            if (child.getAsString().equals(address)) {
                                return "ok";
                            }
                        }
                    }
                }
            }
            return null;
        });
    }
}
