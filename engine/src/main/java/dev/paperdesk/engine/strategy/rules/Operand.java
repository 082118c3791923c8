package dev.paperdesk.engine.strategy.rules;

/**
 * A numeric expression in a rule: a constant, a bar field or an indicator output (each possibly
 * some bars back), or arithmetic on those. NaN propagates, and any comparison with NaN is false,
 * so a rule cannot fire on an undefined value.
 */
sealed interface Operand {
    /** The value {@code shift} bars before the evaluated bar (crosses read shift 1). */
    double eval(Frame f, int shift);

    /** How many bars back this operand reads at shift 0. */
    int depth();

    record Constant(double value) implements Operand {
        @Override
        public double eval(Frame f, int shift) {
            return value;
        }

        @Override
        public int depth() {
            return 0;
        }
    }

    record FieldRef(BarField field, int ago) implements Operand {
        @Override
        public double eval(Frame f, int shift) {
            return f.bar(field, ago + shift);
        }

        @Override
        public int depth() {
            return ago;
        }
    }

    record IndicatorRef(int indicator, int output, int ago) implements Operand {
        @Override
        public double eval(Frame f, int shift) {
            return f.indicator(indicator, output, ago + shift);
        }

        @Override
        public int depth() {
            return ago;
        }
    }

    record Negate(Operand operand) implements Operand {
        @Override
        public double eval(Frame f, int shift) {
            return -operand.eval(f, shift);
        }

        @Override
        public int depth() {
            return operand.depth();
        }
    }

    record Arithmetic(char op, Operand left, Operand right) implements Operand {
        @Override
        public double eval(Frame f, int shift) {
            double a = left.eval(f, shift);
            double b = right.eval(f, shift);
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> b == 0.0 ? Double.NaN : a / b;
                default -> throw new IllegalStateException("operator " + op);
            };
        }

        @Override
        public int depth() {
            return Math.max(left.depth(), right.depth());
        }
    }
}
