package org.formhaus.forms;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * The {@code when} of a {@link Rule}: a test of one field ({@link Test}) or a group of conditions that must all
 * ({@code all}) or any ({@code any}) hold, nested freely. How a condition holds is decided by {@link FormLogic}, and
 * by form.js from {@link #toJson()}. Immutable.
 */
public sealed interface RuleCondition permits RuleCondition.Test, RuleCondition.Group {

    JsonObject toJson();

    /** {@code {"field": NAME, "<operator>": value(s)}}; {@code values} holds the operator's operand(s). */
    record Test(String field, RuleOperator operator, List<String> values) implements RuleCondition {
        public Test {
            values = List.copyOf(values);
        }

        @Override
        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("field", field);
            o.addProperty("op", operator.jsonName());
            JsonArray v = new JsonArray();
            values.forEach(v::add);
            o.add("values", v);
            return o;
        }
    }

    /** {@code {"all": [...]}} ({@code any} false) or {@code {"any": [...]}}. */
    record Group(boolean any, List<RuleCondition> conditions) implements RuleCondition {
        public Group {
            conditions = List.copyOf(conditions);
        }

        @Override
        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            JsonArray list = new JsonArray();
            conditions.forEach(c -> list.add(c.toJson()));
            o.add(any ? "any" : "all", list);
            return o;
        }
    }
}
