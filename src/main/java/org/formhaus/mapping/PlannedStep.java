package org.formhaus.mapping;

import com.google.gson.JsonObject;
import java.util.Map;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionResult;

/**
 * One onOffice action of a {@link MappingPlan}, named by its key in the submission's records ({@code address},
 * {@code estate}, {@code relation.owner}, {@code agentslog}, ...). The action is built only when its stage runs, from
 * the ids recorded so far, so that e.g. the relation can name the address and estate created before it. Immutable.
 *
 * @param key      the records key; a step whose key is recorded already is skipped
 * @param action   builds the action from the records (its identifier is set to {@code key} by the executor);
 *                 returns null when there is nothing to send
 * @param outcome  what to record from the action's result; null records nothing (a lookup that found nothing)
 * @param lookup   true for a read whose failure must not stop the delivery (e.g. the responsible agent's name);
 *                 a failed lookup records nothing and the steps that use it do without
 * @param probe    for creates that must never run twice: an action finding what an earlier try created when its
 *                 reply was lost, or null
 * @param consumes the records key of a single-use value this step uses up, e.g. the temporary upload id a file link
 *                 attaches; when onOffice no longer knows that value (it expired), the key is forgotten so that the
 *                 next try makes a new one; null for ordinary steps
 */
public record PlannedStep(String key, Builder action, Outcome outcome, boolean lookup, Probe probe, String consumes) {

    PlannedStep(String key, Builder action, Outcome outcome, boolean lookup, Probe probe) {
        this(key, action, outcome, lookup, probe, null);
    }

    /** Builds an action from the records so far; null when there is nothing to send. */
    @FunctionalInterface
    public interface Builder {
        Action build(JsonObject records);
    }

    /** The value recorded under the step's key; {@code stage} holds the results of the same request by key. */
    @FunctionalInterface
    public interface Outcome {
        String value(ActionResult result, Map<String, ActionResult> stage);

        /** The created record's id; "ok" for actions that return none (relations, mails, modifies). */
        Outcome CREATED_ID = (result, stage) -> {
            String id = result.firstId();
            return id == null || id.isEmpty() || id.equals("0") ? "ok" : id;
        };
    }

    /** A read that finds the record an earlier, lost reply created: the value to record, or null when none. */
    public record Probe(Builder action, Found found) {
    }

    /** What a probe found: the value to record, or null when the earlier try created nothing. */
    @FunctionalInterface
    public interface Found {
        String value(ActionResult result, JsonObject records);
    }

    static PlannedStep create(String key, Builder action) {
        return new PlannedStep(key, action, Outcome.CREATED_ID, false, null);
    }

    /** An e-mail planned by delivery's MailPlanner: recorded like any other action. */
    public static PlannedStep mail(String key) {
        return new PlannedStep(key, r -> null, Outcome.CREATED_ID, false, null);
    }

    PlannedStep withProbe(Probe p) {
        return new PlannedStep(key, action, outcome, lookup, p, consumes);
    }

    PlannedStep consuming(String recordsKey) {
        return new PlannedStep(key, action, outcome, lookup, probe, recordsKey);
    }
}
