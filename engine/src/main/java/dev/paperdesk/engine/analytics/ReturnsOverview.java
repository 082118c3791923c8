package dev.paperdesk.engine.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * Period-to-date and trailing returns as of the last date of a series, for a dashboard.
 *
 * <p>Period-to-date values compound the observations since the start of the calendar period holding
 * the last date (ISO week, month, quarter, year). Trailing values cover the last 7, 30, 90 and 365
 * calendar days and are {@code NaN} when the history is shorter. Every field is {@code NaN} for an
 * empty series.
 *
 * @param asOf last date of the series, null when empty
 */
public record ReturnsOverview(
        LocalDate asOf,
        double lastPeriod,
        double weekToDate,
        double monthToDate,
        double quarterToDate,
        double yearToDate,
        double allTime,
        double trailing7Days,
        double trailing30Days,
        double trailing90Days,
        double trailing365Days) {

    /** Computes the overview as of the last date of {@code series}. */
    public static ReturnsOverview of(ReturnSeries series) {
        if (series.isEmpty()) {
            double nan = Double.NaN;
            return new ReturnsOverview(null, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan);
        }
        LocalDate last = series.date(series.size() - 1);
        LocalDate weekStart = last.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate monthStart = last.withDayOfMonth(1);
        LocalDate quarterStart = last.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate yearStart = last.withDayOfYear(1);
        return new ReturnsOverview(
                last,
                ReturnAggregation.nanToZero(series.returnAt(series.size() - 1)),
                ReturnAggregation.compounded(series, weekStart, last),
                ReturnAggregation.compounded(series, monthStart, last),
                ReturnAggregation.compounded(series, quarterStart, last),
                ReturnAggregation.compounded(series, yearStart, last),
                ReturnStatistics.cumReturnFinal(series.rawReturns()),
                ReturnAggregation.trailingReturn(series, 7),
                ReturnAggregation.trailingReturn(series, 30),
                ReturnAggregation.trailingReturn(series, 90),
                ReturnAggregation.trailingReturn(series, 365));
    }
}
