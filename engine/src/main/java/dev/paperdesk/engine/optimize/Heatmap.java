package dev.paperdesk.engine.optimize;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The objective over two parameters: {@code values[j][i]} is the objective at {@code x[i]} and {@code
 * y[j]}. With more than two searched parameters a cell holds the best objective over the others;
 * cells that no trial reached (random search) or whose runs failed are {@code NaN}.
 *
 * @param xName the parameter along the columns
 * @param yName the parameter along the rows
 */
public record Heatmap(String xName, String yName, List<BigDecimal> x, List<BigDecimal> y, double[][] values) {
    public Heatmap {
        Objects.requireNonNull(xName, "xName");
        Objects.requireNonNull(yName, "yName");
        x = List.copyOf(x);
        y = List.copyOf(y);
        if (values.length != y.size()) {
            throw new IllegalArgumentException("a heatmap needs one row per y value");
        }
        double[][] copy = new double[values.length][];
        for (int j = 0; j < values.length; j++) {
            if (values[j].length != x.size()) {
                throw new IllegalArgumentException("a heatmap row needs one value per x value");
            }
            copy[j] = values[j].clone();
        }
        values = copy;
    }

    /**
     * The heatmap of {@code xName} against {@code yName} over the trials of {@code result}.
     *
     * @throws IllegalArgumentException when either is not a searched parameter or they are the same
     */
    public static Heatmap of(OptimizationResult result, String xName, String yName) {
        ParameterRange xr = range(result, xName);
        ParameterRange yr = range(result, yName);
        if (xName.equals(yName)) {
            throw new IllegalArgumentException("a heatmap needs two different parameters, not " + xName + " twice");
        }
        List<BigDecimal> xs = xr.values();
        List<BigDecimal> ys = yr.values();
        double[][] v = new double[ys.size()][xs.size()];
        for (double[] row : v) {
            Arrays.fill(row, Double.NaN);
        }
        for (Trial t : result.trials()) {
            if (!t.ranked()) {
                continue;
            }
            int i = indexOf(xs, t.parameters().get(xName));
            int j = indexOf(ys, t.parameters().get(yName));
            if (i >= 0 && j >= 0 && (Double.isNaN(v[j][i]) || t.objective() > v[j][i])) {
                v[j][i] = t.objective();
            }
        }
        return new Heatmap(xName, yName, xs, ys, v);
    }

    private static ParameterRange range(OptimizationResult result, String name) {
        return result.config().ranges().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a searched parameter"));
    }

    private static int indexOf(List<BigDecimal> values, BigDecimal v) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).compareTo(v) == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The objective at column {@code i}, row {@code j}. */
    public double value(int i, int j) {
        return values[j][i];
    }

    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int j = 0; j < values.length; j++) {
            copy[j] = values[j].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Heatmap h
                && h.xName.equals(xName)
                && h.yName.equals(yName)
                && h.x.equals(x)
                && h.y.equals(y)
                && Arrays.deepEquals(h.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(xName, yName, x, y, Arrays.deepHashCode(values));
    }

    @Override
    public String toString() {
        return "Heatmap[" + xName + " × " + yName + ", " + x.size() + "×" + y.size() + "]";
    }
}
