package dev.paperdesk.engine.strategy.api;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A declared strategy parameter: its type, default and the range an optimizer may search
 * ({@code min}..{@code max} in steps of {@code step}, both ends included when on the grid).
 *
 * <p>Any value in {@code [min, max]} of the right type is accepted from outside; the step only
 * defines the optimizer's grid.
 */
public record ParameterSpec(
        String name,
        ParameterType type,
        BigDecimal defaultValue,
        BigDecimal min,
        BigDecimal max,
        BigDecimal step,
        String description) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(step, "step");
        description = description == null ? "" : description;
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "parameter name '" + name + "' must be a letter or '_' followed by letters, digits or '_'");
        }
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException(
                    name + ": min " + min.toPlainString() + " is above max " + max.toPlainString());
        }
        if (defaultValue.compareTo(min) < 0 || defaultValue.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + ": default " + defaultValue.toPlainString() + " is outside "
                    + min.toPlainString() + ".." + max.toPlainString());
        }
        if (step.signum() <= 0) {
            throw new IllegalArgumentException(name + ": step must be positive, was " + step.toPlainString());
        }
        if (type == ParameterType.INT) {
            for (BigDecimal v : new BigDecimal[] {defaultValue, min, max, step}) {
                if (!isWhole(v)) {
                    throw new IllegalArgumentException(
                            name + ": an int parameter needs whole numbers, got " + v.toPlainString());
                }
            }
        }
    }

    /** An int parameter. */
    public static ParameterSpec ofInt(String name, int defaultValue, int min, int max, int step, String description) {
        return new ParameterSpec(
                name,
                ParameterType.INT,
                BigDecimal.valueOf(defaultValue),
                BigDecimal.valueOf(min),
                BigDecimal.valueOf(max),
                BigDecimal.valueOf(step),
                description);
    }

    /** A decimal parameter; values are given as text to stay exact. */
    public static ParameterSpec ofDecimal(
            String name, String defaultValue, String min, String max, String step, String description) {
        return new ParameterSpec(
                name,
                ParameterType.DECIMAL,
                new BigDecimal(defaultValue),
                new BigDecimal(min),
                new BigDecimal(max),
                new BigDecimal(step),
                description);
    }

    /**
     * Checks a value given as text; returns null when acceptable, else the problem in words (without
     * the parameter's name).
     */
    public String problemWith(String text) {
        BigDecimal v = parseOrNull(text);
        if (v == null) {
            return "'" + text + "' is not a number";
        }
        return problemWith(v);
    }

    /** Checks a value; returns null when acceptable, else the problem in words. */
    public String problemWith(BigDecimal v) {
        if (type == ParameterType.INT && !isWhole(v)) {
            return v.toPlainString() + " is not a whole number";
        }
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            return v.toPlainString() + " is outside " + min.toPlainString() + ".." + max.toPlainString();
        }
        return null;
    }

    /** The number of grid points {@code min, min+step, ...} not above max. */
    public long gridSize() {
        return max.subtract(min).divideToIntegralValue(step).longValueExact() + 1;
    }

    static BigDecimal parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.isEmpty() || !t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        return new BigDecimal(t);
    }

    static boolean isWhole(BigDecimal v) {
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }
}
