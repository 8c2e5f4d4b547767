package org.formhaus.forms;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a form's rules make of the values entered so far ({@link FormLogic#evaluate}): the fields hidden, required by a
 * rule, locked (read-only: their default counts, whatever is sent); the options hidden per field; the values set or
 * calculated (a calculation without a result is {@code ""}); the labels and help texts changed. Immutable.
 */
public record LogicState(Set<String> hidden, Set<String> required, Set<String> locked,
                         Map<String, Set<String>> hiddenOptions, Map<String, String> values,
                         Map<String, String> labels, Map<String, String> helps) {

    /** The state of a form without rules: nothing changes. */
    public static final LogicState NONE = new LogicState(Set.of(), Set.of(), Set.of(), Map.of(), Map.of(), Map.of(),
            Map.of());

    public LogicState {
        hidden = Set.copyOf(hidden);
        required = Set.copyOf(required);
        locked = Set.copyOf(locked);
        hiddenOptions = Map.copyOf(hiddenOptions);
        values = Map.copyOf(values);
        labels = Map.copyOf(labels);
        helps = Map.copyOf(helps);
    }

    public boolean shown(String field) {
        return !hidden.contains(field);
    }

    /** Whether the value is the server's, never the client's: locked, set or calculated. */
    public boolean fixed(String field) {
        return locked.contains(field) || values.containsKey(field);
    }

    public boolean optionShown(String field, String option) {
        return !hiddenOptions.getOrDefault(field, Set.of()).contains(option);
    }

    List<String> hiddenOptionsOf(String field) {
        return List.copyOf(hiddenOptions.getOrDefault(field, Set.of()));
    }
}
