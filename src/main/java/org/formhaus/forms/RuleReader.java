package org.formhaus.forms;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a definition's {@code rules} into {@link Rule}s, after its fields parsed cleanly, and turns each field's
 * {@code showIf} into a rule of its own (first, in field order), so that one model decides. Every problem is named by
 * its path, e.g. {@code rules[0].when.any[1].greater: must be a number} or
 * {@code rules[2].then[0].expression: at 9: expected ')'}. Used once per parse.
 *
 * <pre>{@code
 * "rules": [{"when": {"all": [{"field": "art", "equals": "kauf"}, {"field": "preis", "greater": 500000}]},
 *            "then": [{"action": "require", "field": "finanzierung"},
 *                     {"action": "calculate", "field": "provision", "expression": "preis * 3.57 / 100"}]}]
 * }</pre>
 */
final class RuleReader {

    static final int MAX_RULES = 200;
    static final int MAX_DEPTH = 8;

    private final List<Field> fields;
    private final Map<String, Field> byName;

    RuleReader(List<Field> fields) {
        this.fields = fields;
        this.byName = fields.stream().collect(Collectors.toMap(Field::name, f -> f, (a, b) -> a));
    }

    /** The showIf rules, then the definition's {@code rules}; problems go to {@code d}. */
    List<Rule> read(ObjectReader d) {
        List<Rule> rules = new ArrayList<>();
        for (Field f : fields) {
            if (f.showIf() != null) {
                Condition c = f.showIf();
                RuleCondition when = c.values().isEmpty()
                        ? new RuleCondition.Test(c.field(), RuleOperator.FILLED, List.of())
                        : new RuleCondition.Test(c.field(), RuleOperator.ONE_OF, c.values());
                rules.add(new Rule(when, List.of(RuleAction.of(RuleAction.Kind.SHOW, f.name()))));
            }
        }
        JsonElement raw = d.raw("rules");
        if (raw == null || raw.isJsonNull()) {
            return rules;
        }
        if (!raw.isJsonArray() || raw.getAsJsonArray().size() > MAX_RULES) {
            d.problem("rules", "must be an array of at most " + MAX_RULES + " rules {\"when\": ..., \"then\": [...]}");
            return rules;
        }
        JsonArray array = raw.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            String place = d.at("rules") + "[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                d.problem("rules[" + i + "]", "must be an object {\"when\": ..., \"then\": [...]}");
                continue;
            }
            Rule rule = rule(d.child(array.get(i).getAsJsonObject(), place));
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private Rule rule(ObjectReader r) {
        int before = r.problemCount();
        JsonElement when = r.raw("when");
        RuleCondition condition = when == null || when.isJsonNull() ? null : condition(r, "when", when, 0);
        List<RuleAction> actions = new ArrayList<>();
        JsonElement then = r.raw("then");
        if (then == null || !then.isJsonArray() || then.getAsJsonArray().isEmpty()) {
            r.problem("then", "must be a non-empty array of actions {\"action\": ..., \"field\": ...}");
        } else {
            for (int i = 0; i < then.getAsJsonArray().size(); i++) {
                JsonElement a = then.getAsJsonArray().get(i);
                if (!a.isJsonObject()) {
                    r.problem("then[" + i + "]", "must be an object {\"action\": ..., \"field\": ...}");
                    continue;
                }
                RuleAction action = action(r.child(a.getAsJsonObject(), r.at("then") + "[" + i + "]"));
                if (action != null) {
                    actions.add(action);
                }
            }
        }
        r.refuseUnread();
        return r.problemCount() > before ? null : new Rule(condition, actions);
    }

    private RuleCondition condition(ObjectReader parent, String member, JsonElement raw, int depth) {
        if (!raw.isJsonObject()) {
            parent.problem(member, "must be a condition {\"field\": NAME, \"equals\": VALUE} or {\"all\"|\"any\": [...]}");
            return null;
        }
        ObjectReader c = parent.child(raw.getAsJsonObject(), parent.at(member));
        if (c.has("all") || c.has("any")) {
            return group(c, depth);
        }
        return test(c);
    }

    private RuleCondition group(ObjectReader c, int depth) {
        boolean any = c.has("any");
        String key = any ? "any" : "all";
        JsonElement list = c.raw(key);
        c.refuseUnread();
        if (c.has("all") && c.has("any")) {
            c.problem(key, "give either 'all' or 'any'; nest a group for both");
            return null;
        }
        if (depth >= MAX_DEPTH) {
            c.problem(key, "groups are nested more than " + MAX_DEPTH + " deep");
            return null;
        }
        if (list == null || !list.isJsonArray() || list.getAsJsonArray().isEmpty()) {
            c.problem(key, "must be a non-empty array of conditions");
            return null;
        }
        List<RuleCondition> conditions = new ArrayList<>();
        for (int i = 0; i < list.getAsJsonArray().size(); i++) {
            RuleCondition inner = condition(c, key + "[" + i + "]", list.getAsJsonArray().get(i), depth + 1);
            if (inner != null) {
                conditions.add(inner);
            }
        }
        return new RuleCondition.Group(any, conditions);
    }

