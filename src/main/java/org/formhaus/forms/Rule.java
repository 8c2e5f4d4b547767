package org.formhaus.forms;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * One entry of a definition's {@code rules}: while {@code when} holds (always, when it is null), its actions apply.
 * A field's per-field {@code showIf} becomes such a rule too ({@code when} the condition, {@code then} show it).
 * Immutable.
 */
public record Rule(RuleCondition when, List<RuleAction> then) {

    public Rule {
        then = List.copyOf(then);
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        if (when != null) {
            o.add("when", when.toJson());
        }
        JsonArray actions = new JsonArray();
        then.forEach(a -> actions.add(a.toJson()));
        o.add("then", actions);
        return o;
    }
}
