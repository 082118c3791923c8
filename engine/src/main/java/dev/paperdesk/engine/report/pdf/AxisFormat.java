package dev.paperdesk.engine.report.pdf;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How an axis labels its ticks, given the tick value and the step between ticks. */
@FunctionalInterface
public interface AxisFormat {
    String label(double value, double step);

    /** Compact numbers: {@code 1.2M}, {@code 350k}, {@code 12.5}. */
    AxisFormat NUMBER = ReportFormat::axis;

    /** Fractions as percentages: {@code 0.05} → {@code 5%}. */
    AxisFormat PERCENT = (v, step) -> {
        double pct = v * 100;
        int decimals = Math.max(
                0,
                Math.min(
                        4,
                        new java.math.BigDecimal(String.format(Locale.US, "%.6f", step * 100))
                                .stripTrailingZeros()
                                .scale()));
        String body = String.format(Locale.US, "%." + decimals + "f%%", Math.abs(pct));
        return (Math.abs(pct) < 1e-9 ? "" : pct < 0 ? ReportFormat.MINUS : "") + body;
    };

    /** Whole numbers, e.g. trade counts. */
    AxisFormat INTEGER = (v, step) -> String.format(Locale.US, "%,d", Math.round(v));

    /**
     * Days since the epoch (UTC, fractional for times of day): {@code Mar 2026} when ticks are a month or
     * more apart, {@code Mar 14} when a day or more, else with hours and minutes.
     */
    AxisFormat EPOCH_DAY = (v, step) -> {
        Instant t = Instant.ofEpochSecond(Math.round(v * 86_400));
        String pattern = step >= 28 ? "MMM yyyy" : step >= 1 ? "MMM d" : "MMM d HH:mm";
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH)
                .withZone(ZoneOffset.UTC)
                .format(t);
    };

    /** Days since the epoch of an instant, the x value of time series. */
    static double epochDay(Instant t) {
        return t.getEpochSecond() / 86_400.0 + t.getNano() / 86_400e9;
    }
}