    private RuleCondition test(ObjectReader c) {
        String name = c.string("field");
        Field source = valueField(c, "field", name);
        List<RuleOperator> given = new ArrayList<>();
        for (RuleOperator op : RuleOperator.values()) {
            if (c.has(op.jsonName())) {
                given.add(op);
            }
        }
        c.refuseUnread();
        if (given.size() != 1) {
            c.problem(given.isEmpty() ? "field" : given.get(1).jsonName(), "give exactly one of equals, notEquals, "
                    + "empty, filled, contains, greater, less, between, oneOf");
            return null;
        }
        RuleOperator op = given.get(0);
        List<String> operands = operands(c, op);
        if (operands == null || source == null) {
            return null;
        }
        if (op == RuleOperator.EQUALS || op == RuleOperator.NOT_EQUALS || op == RuleOperator.ONE_OF) {
            for (String v : operands) {
                if (!possible(source, v)) {
                    c.problem(op.jsonName(), "'" + name + "' can never be '" + v + "' (not one of its options)");
                }
            }
        }
        return new RuleCondition.Test(name, op, operands);
    }

    /** The operator's operands as strings (numbers in plain form); null, with a problem, when they do not fit. */
    private static List<String> operands(ObjectReader c, RuleOperator op) {
        JsonElement raw = c.raw(op.jsonName());
        String key = op.jsonName();
        switch (op) {
            case EMPTY, FILLED -> {
                if (raw == null || !raw.isJsonPrimitive() || !raw.getAsJsonPrimitive().isBoolean() || !raw.getAsBoolean()) {
                    c.problem(key, "must be true");
                    return null;
                }
                return List.of();
            }
            case GREATER, LESS -> {
                BigDecimal n = c.decimal(key);
                return n == null ? null : List.of(n.toPlainString());
            }
            case BETWEEN -> {
                List<BigDecimal> ends = new ArrayList<>();
                if (raw != null && raw.isJsonArray() && raw.getAsJsonArray().size() == 2) {
                    for (JsonElement e : raw.getAsJsonArray()) {
                        try {
                            ends.add(e.getAsBigDecimal());
                        } catch (RuntimeException notNumber) {
                            break;
                        }
                    }
                }
                if (ends.size() != 2 || ends.get(0).compareTo(ends.get(1)) > 0) {
                    c.problem(key, "must be [low, high], two numbers, low not above high");
                    return null;
                }
                return List.of(ends.get(0).toPlainString(), ends.get(1).toPlainString());
            }
            case ONE_OF -> {
                List<String> values = new ArrayList<>();
                if (raw != null && raw.isJsonArray()) {
                    raw.getAsJsonArray().forEach(e -> values.add(e.isJsonPrimitive() ? e.getAsString() : ""));
                }
                if (values.isEmpty() || values.contains("")) {
                    c.problem(key, "must be a non-empty array of non-empty values");
                    return null;
                }
                return values;
            }
            default -> {
                String v = raw != null && raw.isJsonPrimitive() ? raw.getAsString() : "";
                if (v.isEmpty()) {
                    c.problem(key, "must be a non-empty value");
                    return null;
                }
                return List.of(v);
            }
        }
    }

    private RuleAction action(ObjectReader a) {
        String kindName = a.string("action");
        RuleAction.Kind kind = RuleAction.Kind.fromJson(kindName == null ? "" : kindName).orElse(null);
        String name = a.string("field");
        if (kind == null) {
            a.problem("action", "unknown action '" + kindName + "'; one of show, hide, require, lock, hideOptions, "
                    + "setValue, calculate, setLabel, setHelp");
            a.refuseUnread();
            return null;
        }
        int before = a.problemCount();
        Field target = target(a, kind, name);
        List<String> options = List.of();
        String value = null;
        Expression expression = null;
        int decimals = RuleAction.DEFAULT_DECIMALS;
        String text = null;
        switch (kind) {
            case HIDE_OPTIONS -> options = hiddenOptions(a, target);
            case SET_VALUE -> value = setValue(a, target);
            case CALCULATE -> {
                expression = expression(a, target);
                if (a.has("decimals")) {
                    Integer d = a.integer("decimals");
                    if (d != null && d > Decimals.SCALE) {
                        a.problem("decimals", "must be a whole number from 0 to " + Decimals.SCALE);
                    }
                    decimals = d == null ? decimals : d;
                }
            }
            case SET_LABEL, SET_HELP -> {
                text = a.string("text");
                if (text == null || text.isBlank()) {
                    a.problem("text", "must be a non-empty text");
                }
            }
            default -> {
            }
        }
        a.refuseUnread();
        return a.problemCount() > before ? null
                : new RuleAction(kind, name, options, value, expression, decimals, text);
    }

