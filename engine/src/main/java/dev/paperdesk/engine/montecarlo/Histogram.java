package dev.paperdesk.engine.montecarlo;

import java.util.Arrays;

/**
 * Counts of values in equal-width bins between the smallest and largest finite value.
 *
 * <p>Bin {@code i} covers {@code [edges[i], edges[i + 1])}, the last bin also holding the maximum.
 * Non-finite values are left out and counted in {@code excluded}. Without finite values there are no
 * bins; when all finite values are equal there is one bin of zero width.
 */
public record Histogram(double[] edges, long[] counts, int excluded) {
    public Histogram {
        edges = edges.clone();
        counts = counts.clone();
        if (counts.length > 0 && edges.length != counts.length + 1) {
            throw new IllegalArgumentException("a histogram has one edge more than bins");
        }
    }

    /** Bins {@code values} into {@code bins} equal-width bins. */
    public static Histogram of(double[] values, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int excluded = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            } else {
                excluded++;
            }
        }
        if (excluded == values.length) {
            return new Histogram(new double[0], new long[0], excluded);
        }
        if (min == max) {
            return new Histogram(new double[] {min, max}, new long[] {values.length - excluded}, excluded);
        }
        double[] edges = new double[bins + 1];
        double width = (max - min) / bins;
        for (int i = 0; i <= bins; i++) {
            edges[i] = min + width * i;
        }
        edges[bins] = max;
        long[] counts = new long[bins];
        for (double v : values) {
            if (Double.isFinite(v)) {
                int bin = (int) ((v - min) / width);
                counts[Math.min(Math.max(bin, 0), bins - 1)]++;
            }
        }
        return new Histogram(edges, counts, excluded);
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Number of binned values. */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h
                && Arrays.equals(edges, h.edges)
                && Arrays.equals(counts, h.counts)
                && excluded == h.excluded;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(edges) + Arrays.hashCode(counts)) + excluded;
    }

    @Override
    public String toString() {
        return "Histogram[" + counts.length + " bins, " + total() + " values, " + excluded + " excluded]";
    }
}
