package org.formhaus.forms;

import java.util.List;

/**
 * When a field is shown: {@code "showIf": {"field": "a", "equals": "x"}} or {@code {"field": "a", "in": ["x", "y"]}}.
 * A condition on a checkboxes field holds when any of the listed values is ticked; {@code "filled": true} (no values)
 * holds when the field has any value. Immutable.
 */
public record Condition(String field, List<String> values) {

    public Condition {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** True when {@code value} (a String, a List of String, or null) satisfies the condition. */
    public boolean holds(Object value) {
        List<String> given = Values.list(value);
        if (values.isEmpty()) {
            return !given.isEmpty();
        }
        return given.stream().anyMatch(values::contains);
    }
}