    /** The field an action changes, when that kind of action can change it. */
    private Field target(ObjectReader a, RuleAction.Kind kind, String name) {
        Field f = name == null ? null : byName.get(name);
        if (f == null) {
            a.problem("field", name == null ? "must name a field" : "no field named '" + name + "'");
            return null;
        }
        String problem = switch (kind) {
            case SHOW, HIDE -> f.type() == FieldType.BREAK ? "a break starts a step; show or hide its fields" : null;
            case REQUIRE -> !f.type().carriesValue() || f.type() == FieldType.HIDDEN
                    ? "a " + f.type().jsonName() + " field cannot be required by a rule" : null;
            case LOCK, SET_VALUE, CALCULATE -> !f.type().carriesValue() || f.type() == FieldType.FILE
                    || f.type() == FieldType.RANGE
                    ? "a " + f.type().jsonName() + " field has no value a rule can set" : null;
            case HIDE_OPTIONS -> !f.type().hasOptions() || f.dynamicOptions()
                    ? "only select, radio and checkboxes fields with their own options can hide options" : null;
            case SET_LABEL, SET_HELP -> f.type() == FieldType.HIDDEN ? "a hidden field shows no text" : null;
        };
        if (kind == RuleAction.Kind.CALCULATE && problem == null && f.type().hasOptions()) {
            problem = "a calculation's result is a number; calculate into a number, currency, area, text or hidden field";
        }
        if (problem != null) {
            a.problem("field", problem);
            return null;
        }
        return f;
    }

    private static List<String> hiddenOptions(ObjectReader a, Field target) {
        JsonElement raw = a.raw("options");
        List<String> options = new ArrayList<>();
        if (raw != null && raw.isJsonArray()) {
            raw.getAsJsonArray().forEach(e -> options.add(e.isJsonPrimitive() ? e.getAsString() : ""));
        }
        if (options.isEmpty()) {
            a.problem("options", "must be a non-empty array of the field's option values");
        }
        for (String o : options) {
            if (target != null && !target.hasOption(o)) {
                a.problem("options", "'" + o + "' is not an option of '" + target.name() + "'");
            }
        }
        return options;
    }

    private static String setValue(ObjectReader a, Field target) {
        JsonElement raw = a.raw("value");
        if (raw == null || !raw.isJsonPrimitive()) {
            a.problem("value", "must be a value (\"\" empties the field)");
            return null;
        }
        String value = raw.getAsString();
        if (target != null && target.type().hasOptions() && !value.isEmpty()) {
            for (String v : target.type() == FieldType.CHECKBOXES ? List.of(value.split(",")) : List.of(value)) {
                if (!target.hasOption(v) && !target.dynamicOptions()) {
                    a.problem("value", "'" + v + "' is not an option of '" + target.name() + "'");
                }
            }
        }
        return value;
    }

    private Expression expression(ObjectReader a, Field target) {
        String text = a.string("expression");
        Function<String, String> referenceProblem = name -> {
            Field f = byName.get(name);
            if (f == null) {
                return "no field named '" + name + "'";
            }
            if (!f.type().carriesValue() || f.type() == FieldType.FILE) {
                return "'" + name + "' is a " + f.type().jsonName() + " and has no value to calculate with";
            }
            return target != null && f == target ? "a calculation cannot read its own field '" + name + "'" : null;
        };
        try {
            return ExpressionParser.parse(text, referenceProblem);
        } catch (ExpressionParser.ExpressionException e) {
            a.problem("expression", e.getMessage());
            return null;
        }
    }

    /** A field a condition can test; null, with a problem, when there is none such. */
    private Field valueField(ObjectReader c, String member, String name) {
        Field f = name == null ? null : byName.get(name);
        if (f == null) {
            c.problem(member, name == null ? "must name a field" : "no field named '" + name + "'");
            return null;
        }
        if (!f.type().carriesValue() || f.type() == FieldType.FILE) {
            c.problem(member, "'" + name + "' is a " + f.type().jsonName() + " and has no value to test");
            return null;
        }
        return f;
    }

    private static boolean possible(Field source, String v) {
        return source.type() == FieldType.CONSENT ? v.equals("yes")
                : source.dynamicOptions() || !source.type().hasOptions() || source.hasOption(v);
    }
}
