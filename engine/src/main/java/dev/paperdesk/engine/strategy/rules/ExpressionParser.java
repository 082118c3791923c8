package dev.paperdesk.engine.strategy.rules;

/**
 * Parses operand expressions such as {@code fast}, {@code bb.upper}, {@code close[1]}, {@code
 * vol_avg * 1.5} or {@code (high + low) / 2}: numbers, bar fields and indicator outputs (with an
 * optional {@code [n]} for n bars back) combined with {@code + - * /} and parentheses, usual
 * precedence. Parameters have already been substituted.
 */
final class ExpressionParser {
    /** A problem in an expression; {@code unknownName} marks a reference that resolves to nothing. */
    static final class ExpressionException extends Exception {
        private final boolean unknownName;
        private final boolean alreadyReported;

        ExpressionException(String message, boolean unknownName) {
            this(message, unknownName, false);
        }

        /** {@code alreadyReported}: the name's declaration was reported as broken; say nothing more. */
        ExpressionException(String message, boolean unknownName, boolean alreadyReported) {
            super(message, null, false, false);
            this.unknownName = unknownName;
            this.alreadyReported = alreadyReported;
        }

        boolean alreadyReported() {
            return alreadyReported;
        }

        boolean unknownName() {
            return unknownName;
        }
    }

    /** Resolves {@code name} (with its {@code .output}, possibly empty) and {@code ago} to an operand. */
    interface Resolver {
        Operand resolve(String name, String output, int ago) throws ExpressionException;
    }

    static final int MAX_AGO = 1000;

    private final String text;
    private final Resolver resolver;
    private int pos;

    private ExpressionParser(String text, Resolver resolver) {
        this.text = text;
        this.resolver = resolver;
    }

    static Operand parse(String text, Resolver resolver) throws ExpressionException {
        ExpressionParser p = new ExpressionParser(text, resolver);
        p.skipSpaces();
        if (p.pos == text.length()) {
            throw new ExpressionException("empty expression", false);
        }
        Operand result = p.sum();
        p.skipSpaces();
        if (p.pos != text.length()) {
            throw new ExpressionException("unexpected '" + text.charAt(p.pos) + "' at position " + (p.pos + 1), false);
        }
        return result;
    }

    private Operand sum() throws ExpressionException {
        return binary(this::product, "+-");
    }

    private Operand product() throws ExpressionException {
        return binary(this::unary, "*/");
    }

    private interface Level {
        Operand parse() throws ExpressionException;
    }

    private Operand binary(Level next, String ops) throws ExpressionException {
        Operand left = next.parse();
        while (true) {
            skipSpaces();
            if (pos < text.length() && ops.indexOf(text.charAt(pos)) >= 0) {
                char op = text.charAt(pos++);
                Operand right = next.parse();
                left = fold(new Operand.Arithmetic(op, left, right));
            } else {
                return left;
            }
        }
    }

    private Operand unary() throws ExpressionException {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
            return fold(new Operand.Negate(unary()));
        }
        if (pos < text.length() && text.charAt(pos) == '+') {
            pos++;
            return unary();
        }
        return primary();
    }

    private Operand primary() throws ExpressionException {
        skipSpaces();
        if (pos >= text.length()) {
            throw new ExpressionException("expression ends where a value was expected", false);
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Operand inner = sum();
            skipSpaces();
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw new ExpressionException("missing ')'", false);
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
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
            String num = text.substring(start, pos);
            try {
                return new Operand.Constant(Double.parseDouble(num));
            } catch (NumberFormatException e) {
                throw new ExpressionException("'" + num + "' is not a number", false);
            }
        }
        if (Character.isLetter(c) || c == '_') {
            String name = identifier();
            String output = "";
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                if (pos >= text.length() || !(Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    throw new ExpressionException("'" + name + ".' must be followed by an output name", false);
                }
                output = identifier();
            }
            int ago = 0;
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == '[') {
                pos++;
                skipSpaces();
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                String digits = text.substring(start, pos);
                skipSpaces();
                if (digits.isEmpty() || pos >= text.length() || text.charAt(pos) != ']') {
                    throw new ExpressionException(
                            "'" + name + "[' must be followed by a whole number of bars back and ']'", false);
                }
                pos++;
                ago = digits.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(digits);
                if (ago > MAX_AGO) {
                    throw new ExpressionException("at most " + MAX_AGO + " bars back, asked for " + digits, false);
                }
            }
            return resolver.resolve(name, output, ago);
        }
        throw new ExpressionException("unexpected '" + c + "' at position " + (pos + 1), false);
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** Folds arithmetic on constants, so that {@code ${k} * 2} costs nothing per bar. */
    private static Operand fold(Operand o) {
        if (o instanceof Operand.Arithmetic a
                && a.left() instanceof Operand.Constant
                && a.right() instanceof Operand.Constant) {
            return new Operand.Constant(a.eval(null, 0));
        }
        if (o instanceof Operand.Negate n && n.operand() instanceof Operand.Constant c) {
            return new Operand.Constant(-c.value());
        }
        return o;
    }
}
