package org.formhaus.mapping;

import java.util.List;

/**
 * What a submission becomes in onOffice, as stages of actions: all actions of one stage are independent of each other
 * and travel in ONE request; a stage may use the ids recorded by the stages before it. The delivery's e-mails join
 * the last stage. Immutable.
 *
 * <pre>{@code
 * contact:  [address (+ lookups)]                      → [agentslog, task?, mails]
 * owner:    [address, estate (+ lookups)]              → [relation.owner, agentslog, task, mails]
 * }</pre>
 */
public record MappingPlan(List<List<PlannedStep>> stages) {

    public MappingPlan {
        stages = stages.stream().filter(s -> !s.isEmpty()).map(List::copyOf).toList();
    }

    /** Every step of every stage. */
    public List<PlannedStep> steps() {
        return stages.stream().flatMap(List::stream).toList();
    }
}
