package dev.paperdesk.engine.montecarlo;

import java.util.Arrays;

/**
 * Percentiles of equity across paths at sampled step indices: the fan chart of a simulation.
 *
 * <p>Step 0 is the starting equity; step {@code k} is the equity after the {@code k}-th trade or
 * period. A path shorter than the longest one keeps its final equity for the remaining steps.
 *
 * @param steps the sampled step indices, increasing, first 0 and last the longest path's length
 * @param p5 5th percentile of equity at each sampled step
 * @param p25 25th percentile
 * @param p50 median
 * @param p75 75th percentile
 * @param p95 95th percentile
 */
public record EquityBands(int[] steps, double[] p5, double[] p25, double[] p50, double[] p75, double[] p95) {
    public EquityBands {
        steps = steps.clone();
        p5 = p5.clone();
        p25 = p25.clone();
        p50 = p50.clone();
        p75 = p75.clone();
        p95 = p95.clone();
        int n = steps.length;
        if (p5.length != n || p25.length != n || p50.length != n || p75.length != n || p95.length != n) {
            throw new IllegalArgumentException("every band needs one value per sampled step");
        }
    }

    @Override
    public int[] steps() {
        return steps.clone();
    }

    @Override
    public double[] p5() {
        return p5.clone();
    }

    @Override
    public double[] p25() {
        return p25.clone();
    }

    @Override
    public double[] p50() {
        return p50.clone();
    }

    @Override
    public double[] p75() {
        return p75.clone();
    }

    @Override
    public double[] p95() {
        return p95.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EquityBands b
                && Arrays.equals(steps, b.steps)
                && Arrays.equals(p5, b.p5)
                && Arrays.equals(p25, b.p25)
                && Arrays.equals(p50, b.p50)
                && Arrays.equals(p75, b.p75)
                && Arrays.equals(p95, b.p95);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(steps) * 31 + Arrays.hashCode(p50);
    }

    @Override
    public String toString() {
        return "EquityBands[" + steps.length + " steps]";
    }
}
