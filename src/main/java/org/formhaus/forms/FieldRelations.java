package org.formhaus.forms;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of a definition that look across fields: conditions must name another field that carries a value, with
 * values it can have, and must not form a cycle; range inputs ({@code <name>_from}, {@code <name>_to}) must not
 * clash with other names; step breaks must separate non-empty steps. Used once per parse.
 */
final class FieldRelations {

    private final List<Field> fields;
    private final Map<String, Integer> index;
    private final ObjectReader definition;

    FieldRelations(List<Field> fields, Map<String, Integer> index, ObjectReader definition) {
        this.fields = fields;
        this.index = index;
        this.definition = definition;
    }

    void check() {
        for (Field f : fields) {
            conditions(f);
            if (f.type() == FieldType.RANGE) {
                for (String suffix : List.of("_from", "_to")) {
                    if (index.containsKey(f.name() + suffix)) {
                        problem(f, "name", "a range named '" + f.name() + "' submits '" + f.name() + suffix
                                + "', which is also the name of another field");
                    }
                }
            }
        }
        breaks();
    }

    private void conditions(Field f) {
        Condition c = f.showIf();
        if (c == null) {
            return;
        }
        Field source = fields.stream().filter(o -> o.name().equals(c.field())).findFirst().orElse(null);
        if (source == null) {
            problem(f, "showIf.field", "no field named '" + c.field() + "'");
            return;
        }
        if (source == f) {
            problem(f, "showIf.field", "a field cannot depend on itself");
            return;
        }
        if (!source.type().carriesValue() || source.type() == FieldType.FILE) {
            problem(f, "showIf.field", "'" + c.field() + "' is a " + source.type().jsonName() + " and has no value to test");
            return;
        }
        for (String v : c.values()) {
            boolean possible = source.type() == FieldType.CONSENT ? v.equals("yes")
                    : source.dynamicOptions() || !source.type().hasOptions() || source.hasOption(v);
            if (!possible) {
                problem(f, "showIf", "'" + c.field() + "' can never be '" + v + "'"
                        + (source.type() == FieldType.CONSENT ? " (a ticked consent is 'yes')" : " (not one of its options)"));
            }
        }
        if (inCycle(f)) {
            problem(f, "showIf", "conditions form a cycle through '" + f.name() + "'");
        }
    }

    private boolean inCycle(Field start) {
        Set<String> seen = new HashSet<>();
        Field at = start;
        while (at != null && at.showIf() != null) {
            if (!seen.add(at.name())) {
                return true;
            }
            String next = at.showIf().field();
            at = fields.stream().filter(o -> o.name().equals(next)).findFirst().orElse(null);
        }
        return false;
    }

    private void breaks() {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).type() != FieldType.BREAK) {
                continue;
            }
            boolean last = i == fields.size() - 1;
            if (last || fields.get(i + 1).type() == FieldType.BREAK) {
                problem(fields.get(i), "type", "a break must be followed by the fields of its step");
            }
        }
    }

    private void problem(Field f, String member, String message) {
        definition.problem("fields[" + index.get(f.name()) + "]." + member, message);
    }
}
