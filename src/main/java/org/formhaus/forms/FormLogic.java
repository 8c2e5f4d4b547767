package org.formhaus.forms;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A form's rules and how they are evaluated: the one rule model shared by the server (here) and the browser (form.js,
 * from {@link #toJson()}), which must agree case for case ({@code src/test/resources/logic/rules-table.json} runs
 * through both).
 *
 * <p>Evaluation: every rule is tested against the values; a field with {@code show} actions is shown only while one of
 * them holds, a field is hidden while a {@code hide} holds; {@code require}, {@code lock}, {@code hideOptions} apply
 * while they hold; {@code setValue}, {@code calculate}, {@code setLabel} and {@code setHelp} too, the last holding one
 * winning. Conditions and calculations read the <em>effective</em> values: none for a hidden field, the set or
 * calculated value, a locked field's default, else what was entered. Since those depend on the outcome, it is
 * evaluated again from its own result until nothing changes, at most {@link #MAX_ROUNDS} times (a definition whose
 * rules chase each other ends where the rounds end, the same in both evaluators). Immutable and thread-safe.
 */
public final class FormLogic {

    public static final int MAX_ROUNDS = 10;
    /** A form without rules. */
    public static final FormLogic NONE = new FormLogic(List.of(), Map.of());

    /** What evaluation needs to know of a field: its type and its default value(s). */
    record FieldFacts(FieldType type, List<String> defaults) {
    }

    private final List<Rule> rules;
    private final Map<String, FieldFacts> fields;

    FormLogic(List<Rule> rules, Map<String, FieldFacts> fields) {
        this.rules = List.copyOf(rules);
        this.fields = Map.copyOf(fields);
    }

    static FormLogic of(List<Rule> rules, List<Field> fields) {
        if (rules.isEmpty()) {
            return NONE;
        }
        Map<String, FieldFacts> facts = new LinkedHashMap<>();
        for (Field f : fields) {
            List<String> defaults = f.defaultValue() == null ? List.of() : f.type() == FieldType.CHECKBOXES
                    ? Values.list(List.of(f.defaultValue().split(","))) : Values.list(f.defaultValue());
            facts.put(f.name(), new FieldFacts(f.type(), defaults));
        }
        return new FormLogic(rules, facts);
    }

