package dev.paperdesk.engine.optimize;

import dev.paperdesk.engine.strategy.api.ParameterSpec;
import dev.paperdesk.engine.strategy.api.ParameterType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The values one strategy parameter takes in a search: {@code from}, {@code from + step}, … up to
 * {@code to} (included when on the grid), exact in decimal. A single value is a range of one.
 *
 * @param name the declared parameter's name
 */
public record ParameterRange(String name, BigDecimal from, BigDecimal to, BigDecimal step) {
    /** Most values one range may hold, so that a typo cannot ask for billions of backtests. */
    public static final int MAX_VALUES = 100_000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ParameterRange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(step, "step");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a parameter name");
        }
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException(
                    name + ": from " + from.toPlainString() + " is above to " + to.toPlainString());
        }
        if (step.signum() <= 0) {
            throw new IllegalArgumentException(name + ": step must be positive, not " + step.toPlainString());
        }
        BigDecimal count = to.subtract(from).divideToIntegralValue(step);
        if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) >= 0) {
            throw new IllegalArgumentException(
                    name + ": " + count.toPlainString() + "+ values, more than " + MAX_VALUES);
        }
    }

    /** One value, e.g. a parameter held fixed during the search. */
    public static ParameterRange single(String name, BigDecimal value) {
        return new ParameterRange(name, value, value, BigDecimal.ONE);
    }

    /** The range an optimizer may search as the strategy declares it ({@code min:max:step}). */
    public static ParameterRange declared(ParameterSpec spec) {
        return new ParameterRange(spec.name(), spec.min(), spec.max(), spec.step());
    }

    /**
     * Parses {@code name=from:to:step} or {@code name=value}.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static ParameterRange parse(String text) {
        Objects.requireNonNull(text, "text");
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not name=from:to:step");
        }
        String name = text.substring(0, eq).strip();
        String[] parts = text.substring(eq + 1).split(":", -1);
        if (parts.length != 1 && parts.length != 3) {
            throw new IllegalArgumentException(
                    "'" + text + "': a range is name=from:to:step (e.g. fast=5:50:5) or name=value");
        }
        BigDecimal[] v = new BigDecimal[parts.length];
        String[] what = parts.length == 1 ? new String[] {"value"} : new String[] {"from", "to", "step"};
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = new BigDecimal(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "'" + text + "': " + what[i] + " '" + parts[i] + "' is not a number");
            }
        }
        return parts.length == 1 ? single(name, v[0]) : new ParameterRange(name, v[0], v[1], v[2]);
    }

    /** The values in increasing order. */
    public List<BigDecimal> values() {
        List<BigDecimal> out = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            out.add(v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros());
        }
        return Collections.unmodifiableList(out);
    }

    /** The number of values. */
    public int size() {
        return to.subtract(from).divideToIntegralValue(step).intValueExact() + 1;
    }

    /**
     * The problem of searching this range for {@code spec} (a value outside the declared bounds or not
     * whole for an int parameter), or null when every value is acceptable.
     */
    public String problemWith(ParameterSpec spec) {
        if (spec.type() == ParameterType.INT && (!whole(from) || !whole(step))) {
            return name + ": " + spec.name() + " is an int parameter; from and step must be whole numbers";
        }
        List<BigDecimal> values = values();
        for (BigDecimal v : List.of(values.get(0), values.get(values.size() - 1))) {
            String p = spec.problemWith(v);
            if (p != null) {
                return name + ": " + p;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return from.compareTo(to) == 0
                ? name + "=" + from.toPlainString()
                : name + "=" + from.toPlainString() + ":" + to.toPlainString() + ":" + step.toPlainString();
    }

    private static boolean whole(BigDecimal v) {
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }
}
