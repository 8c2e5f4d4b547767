package org.formhaus.forms;

import com.google.gson.JsonArray;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A calculation, parsed by {@link ExpressionParser}: numbers, field references, {@code + - * /} (also {@code −},
 * {@code ×}, {@code ÷}), comparisons ({@code = != < <= > >=}), {@code and}, {@code or}, {@code min(..)},
 * {@code max(..)}, {@code round(x)} / {@code round(x, places)} and {@code if c then a else b}. Nothing else: no
 * variables, no loops, no calls out. It evaluates with {@link Decimals}; a reference to an empty field, or a division
 * by zero, leaves the result without a value (null), except in an {@code if} branch not taken. Comparisons, {@code and}
 * and {@code or} give 1 or 0 (a comparison with an empty side gives 0). Immutable and thread-safe.
 *
 * <pre>{@code
 * Expression e = ExpressionParser.parse("price * rate / 100");
 * BigDecimal commission = e.evaluate(name -> numbers.get(name)); // null when price or rate is empty
 * }</pre>
 */
public final class Expression {

    /** One node of the tree; {@link #json()} gives form.js the same tree. */
    interface Node {
        BigDecimal eval(Function<String, BigDecimal> valueOf);

        JsonArray json();

        void collect(Set<String> references);
    }

    private final String text;
    private final Node root;

    Expression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    public String text() {
        return text;
    }

    /** The value, or null when it has none; {@code valueOf} gives a field's number (null when empty). */
    public BigDecimal evaluate(Function<String, BigDecimal> valueOf) {
        return root.eval(valueOf);
    }

    /** The names of the fields it reads. */
    public Set<String> references() {
        Set<String> out = new TreeSet<>();
        root.collect(out);
        return out;
    }

    /**
     * The tree as JSON arrays, what form.js evaluates: {@code ["/", ["*", ["ref","price"], ["ref","rate"]],
     * ["num","100"]]}, {@code ["if", c, a, b]}, {@code ["call", "min", a, b]}, {@code ["neg", a]}.
     */
    public JsonArray toJson() {
        return root.json();
    }

    @Override
    public String toString() {
        return text;
    }

    static JsonArray array(String head, Object... items) {
        JsonArray a = new JsonArray();
        a.add(head);
        for (Object item : items) {
            if (item instanceof Node n) {
                a.add(n.json());
            } else {
                a.add(item.toString());
            }
        }
        return a;
    }

    record Num(BigDecimal value) implements Node {
        public BigDecimal eval(Function<String, BigDecimal> valueOf) {
            return value;
        }

        public JsonArray json() {
            return array("num", value.toPlainString());
        }

        public void collect(Set<String> references) {
        }
    }

    record Ref(String field) implements Node {
        public BigDecimal eval(Function<String, BigDecimal> valueOf) {
            return valueOf.apply(field);
        }

        public JsonArray json() {
            return array("ref", field);
        }

        public void collect(Set<String> references) {
            references.add(field);
        }
    }

    record Negate(Node operand) implements Node {
        public BigDecimal eval(Function<String, BigDecimal> valueOf) {
            BigDecimal a = operand.eval(valueOf);
            return a == null ? null : a.negate();
        }

        public JsonArray json() {
            return array("neg", operand);
        }

        public void collect(Set<String> references) {
            operand.collect(references);
        }
    }

    /** {@code + - * / = != < <= > >= and or}. */
    record Op(String op, Node left, Node right) implements Node {
        public BigDecimal eval(Function<String, BigDecimal> valueOf) {
            BigDecimal a = left.eval(valueOf);
            BigDecimal b = right.eval(valueOf);
            switch (op) {
                case "+": return Decimals.add(a, b);
                case "-": return Decimals.subtract(a, b);
                case "*": return Decimals.multiply(a, b);
                case "/": return Decimals.divide(a, b);
                case "and": return bool(truth(a) && truth(b));
                case "or": return bool(truth(a) || truth(b));
                default: return a == null || b == null ? BigDecimal.ZERO : bool(compare(a.compareTo(b)));
            }
        }

        private boolean compare(int c) {
            switch (op) {
                case "=": return c == 0;
                case "!=": return c != 0;
                case "<": return c < 0;
                case "<=": return c <= 0;
                case ">": return c > 0;
                default: return c >= 0; // ">="
            }
        }

        public JsonArray json() {
            return array(op, left, right);
        }

        public void collect(Set<String> references) {
            left.collect(references);
            right.collect(references);
        }
    }

    /** {@code min}, {@code max} (any number of arguments), {@code round} (value, places as a literal). */
    record Call(String function, List<Node> args) implements Node {
        public BigDecimal eval(Function<String, BigDecimal> valueOf) {
            if (function.equals("round")) {
                int places = args.size() > 1 ? ((Num) args.get(1)).value().intValueExact() : 0;
                return Decimals.round(args.get(0).eval(valueOf), places);
            }
            BigDecimal best = null;
            for (Node arg : args) {
                BigDecimal v = arg.eval(valueOf);
                if (v == null) {
                    return null;
                }
                int c = best == null ? 0 : v.compareTo(best);
                if (best == null || (function.equals("min") ? c < 0 : c > 0)) {
                    best = v;
                }
            }
            return best;
        }

        public JsonArray json() {
            JsonArray a = array("call", function);
            args.forEach(arg -> a.add(arg.json()));
            return a;
        }

        public void collect(Set<String> references) {
            args.forEach(arg -> arg.collect(references));
        }
    }

    record If(Node condition, Node then, Node otherwise) implements Node {
        public BigDecimal eval(Function<String, BigDecimal> valueOf) {
            return truth(condition.eval(valueOf)) ? then.eval(valueOf) : otherwise.eval(valueOf);
        }

        public JsonArray json() {
            return array("if", condition, then, otherwise);
        }

        public void collect(Set<String> references) {
            condition.collect(references);
            then.collect(references);
            otherwise.collect(references);
        }
    }

    static boolean truth(BigDecimal v) {
        return v != null && v.signum() != 0;
    }

    static BigDecimal bool(boolean b) {
        return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
}
