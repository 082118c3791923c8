package dev.paperdesk.engine.montecarlo;

import dev.paperdesk.engine.analytics.ReturnStatistics;
import java.util.Arrays;

/**
 * The simulated values of one metric across paths, with summary percentiles, a histogram and a
 * confidence interval.
 *
 * <p>Percentiles use numpy's linear interpolation over the non-{@code NaN} values ({@code valid} of
 * them); a path whose metric is undefined (for instance the Sharpe ratio of a path whose equity went
 * through zero) is {@code NaN} in {@code values} and left out of the summaries.
 *
 * @param values the metric of each path, in path order
 * @param valid number of non-{@code NaN} values
 * @param mean mean of the finite values
 * @param p5 5th percentile
 * @param p25 25th percentile
 * @param p50 median
 * @param p75 75th percentile
 * @param p95 95th percentile
 * @param interval percentile confidence interval at the configured level
 * @param histogram equal-width histogram of the finite values
 */
public record Distribution(
        double[] values,
        int valid,
        double mean,
        double p5,
        double p25,
        double p50,
        double p75,
        double p95,
        ConfidenceInterval interval,
        Histogram histogram) {

    public Distribution {
        values = values.clone();
    }

    static Distribution of(double[] values, double level, int bins) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).filter(Double::isFinite).average().orElse(Double.NaN);
        return new Distribution(
                values,
                sorted.length,
                mean,
                ReturnStatistics.percentileOfSorted(sorted, 0.05),
                ReturnStatistics.percentileOfSorted(sorted, 0.25),
                ReturnStatistics.percentileOfSorted(sorted, 0.50),
                ReturnStatistics.percentileOfSorted(sorted, 0.75),
                ReturnStatistics.percentileOfSorted(sorted, 0.95),
                new ConfidenceInterval(
                        level,
                        ReturnStatistics.percentileOfSorted(sorted, (1 - level) / 2),
                        ReturnStatistics.percentileOfSorted(sorted, 0.5),
                        ReturnStatistics.percentileOfSorted(sorted, (1 + level) / 2)),
                Histogram.of(values, bins));
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The share of valid values strictly above {@code threshold}. */
    public double fractionAbove(double threshold) {
        return valid == 0
                ? Double.NaN
                : Arrays.stream(values).filter(v -> v > threshold).count() / (double) valid;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Distribution d && Arrays.equals(values, d.values) && histogram.equals(d.histogram);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Distribution[n=" + values.length + ", p5=" + p5 + ", p50=" + p50 + ", p95=" + p95 + "]";
    }
}
