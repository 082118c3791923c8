package dev.paperdesk.engine.optimize;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a walk-forward analysis: each window's chosen parameters with in- and out-of-sample
 * returns, the out-of-sample equity stitched into one curve, and the walk-forward efficiency.
 *
 * @param windows one per window, in time order
 * @param oosEquity the stitched out-of-sample equity: starts at the capital at the first window's
 *     out-of-sample start and compounds each window's out-of-sample returns
 * @param inSampleAnnualReturn mean over windows of the best in-sample run's annualized return
 * @param outOfSampleAnnualReturn annualized return of the stitched out-of-sample equity over the
 *     total out-of-sample time
 * @param efficiency {@code outOfSampleAnnualReturn / inSampleAnnualReturn}; {@code NaN} when the
 *     in-sample return is not positive
 */
public record WalkForwardResult(
        WalkForwardSpec spec,
        List<WindowResult> windows,
        List<EquitySample> oosEquity,
        double inSampleAnnualReturn,
        double outOfSampleAnnualReturn,
        double efficiency) {
    public WalkForwardResult {
        Objects.requireNonNull(spec, "spec");
        windows = List.copyOf(windows);
        oosEquity = List.copyOf(oosEquity);
    }

    /** Equity at an instant (a bar close). */
    public record EquitySample(Instant time, double equity) {
        public EquitySample {
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * One window's outcome.
     *
     * @param best the best in-sample trial, or null when no run in the window had an objective (the
     *     out-of-sample range is then held in cash: zero return)
     * @param trials candidates evaluated in sample
     * @param inSampleReturn the best run's total return in sample
     * @param inSampleAnnualReturn {@code (1 + inSampleReturn)^(1 / inSampleYears) - 1}
     * @param outOfSampleReturn the chosen parameters' return over the out-of-sample range
     * @param outOfSampleAnnualReturn the same annualized over the out-of-sample years
     * @param efficiency {@code outOfSampleAnnualReturn / inSampleAnnualReturn}, {@code NaN} unless the
     *     in-sample return is positive
     * @param outOfSampleTrades trades that closed in the out-of-sample range
     */
    public record WindowResult(
            WalkForwardWindow window,
            Trial best,
            int trials,
            double inSampleReturn,
            double inSampleAnnualReturn,
            double outOfSampleReturn,
            double outOfSampleAnnualReturn,
            double efficiency,
            int outOfSampleTrades) {
        public WindowResult {
            Objects.requireNonNull(window, "window");
        }
    }

    /** {@code (1 + totalReturn)^(1 / years) - 1}; -1 when everything was lost; {@code NaN} without time. */
    public static double annualize(double totalReturn, double years) {
        if (!(years > 0) || Double.isNaN(totalReturn)) {
            return Double.NaN;
        }
        if (totalReturn <= -1) {
            return -1;
        }
        return Math.pow(1 + totalReturn, 1 / years) - 1;
    }

    /** {@code oos / is} when the in-sample return is positive, else {@code NaN}. */
    public static double efficiency(double outOfSampleAnnual, double inSampleAnnual) {
        return inSampleAnnual > 0 && !Double.isNaN(outOfSampleAnnual) ? outOfSampleAnnual / inSampleAnnual : Double.NaN;
    }
}
