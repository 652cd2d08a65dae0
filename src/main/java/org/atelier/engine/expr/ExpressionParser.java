package org.atelier.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for term expressions: numbers, column names (bare identifiers or `back-quoted` for names
 * with spaces), {@code + - * / ** ^}, parentheses and the functions log, exp, sqrt, abs (one argument) and
 * min, max, pow (two). Powers bind tighter than unary minus and associate to the right, as in Python:
 * {@code -x**2 = -(x**2)}, {@code 2**3**2 = 2**9}. Length and nesting are capped so hostile input fails with an
 * {@link ExpressionError} rather than exhausting the stack.
 */
public final class ExpressionParser {
    public static final int MAX_LENGTH = 2_000;
    public static final int MAX_DEPTH = 100;
    private static final Map<String, Integer> FUNCTIONS =
            Map.of("log", 1, "exp", 1, "sqrt", 1, "abs", 1, "min", 2, "max", 2, "pow", 2);

    private final String text;
    private int pos;
    private int depth;

    private ExpressionParser(String text) {
        this.text = text;
    }

    public static Expr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ExpressionError("Expression is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionError("Expression is longer than " + MAX_LENGTH + " characters");
        }
        ExpressionParser parser = new ExpressionParser(text);
        Expr expr = parser.sum();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.pos) + "'");
        }
        return expr;
    }

    private Expr sum() {
        enter();
        Expr left = product();
        while (true) {
            skipSpace();
            if (peek('+') || peek('-')) {
                char op = text.charAt(pos++);
                left = new Expr.Binary(op, left, product());
            } else {
                leave();
                return left;
            }
        }
    }

    private Expr product() {
        Expr left = unary();
        while (true) {
            skipSpace();
            if (peek('*') && !text.startsWith("**", pos)) {
                pos++;
                left = new Expr.Binary('*', left, unary());
            } else if (peek('/')) {
                pos++;
                left = new Expr.Binary('/', left, unary());
            } else {
                return left;
            }
        }
    }

    private Expr unary() {
        skipSpace();
        if (peek('-') || peek('+')) {
            char sign = text.charAt(pos++);
            enter();
            Expr operand = unary();
            leave();
            return sign == '-' ? new Expr.Negate(operand) : operand;
        }
        return power();
    }

    private Expr power() {
        Expr base = primary();
        skipSpace();
        if (text.startsWith("**", pos) || peek('^')) {
            pos += peek('^') ? 1 : 2;
            enter();
            Expr exponent = unary(); // right-associative; allows 2 ** -1
            leave();
            return new Expr.Binary('^', base, exponent);
        }
        return base;
    }

    private Expr primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("expected a number, a column or '('");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = sum();
            expect(')');
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (c == '`') {
            int end = text.indexOf('`', pos + 1);
            if (end < 0) {
                throw error("unclosed back-quote");
            }
            String name = text.substring(pos + 1, end);
            if (name.isEmpty()) {
                throw error("empty column name");
            }
            pos = end + 1;
            return new Expr.ColumnRef(name);
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == '.')) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipSpace();
            if (peek('(')) {
                Integer arity = FUNCTIONS.get(name);
                if (arity == null) {
                    throw error("unknown function '" + name + "' (allowed: log, exp, sqrt, abs, min, max, pow)");
                }
                pos++;
                List<Expr> args = new ArrayList<>();
                args.add(sum());
                skipSpace();
                while (peek(',')) {
                    pos++;
                    args.add(sum());
                    skipSpace();
                }
                expect(')');
                if (args.size() != arity) {
                    throw error(name + "() takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", got " + args.size());
                }
                return new Expr.Call(name, List.copyOf(args));
            }
            return new Expr.ColumnRef(name);
        }
        throw error("unexpected '" + c + "'");
    }

    private Expr number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String literal = text.substring(start, pos);
        try {
            // Only plain decimal literals reach here (digits, one dot, optional exponent)
            if (literal.chars().filter(ch -> ch == '.').count() > 1 || literal.equals(".")) {
                throw new NumberFormatException();
            }
            return new Expr.Number(Double.parseDouble(literal));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + literal + "'");
        }
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw error(pos >= text.length() ? "expected '" + c + "' before the end" : "expected '" + c + "'");
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private void leave() {
        depth--;
    }

    private ExpressionError error(String what) {
        return new ExpressionError("Invalid expression '" + abbreviated() + "': " + what + " at character " + (pos + 1));
    }

    private String abbreviated() {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