    /**
     * This logic with the texts of {@code setLabel}/{@code setHelp} replaced where {@code texts} gives one by place
     * ({@code rules[0].then[1].text}); {@code own}: how many of the rules are the definition's {@code rules} (the
     * last ones; the showIf rules come first).
     */
    FormLogic withTexts(Map<String, String> texts, int own) {
        if (texts.isEmpty() || rules.isEmpty()) {
            return this;
        }
        int offset = rules.size() - own;
        List<Rule> out = new java.util.ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            List<RuleAction> then = new java.util.ArrayList<>();
            for (int j = 0; j < rule.then().size(); j++) {
                RuleAction a = rule.then().get(j);
                String text = i < offset ? null : texts.get("rules[" + (i - offset) + "].then[" + j + "].text");
                then.add(text == null || a.text() == null ? a : new RuleAction(a.kind(), a.field(), a.options(),
                        a.value(), a.expression(), a.decimals(), text));
            }
            out.add(new Rule(rule.when(), then));
        }
        return new FormLogic(out, fields);
    }

    public List<Rule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * The state for {@code input} (field name → its non-empty values as entered, a range as its ends) in a form shown
     * in {@code language}, which decides how entered numbers read ({@link FormValidator#parseNumber(String, String)}).
     */
    public LogicState evaluate(Map<String, List<String>> input, String language) {
        if (rules.isEmpty()) {
            return LogicState.NONE;
        }
        LogicState state = LogicState.NONE;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            LogicState next = apply(state, input, language);
            if (next.equals(state)) {
                break;
            }
            state = next;
        }
        return state;
    }

    private LogicState apply(LogicState before, Map<String, List<String>> input, String language) {
        Effective values = new Effective(before, input, language);
        Set<String> withShow = new HashSet<>();
        Set<String> showing = new HashSet<>();
        Set<String> hiding = new HashSet<>();
        Set<String> required = new HashSet<>();
        Set<String> locked = new HashSet<>();
        Map<String, Set<String>> hiddenOptions = new HashMap<>();
        Map<String, String> set = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, String> helps = new HashMap<>();
        for (Rule rule : rules) {
            boolean holds = rule.when() == null || holds(rule.when(), values);
            for (RuleAction a : rule.then()) {
                if (a.kind() == RuleAction.Kind.SHOW) {
                    withShow.add(a.field());
                }
                if (!holds) {
                    continue;
                }
                switch (a.kind()) {
                    case SHOW -> showing.add(a.field());
                    case HIDE -> hiding.add(a.field());
                    case REQUIRE -> required.add(a.field());
                    case LOCK -> locked.add(a.field());
                    case HIDE_OPTIONS -> hiddenOptions.computeIfAbsent(a.field(), k -> new TreeSet<>())
                            .addAll(a.options());
                    case SET_VALUE -> set.put(a.field(), a.value());
                    case CALCULATE -> set.put(a.field(), Decimals.format(a.expression().evaluate(values::number),
                            a.decimals(), language));
                    case SET_LABEL -> labels.put(a.field(), a.text());
                    case SET_HELP -> helps.put(a.field(), a.text());
                }
            }
        }
        Set<String> hidden = new TreeSet<>(hiding);
        withShow.stream().filter(f -> !showing.contains(f)).forEach(hidden::add);
        return new LogicState(hidden, required, locked, hiddenOptions, set, labels, helps);
    }

    /** The effective values of one round: what conditions and calculations read. */
    private final class Effective {
        private final LogicState state;
        private final Map<String, List<String>> input;
        private final String language;

        Effective(LogicState state, Map<String, List<String>> input, String language) {
            this.state = state;
            this.input = input;
            this.language = language;
        }

        List<String> of(String field) {
            if (!state.shown(field)) {
                return List.of();
            }
            if (state.values().containsKey(field)) {
                return Values.list(state.values().get(field));
            }
            FieldFacts facts = fields.get(field);
            if (state.locked().contains(field)) {
                return facts == null ? List.of() : facts.defaults();
            }
            return Values.list(input.getOrDefault(field, List.of()));
        }

        BigDecimal number(String field) {
            List<String> v = of(field);
            return v.isEmpty() ? null : FormValidator.parseNumber(v.get(0), language);
        }

        boolean numericField(String field) {
            FieldFacts facts = fields.get(field);
            return facts != null && facts.type().numeric();
        }

        boolean listField(String field) {
            FieldFacts facts = fields.get(field);
            return facts != null && facts.type() == FieldType.CHECKBOXES;
        }
    }

    private static boolean holds(RuleCondition condition, Effective values) {
        if (condition instanceof RuleCondition.Group g) {
            for (RuleCondition c : g.conditions()) {
                boolean h = holds(c, values);
                if (g.any() == h) {
                    return h;
                }
            }
            return !g.any();
        }
        RuleCondition.Test t = (RuleCondition.Test) condition;
        List<String> v = values.of(t.field());
        return switch (t.operator()) {
            case EQUALS -> v.stream().anyMatch(x -> same(values, t.field(), x, t.values().get(0)));
            case NOT_EQUALS -> v.stream().noneMatch(x -> same(values, t.field(), x, t.values().get(0)));
            case EMPTY -> v.isEmpty();
            case FILLED -> !v.isEmpty();
            case ONE_OF -> v.stream().anyMatch(x -> t.values().stream().anyMatch(o -> same(values, t.field(), x, o)));
            case CONTAINS -> values.listField(t.field()) ? v.contains(t.values().get(0))
                    : v.stream().anyMatch(x -> x.toLowerCase(Locale.ROOT)
                            .contains(t.values().get(0).toLowerCase(Locale.ROOT)));
            case GREATER, LESS, BETWEEN -> compares(t, values.number(t.field()));
        };
    }

    private static boolean compares(RuleCondition.Test t, BigDecimal n) {
        if (n == null) {
            return false;
        }
        BigDecimal a = new BigDecimal(t.values().get(0));
        return switch (t.operator()) {
            case GREATER -> n.compareTo(a) > 0;
            case LESS -> n.compareTo(a) < 0;
            default -> n.compareTo(a) >= 0 && n.compareTo(new BigDecimal(t.values().get(1))) <= 0;
        };
    }

    /** Equal as entered, or as numbers in a number field. */
    private static boolean same(Effective values, String field, String entered, String operand) {
        if (entered.equals(operand)) {
            return true;
        }
        if (!values.numericField(field)) {
            return false;
        }
        BigDecimal a = FormValidator.parseNumber(entered, values.language);
        BigDecimal b = FormValidator.parseNumber(operand, "en");
        return a != null && b != null && a.compareTo(b) == 0;
    }

    /**
     * The model form.js evaluates: {@code {"fields": {NAME: {"type", "defaults"}}, "rules": [{"when", "then"}]}},
     * conditions as {@code {"field", "op", "values"}} or {@code {"all"|"any": [...]}}, calculations as trees.
     */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonObject f = new JsonObject();
        fields.forEach((name, facts) -> {
            JsonObject one = new JsonObject();
            one.addProperty("type", facts.type().jsonName());
            JsonArray defaults = new JsonArray();
            facts.defaults().forEach(defaults::add);
            one.add("defaults", defaults);
            f.add(name, one);
        });
        o.add("fields", f);
        JsonArray r = new JsonArray();
        rules.forEach(rule -> r.add(rule.toJson()));
        o.add("rules", r);
        return o;
    }
}
