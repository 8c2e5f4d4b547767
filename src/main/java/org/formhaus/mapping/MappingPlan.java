package org.formhaus.mapping;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a submission becomes in onOffice, as stages of actions: all actions of one stage are independent of each other
 * and travel in ONE request; a stage may use the ids recorded by the stages before it. The delivery's e-mails join
 * the last stage. Immutable (the differences are found while the stages run).
 *
 * <pre>{@code
 * contact:  [address (+ lookups)]                      → [agentslog, task?, mails]
 * owner:    [address, estate (+ lookups)]              → [relation.owner, agentslog, task, mails]
 * }</pre>
 *
 * @param known       values decided before any request (e.g. the routed agent's name, {@code agent.user}), recorded
 *                    before the first stage unless recorded already
 * @param differences what an existing contact has that differs from the visitor's entries, once the first stage ran
 *                    (for the notice; empty before and when the address is new)
 */
public record MappingPlan(List<List<PlannedStep>> stages, Map<String, String> known,
                          Supplier<List<ContactDifference>> differences) {

    public MappingPlan {
        stages = stages.stream().filter(s -> !s.isEmpty()).map(List::copyOf).toList();
        known = Map.copyOf(known);
    }

    public MappingPlan(List<List<PlannedStep>> stages) {
        this(stages, Map.of(), List::of);
    }

    /** Every step of every stage. */
    public List<PlannedStep> steps() {
        return stages.stream().flatMap(List::stream).toList();
    }
}
