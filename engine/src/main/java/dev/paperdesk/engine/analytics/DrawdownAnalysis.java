package dev.paperdesk.engine.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Drawdowns of an equity curve: where it stands now, the worst one, how long they last and the
 * deepest episodes with their peak, valley and recovery dates.
 *
 * <p>An episode starts when equity falls below its running peak and ends on the first date it is back
 * at or above that peak. Depths are fractions {@code <= 0}. For an empty curve the depths are {@code
 * NaN}, durations 0 and the list of episodes empty; a curve that never falls has depths of 0.
 *
 * @param asOf last date of the curve, null when empty
 * @param currentDrawdown drawdown at the last date
 * @param maxDrawdown deepest drawdown
 * @param currentDurationDays calendar days since the last peak when underwater at the end, else 0
 * @param longestDurationDays longest episode in calendar days, an unrecovered one measured to {@code
 *     asOf}
 * @param longestRecoveryDays longest valley-to-recovery time among recovered episodes, 0 if none
 * @param episodes number of underwater episodes
 * @param top the deepest episodes, deepest first
 */
public record DrawdownAnalysis(
        LocalDate asOf,
        double currentDrawdown,
        double maxDrawdown,
        long currentDurationDays,
        long longestDurationDays,
        long longestRecoveryDays,
        int episodes,
        List<DrawdownPeriod> top) {

    /** The number of deepest episodes reported by default. */
    public static final int DEFAULT_TOP = 5;

    public DrawdownAnalysis {
        top = List.copyOf(top);
    }

    /** Drawdowns of the equity obtained by compounding {@code series} from 1. */
    public static DrawdownAnalysis of(ReturnSeries series) {
        return of(EquityCurve.fromReturns(series, 1.0), DEFAULT_TOP);
    }

    /** Drawdowns of {@code curve}, reporting the {@code topCount} deepest episodes. */
    public static DrawdownAnalysis of(EquityCurve curve, int topCount) {
        if (topCount < 0) {
            throw new IllegalArgumentException("top count must not be negative, not " + topCount);
        }
        int n = curve.size();
        if (n == 0) {
            return new DrawdownAnalysis(null, Double.NaN, Double.NaN, 0, 0, 0, 0, List.of());
        }
        List<DrawdownPeriod> all = new ArrayList<>();
        int peak = 0;
        int valley = -1; // -1 while at a peak
        for (int i = 1; i < n; i++) {
            double v = curve.value(i);
            if (v >= curve.value(peak)) {
                if (valley >= 0) {
                    all.add(episode(curve, peak, valley, curve.date(i)));
                    valley = -1;
                }
                peak = i;
            } else if (valley < 0 || v < curve.value(valley)) {
                valley = i;
            }
        }
        LocalDate asOf = curve.date(n - 1);
        double current = curve.value(n - 1) / curve.value(peak) - 1;
        long currentDuration = 0;
        if (valley >= 0) {
            all.add(episode(curve, peak, valley, null));
            currentDuration = ChronoUnit.DAYS.between(curve.date(peak), asOf);
        }
        double max = all.stream().mapToDouble(DrawdownPeriod::depth).min().orElse(0.0);
        long longest = all.stream().mapToLong(p -> p.durationDays(asOf)).max().orElse(0);
        long longestRecovery = all.stream()
                .filter(DrawdownPeriod::recovered)
                .mapToLong(p -> p.daysToRecover().orElseThrow())
                .max()
                .orElse(0);
        List<DrawdownPeriod> deepest = all.stream()
                .sorted(Comparator.comparingDouble(DrawdownPeriod::depth).thenComparing(DrawdownPeriod::peak))
                .limit(topCount)
                .toList();
        return new DrawdownAnalysis(
                asOf, Math.min(current, 0.0), max, currentDuration, longest, longestRecovery, all.size(), deepest);
    }

    private static DrawdownPeriod episode(EquityCurve curve, int peak, int valley, LocalDate recovery) {
        return new DrawdownPeriod(
                curve.date(peak), curve.date(valley), recovery, curve.value(valley) / curve.value(peak) - 1);
    }
}
