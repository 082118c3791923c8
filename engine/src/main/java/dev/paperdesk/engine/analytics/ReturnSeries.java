package dev.paperdesk.engine.analytics;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Dated simple returns of a strategy, with an optional benchmark aligned on the same dates.
 *
 * <p>Each return is the change over the period ending on its date ({@code 0.01} is +1%). Dates are
 * strictly increasing. A {@code NaN} return or benchmark value is a missing observation, handled as
 * empyrical handles it; infinities are rejected. Arrays are copied in and out, so instances are
 * immutable.
 */
public final class ReturnSeries {
    private final List<LocalDate> dates;
    private final double[] returns;
    private final double[] benchmark;

    private ReturnSeries(List<LocalDate> dates, double[] returns, double[] benchmark) {
        this.dates = List.copyOf(dates);
        this.returns = returns.clone();
        this.benchmark = benchmark == null ? null : benchmark.clone();
        if (this.dates.size() != this.returns.length) {
            throw new IllegalArgumentException(
                    "dates and returns differ in length: " + this.dates.size() + " and " + this.returns.length);
        }
        if (this.benchmark != null && this.benchmark.length != this.returns.length) {
            throw new IllegalArgumentException(
                    "benchmark has " + this.benchmark.length + " values for " + this.returns.length + " returns");
        }
        for (int i = 0; i < this.returns.length; i++) {
            if (i > 0 && !this.dates.get(i).isAfter(this.dates.get(i - 1))) {
                throw new IllegalArgumentException("dates must be strictly increasing: " + this.dates.get(i)
                        + " follows " + this.dates.get(i - 1));
            }
            requireReturn("return", i, this.returns[i]);
            if (this.benchmark != null) {
                requireReturn("benchmark", i, this.benchmark[i]);
            }
        }
    }

    private void requireReturn(String what, int i, double value) {
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " on " + dates.get(i) + " is infinite");
        }
    }

    /** A series without benchmark. */
    public static ReturnSeries of(List<LocalDate> dates, double[] returns) {
        return new ReturnSeries(dates, returns, null);
    }

    /** A series with a benchmark aligned on the same dates ({@code NaN} where the benchmark is missing). */
    public static ReturnSeries withBenchmark(List<LocalDate> dates, double[] returns, double[] benchmark) {
        return new ReturnSeries(dates, returns, Objects.requireNonNull(benchmark, "benchmark"));
    }

    /** Consecutive calendar days from {@code start}, handy for daily data and tests. */
    public static List<LocalDate> consecutiveDays(LocalDate start, int count) {
        return start.datesUntil(start.plusDays(count)).toList();
    }

    public int size() {
        return returns.length;
    }

    public boolean isEmpty() {
        return returns.length == 0;
    }

    public List<LocalDate> dates() {
        return dates;
    }

    public LocalDate date(int i) {
        return dates.get(i);
    }

    /** A copy of the returns. */
    public double[] returns() {
        return returns.clone();
    }

    public double returnAt(int i) {
        return returns[i];
    }

    /** A copy of the benchmark returns, if any. */
    public Optional<double[]> benchmark() {
        return benchmark == null ? Optional.empty() : Optional.of(benchmark.clone());
    }

    public boolean hasBenchmark() {
        return benchmark != null;
    }

    /** The sub-series of indices {@code [from, to)}. */
    public ReturnSeries slice(int from, int to) {
        return new ReturnSeries(
                dates.subList(from, to),
                Arrays.copyOfRange(returns, from, to),
                benchmark == null ? null : Arrays.copyOfRange(benchmark, from, to));
    }

    /** Returns without copying, for the statistics of this package. */
    double[] rawReturns() {
        return returns;
    }

    /** Benchmark without copying, or null. */
    double[] rawBenchmark() {
        return benchmark;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReturnSeries s
                && dates.equals(s.dates)
                && Arrays.equals(returns, s.returns)
                && Arrays.equals(benchmark, s.benchmark);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dates, Arrays.hashCode(returns), Arrays.hashCode(benchmark));
    }

    @Override
    public String toString() {
        return "ReturnSeries[" + returns.length + " periods"
                + (returns.length > 0 ? " " + dates.get(0) + ".." + dates.get(returns.length - 1) : "")
                + (benchmark != null ? ", with benchmark" : "") + "]";
    }
}
