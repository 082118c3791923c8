package dev.paperdesk.engine.optimize;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An arithmetic expression over run metrics, such as {@code sharpe * (1 + max_drawdown)} or {@code
 * net_profit / trades}: numbers, metric names, {@code + - * /}, unary minus and parentheses. It is
 * parsed into a small tree and evaluated in {@code double}; nothing else can be expressed (no
 * functions, no scripting).
 *
 * <p>A metric that is missing or undefined ({@code NaN}) makes the whole value {@code NaN}, and so
 * does a non-finite result (a division by zero): such a run has no objective value.
 */
public final class MetricExpression {
    private final String text;
    private final Node root;

    private MetricExpression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** A node of the expression tree. */
    sealed interface Node {
        double eval(Map<String, Double> metrics);
    }

    record Constant(double value) implements Node {
        @Override
        public double eval(Map<String, Double> metrics) {
            return value;
        }
    }

    record Metric(String name) implements Node {
        @Override
        public double eval(Map<String, Double> metrics) {
            Double v = metrics.get(name);
            return v == null ? Double.NaN : v;
        }
    }

    record Negate(Node operand) implements Node {
        @Override
        public double eval(Map<String, Double> metrics) {
            return -operand.eval(metrics);
        }
    }

    record Binary(char op, Node left, Node right) implements Node {
        @Override
        public double eval(Map<String, Double> metrics) {
            double a = left.eval(metrics);
            double b = right.eval(metrics);
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> a / b;
                default -> throw new IllegalStateException("operator " + op);
            };
        }
    }

    /**
     * Parses {@code text}, accepting only the metric names in {@code known}.
     *
     * @throws IllegalArgumentException naming the column and what was expected or unknown
     */
    public static MetricExpression parse(String text, Collection<String> known) {
        Objects.requireNonNull(text, "text");
        Parser p = new Parser(text, List.copyOf(known));
        Node root = p.expression();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return new MetricExpression(text.strip(), root);
    }

    /** The value over {@code metrics}; {@code NaN} when a metric is missing or the result not finite. */
    public double evaluate(Map<String, Double> metrics) {
        double v = root.eval(metrics);
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /** The expression as written (trimmed). */
    public String text() {
        return text;
    }

    Node root() {
        return root;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricExpression e && e.root.equals(root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    /** Recursive descent: expression = term {(+|-) term}; term = unary {(*|/) unary}. */
    private static final class Parser {
        private static final int MAX_DEPTH = 100;

        private final String text;
        private final List<String> known;
        private int pos;
        private int depth;

        Parser(String text, List<String> known) {
            this.text = text;
            this.known = known;
        }

        Node expression() {
            if (++depth > MAX_DEPTH) {
                throw error("expression nested too deeply");
            }
            Node left = term();
            while (true) {
                skipSpace();
                if (peek('+') || peek('-')) {
                    char op = text.charAt(pos++);
                    left = new Binary(op, left, term());
                } else {
                    depth--;
                    return left;
                }
            }
        }

        Node term() {
            Node left = unary();
            while (true) {
                skipSpace();
                if (peek('*') || peek('/')) {
                    char op = text.charAt(pos++);
                    left = new Binary(op, left, unary());
                } else {
                    return left;
                }
            }
        }

        Node unary() {
            skipSpace();
            if (peek('-')) {
                pos++;
                if (++depth > MAX_DEPTH) {
                    throw error("expression nested too deeply");
                }
                Node n = new Negate(unary());
                depth--;
                return n;
            }
            if (peek('+')) {
                pos++;
                return unary();
            }
            return primary();
        }

        Node primary() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("expected a number, a metric name or '(' but the expression ends");
            }
            char c = text.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = expression();
                skipSpace();
                if (!peek(')')) {
                    throw error("expected ')'");
                }
                pos++;
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                    pos++;
                }
                if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                    int save = pos++;
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
                String number = text.substring(start, pos);
                try {
                    return new Constant(Double.parseDouble(number));
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("'" + number + "' is not a number");
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < text.length()
                        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    pos++;
                }
                String name = text.substring(start, pos);
                if (!known.contains(name)) {
                    pos = start;
                    throw error("unknown metric '" + name + "' (metrics: " + String.join(", ", known) + ")");
                }
                return new Metric(name);
            }
            throw error("unexpected '" + c + "'");
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        boolean peek(char c) {
            return pos < text.length() && text.charAt(pos) == c;
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(
                    "objective expression '" + text + "', column " + (pos + 1) + ": " + message);
        }
    }
}
