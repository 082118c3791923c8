package dev.paperdesk.engine.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compounds a return series into calendar buckets and rolling windows.
 *
 * <p>Compounding follows empyrical's {@code aggregate_returns}: {@code prod(1 + r) - 1} over the
 * observations in the bucket, a missing return counting as zero. Calendar windows of {@code N} days
 * cover the dates in {@code (d - N, d]}; a window is complete when the series starts on or before its
 * first day.
 */
public final class ReturnAggregation {
    private ReturnAggregation() {}

    /** One compounded return per non-empty bucket, in date order. */
    public static List<PeriodReturn> aggregate(ReturnSeries series, Frequency frequency) {
        Objects.requireNonNull(frequency, "frequency");
        List<PeriodReturn> out = new ArrayList<>();
        int n = series.size();
        int i = 0;
        while (i < n) {
            String label = frequency.label(series.date(i));
            double wealth = 1;
            int j = i;
            while (j < n && frequency.label(series.date(j)).equals(label)) {
                wealth *= 1 + nanToZero(series.returnAt(j));
                j++;
            }
            out.add(new PeriodReturn(label, series.date(i), series.date(j - 1), wealth - 1));
            i = j;
        }
        return out;
    }

    /** Compounded return over the dates in {@code [from, to]}; 0 when no observation falls inside. */
    public static double compounded(ReturnSeries series, LocalDate from, LocalDate to) {
        double wealth = 1;
        for (int i = 0; i < series.size(); i++) {
            LocalDate d = series.date(i);
            if (!d.isBefore(from) && !d.isAfter(to)) {
                wealth *= 1 + nanToZero(series.returnAt(i));
            }
        }
        return wealth - 1;
    }

    /**
     * Compounded return over the trailing {@code days} calendar days ending on the last date; {@code NaN}
     * when the series is empty or shorter than the window.
     */
    public static double trailingReturn(ReturnSeries series, int days) {
        requireDays(days);
        if (series.isEmpty()) {
            return Double.NaN;
        }
        LocalDate last = series.date(series.size() - 1);
        LocalDate windowStart = last.minusDays(days - 1L);
        if (series.date(0).isAfter(windowStart)) {
            return Double.NaN;
        }
        return compounded(series, windowStart, last);
    }

    /** The compounded return of each complete trailing window of {@code days} calendar days. */
    public static List<DatedValue> rollingReturns(ReturnSeries series, int days) {
        requireDays(days);
        List<DatedValue> out = new ArrayList<>();
        if (series.isEmpty()) {
            return out;
        }
        LocalDate first = series.date(0);
        // Two pointers over the window (d - days, d]; products are recomputed per window because
        // dividing out a -100% return is impossible, and windows are short.
        int start = 0;
        for (int end = 0; end < series.size(); end++) {
            LocalDate d = series.date(end);
            LocalDate windowStart = d.minusDays(days - 1L);
            if (first.isAfter(windowStart)) {
                continue;
            }
            while (series.date(start).isBefore(windowStart)) {
                start++;
            }
            double wealth = 1;
            for (int k = start; k <= end; k++) {
                wealth *= 1 + nanToZero(series.returnAt(k));
            }
            out.add(new DatedValue(d, wealth - 1));
        }
        return out;
    }

    /**
     * Sharpe ratio over each trailing window of {@code window} periods, dated at the window's last
     * period; windows shorter than the full size are not reported.
     */
    public static List<DatedValue> rollingSharpe(ReturnSeries series, int window, MetricsConfig config) {
        List<DatedValue> out = new ArrayList<>();
        if (series.size() < window) {
            return out;
        }
        double[] values =
                ReturnStatistics.rollingSharpe(series.rawReturns(), window, config.riskFree(), config.periodsPerYear());
        for (int i = 0; i < values.length; i++) {
            out.add(new DatedValue(series.date(i + window - 1), values[i]));
        }
        return out;
    }

    private static void requireDays(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("window must be at least 1 day, not " + days);
        }
    }

    static double nanToZero(double r) {
        return Double.isNaN(r) ? 0 : r;
    }
}
