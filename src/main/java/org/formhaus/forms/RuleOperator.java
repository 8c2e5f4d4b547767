package org.formhaus.forms;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a condition tests a field's value(s), by its JSON name. A field's values are its non-empty entries (one, or the
 * ticked boxes of a checkboxes field); a hidden field has none. {@code equals}/{@code oneOf}: some value is the
 * operand (numerically for number, currency and area fields); {@code notEquals}: not {@code equals};
 * {@code empty}/{@code filled}; {@code contains}: a ticked box is the operand (checkboxes) or the text contains it,
 * ignoring case; {@code greater}/{@code less}/{@code between} (inclusive): the first value read as a number.
 */
public enum RuleOperator {
    EQUALS("equals", 1), NOT_EQUALS("notEquals", 1), EMPTY("empty", 0), FILLED("filled", 0),
    CONTAINS("contains", 1), GREATER("greater", 1), LESS("less", 1), BETWEEN("between", 2), ONE_OF("oneOf", -1);

    private final String jsonName;
    /** How many operands it takes; -1: a non-empty list. */
    private final int operands;

    RuleOperator(String jsonName, int operands) {
        this.jsonName = jsonName;
        this.operands = operands;
    }

    public String jsonName() {
        return jsonName;
    }

    int operands() {
        return operands;
    }

    boolean numeric() {
        return this == GREATER || this == LESS || this == BETWEEN;
    }

    static Optional<RuleOperator> fromJson(String name) {
        return Arrays.stream(values()).filter(o -> o.jsonName.equals(name)).findFirst();
    }
}
