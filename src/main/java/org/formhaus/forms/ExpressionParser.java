package org.formhaus.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses the calculation syntax of {@link Expression} by recursive descent; no script engine, nothing is executed.
 * A mistake is reported with its position (1-based character), e.g. {@code at 9: expected ')'}. Grammar, loosest
 * first:
 * <pre>
 * expr    = "if" expr "then" expr "else" expr | or
 * or      = and {"or" and}          and  = compare {"and" compare}
 * compare = sum [("=" | "!=" | "<" | "<=" | ">" | ">=") sum]
 * sum     = product {("+" | "-") product}    product = unary {("*" | "/") unary}
 * unary   = "-" unary | number | name | ("min" | "max" | "round") "(" expr {"," expr} ")" | "(" expr ")"
 * </pre>
 * {@code −}, {@code ×}, {@code ÷}, {@code ≠}, {@code ≤}, {@code ≥} and {@code ==} are accepted as their ASCII
 * forms. Numbers use a dot ({@code 3.57}). Stateless.
 */
public final class ExpressionParser {

    static final int MAX_LENGTH = 1000;
    private static final int MAX_DEPTH = 40;
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "and", "or");
    private static final Set<String> FUNCTIONS = Set.of("min", "max", "round");

    /** A calculation that cannot be parsed; {@code position} is 1-based. */
    public static final class ExpressionException extends Exception {
        private final int position;

        ExpressionException(int position, String message) {
            super("at " + position + ": " + message, null, false, false);
            this.position = position;
        }

        public int position() {
            return position;
        }
    }

    private record Token(String text, int at, boolean number, boolean name) {
    }

    private final List<Token> tokens;
    private final int end;
    private final Function<String, String> referenceProblem;
    private int next;
    private int depth;

    private ExpressionParser(List<Token> tokens, int end, Function<String, String> referenceProblem) {
        this.tokens = tokens;
        this.end = end;
        this.referenceProblem = referenceProblem;
    }

    /** Parses {@code text}; any name is accepted as a field reference. */
    public static Expression parse(String text) throws ExpressionException {
        return parse(text, name -> null);
    }

    /** Parses {@code text}; {@code referenceProblem} says what is wrong with a referenced name, or null. */
    public static Expression parse(String text, Function<String, String> referenceProblem) throws ExpressionException {
        if (text == null || text.isBlank()) {
            throw new ExpressionException(1, "is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionException(MAX_LENGTH, "longer than " + MAX_LENGTH + " characters");
        }
        ExpressionParser p = new ExpressionParser(tokens(text), text.length() + 1, referenceProblem);
        Expression.Node root = p.expr();
        if (p.next < p.tokens.size()) {
            throw p.error("unexpected '" + p.peek().text() + "'");
        }
        return new Expression(text, root);
    }

    private static List<Token> tokens(String s) throws ExpressionException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c >= '0' && c <= '9' || c == '.') {
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                String n = s.substring(start, i);
                if (!n.matches("[0-9]+(\\.[0-9]+)?") || n.length() > 30) {
                    throw new ExpressionException(start + 1, "'" + n + "' is not a number (write 3.57)");
                }
                out.add(new Token(n, start + 1, true, false));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(s.substring(start, i), start + 1, false, true));
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                String op = switch (two) {
                    case "<=", ">=", "!=", "==" -> two;
                    default -> null;
                };
                if (op != null) {
                    i += 2;
                    out.add(new Token(op.equals("==") ? "=" : op, start + 1, false, false));
                    continue;
                }
                op = switch (c) {
                    case '+', '-', '*', '/', '(', ')', ',', '<', '>', '=' -> String.valueOf(c);
                    case '\u2212' -> "-";
                    case '\u00d7' -> "*";
                    case '\u00f7' -> "/";
                    case '\u2260' -> "!=";
                    case '\u2264' -> "<=";
                    case '\u2265' -> ">=";
                    default -> null;
                };
                if (op == null) {
                    throw new ExpressionException(start + 1, "unexpected character '" + c + "'");
                }
                i++;
                out.add(new Token(op, start + 1, false, false));
            }
        }
        return out;
    }

    private Expression.Node expr() throws ExpressionException {
        if (++depth > MAX_DEPTH) {
            throw error("nested too deeply");
        }
        Expression.Node result;
        if (accept("if")) {
            Expression.Node condition = expr();
            expect("then");
            Expression.Node then = expr();
            expect("else");
            result = new Expression.If(condition, then, expr());
        } else {
            result = or();
        }
        depth--;
        return result;
    }

    private Expression.Node or() throws ExpressionException {
        Expression.Node left = and();
        while (accept("or")) {
            left = new Expression.Op("or", left, and());
        }
        return left;
    }

    private Expression.Node and() throws ExpressionException {
        Expression.Node left = compare();
        while (accept("and")) {
            left = new Expression.Op("and", left, compare());
        }
        return left;
    }

    private Expression.Node compare() throws ExpressionException {
        Expression.Node left = sum();
        for (String op : List.of("=", "!=", "<=", ">=", "<", ">")) {
            if (accept(op)) {
                return new Expression.Op(op, left, sum());
            }
        }
        return left;
    }

    private Expression.Node sum() throws ExpressionException {
        Expression.Node left = product();
        while (true) {
            if (accept("+")) {
                left = new Expression.Op("+", left, product());
            } else if (accept("-")) {
                left = new Expression.Op("-", left, product());
            } else {
                return left;
            }
        }
    }

    private Expression.Node product() throws ExpressionException {
        Expression.Node left = unary();
        while (true) {
            if (accept("*")) {
                left = new Expression.Op("*", left, unary());
            } else if (accept("/")) {
                left = new Expression.Op("/", left, unary());
            } else {
                return left;
            }
        }
    }

    private Expression.Node unary() throws ExpressionException {
        if (accept("-")) {
            if (++depth > MAX_DEPTH) {
                throw error("nested too deeply");
            }
            Expression.Node operand = unary();
            depth--;
            return new Expression.Negate(operand);
        }
        if (next >= tokens.size()) {
            throw error("expected a number, a field or '('");
        }
        Token t = tokens.get(next);
        if (t.number()) {
            next++;
            return new Expression.Num(new BigDecimal(t.text()));
        }
        if (accept("(")) {
            Expression.Node inner = expr();
            expect(")");
            return inner;
        }
        if (!t.name() || KEYWORDS.contains(t.text())) {
            throw error("expected a number, a field or '(' but found '" + t.text() + "'");
        }
        next++;
        if (FUNCTIONS.contains(t.text()) && next < tokens.size() && tokens.get(next).text().equals("(")) {
            return call(t);
        }
        String problem = referenceProblem.apply(t.text());
        if (problem != null) {
            throw new ExpressionException(t.at(), problem);
        }
        return new Expression.Ref(t.text());
    }

    private Expression.Node call(Token name) throws ExpressionException {
        expect("(");
        List<Expression.Node> args = new ArrayList<>();
        args.add(expr());
        while (accept(",")) {
            args.add(expr());
        }
        expect(")");
        if (name.text().equals("round")) {
            boolean placesOk = args.size() == 1 || (args.size() == 2 && args.get(1) instanceof Expression.Num n
                    && n.value().scale() <= 0 && n.value().intValue() <= Decimals.SCALE);
            if (!placesOk) {
                throw new ExpressionException(name.at(), "round takes a value and optionally the decimal places as "
                        + "a whole number from 0 to " + Decimals.SCALE + ": round(x) or round(x, 2)");
            }
        }
        return new Expression.Call(name.text(), args);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private boolean accept(String text) {
        if (next < tokens.size() && tokens.get(next).text().equals(text)
                && (tokens.get(next).name() || !Character.isLetter(text.charAt(0)))) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String text) throws ExpressionException {
        if (!accept(text)) {
            throw error("expected '" + text + "'" + (next < tokens.size() ? " but found '" + peek().text() + "'" : ""));
        }
    }

    private ExpressionException error(String message) {
        return new ExpressionException(next < tokens.size() ? tokens.get(next).at() : end, message);
    }
}
