package dev.paperdesk.engine.analytics;

import java.util.Arrays;

/**
 * Empyrical-compatible return statistics over plain arrays of simple per-period returns.
 *
 * <p>Conventions (empyrical 0.5): a {@code NaN} element is a missing observation; means and standard
 * deviations skip missing values ({@code nanmean}, {@code nanstd} with {@code ddof = 1}); compounding
 * treats a missing return as zero; {@code annualReturn} counts every element, missing or not, when it
 * measures the number of years. {@code periodsPerYear} annualises (252 trading days, 365 calendar days,
 * 52 weeks, 12 months). Risk-free and required returns are per period, except the omega threshold,
 * which is annual as in empyrical.
 *
 * <p>Degenerate inputs return what empyrical returns: {@code NaN} for an empty series or one too short
 * for the statistic, {@code NaN} for 0/0 (zero mean over zero volatility), {@code ±Infinity} for a
 * non-zero mean over zero volatility (Sharpe, Sortino). A series whose valid values are all equal has
 * a standard deviation of exactly zero (no rounding residue).
 */
public final class ReturnStatistics {
    /** Empyrical's default VaR / CVaR cutoff: the worst 5% of periods. */
    public static final double DEFAULT_CUTOFF = 0.05;

    private ReturnStatistics() {}

    // ---------------------------------------------------------------- basic moments

    /** Mean of the non-missing values; {@code NaN} when there are none. */
    public static double nanMean(double[] x) {
        double sum = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Sample standard deviation of the non-missing values with {@code ddof} degrees of freedom removed;
     * {@code NaN} when fewer than {@code ddof + 1} values remain.
     */
    public static double nanStd(double[] x, int ddof) {
        int n = 0;
        double first = Double.NaN;
        boolean allEqual = true;
        double sum = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                if (n == 0) {
                    first = v;
                } else if (v != first) {
                    allEqual = false;
                }
                sum += v;
                n++;
            }
        }
        if (n - ddof <= 0) {
            return Double.NaN;
        }
        if (allEqual) {
            // numpy returns exactly 0 here too; the two-pass sum could leave a 1e-18 residue.
            return 0.0;
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                double d = v - mean;
                ss += d * d;
            }
        }
        return Math.sqrt(ss / (n - ddof));
    }

    private static double[] minus(double[] x, double c) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - c;
        }
        return out;
    }

    private static double[] minus(double[] x, double[] y) {
        requireSameLength(x, y);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - y[i];
        }
        return out;
    }

    private static void requireSameLength(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "series must be aligned: lengths " + x.length + " and " + y.length + " differ");
        }
    }

    private static double[] finiteOnly(double[] x) {
        return Arrays.stream(x).filter(v -> !Double.isNaN(v)).toArray();
    }

    // ---------------------------------------------------------------- cumulative

    /**
     * Cumulative returns after each period: {@code prod(1 + r) - 1}, or {@code startingValue * prod(1 + r)}
     * when {@code startingValue != 0} (empyrical {@code cum_returns}).
     */
    public static double[] cumReturns(double[] returns, double startingValue) {
        double[] out = new double[returns.length];
        double wealth = 1.0;
        for (int i = 0; i < returns.length; i++) {
            double r = returns[i];
            wealth *= 1.0 + (Double.isNaN(r) ? 0.0 : r);
            out[i] = startingValue == 0 ? wealth - 1.0 : wealth * startingValue;
        }
        return out;
    }

    /** Total compounded return {@code prod(1 + r) - 1}; {@code NaN} for an empty series. */
    public static double cumReturnFinal(double[] returns) {
        if (returns.length == 0) {
            return Double.NaN;
        }
        double wealth = 1.0;
        for (double r : returns) {
            if (!Double.isNaN(r)) {
                wealth *= 1.0 + r;
            }
        }
        return wealth - 1.0;
    }

    /**
     * Compound annual growth rate {@code (1 + cum)^(periodsPerYear / n) - 1} where {@code n} counts every
     * element (empyrical {@code annual_return}); {@code NaN} when empty or when wealth ends below zero.
     */
    public static double annualReturn(double[] returns, int periodsPerYear) {
        requirePeriods(periodsPerYear);
        if (returns.length < 1) {
            return Double.NaN;
        }
        double years = (double) returns.length / periodsPerYear;
        double ending = cumReturnFinal(returns) + 1.0;
        return Math.pow(ending, 1.0 / years) - 1.0;
    }

    /** Annualised volatility {@code nanstd(r, ddof=1) * sqrt(periodsPerYear)}; {@code NaN} below 2 elements. */
    public static double annualVolatility(double[] returns, int periodsPerYear) {
        requirePeriods(periodsPerYear);
        if (returns.length < 2) {
            return Double.NaN;
        }
        return nanStd(returns, 1) * Math.sqrt(periodsPerYear);
    }

    // ---------------------------------------------------------------- risk-adjusted

    /**
     * Annualised Sharpe ratio {@code mean(r - rf) / std(r - rf, ddof=1) * sqrt(periodsPerYear)};
     * {@code NaN} below 2 elements.
     */
    public static double sharpeRatio(double[] returns, double riskFree, int periodsPerYear) {
        requirePeriods(periodsPerYear);
        if (returns.length < 2) {
            return Double.NaN;
        }
        double[] adj = minus(returns, riskFree);
        return nanMean(adj) / nanStd(adj, 1) * Math.sqrt(periodsPerYear);
    }

    /**
     * Annualised downside deviation below {@code requiredReturn}: {@code sqrt(nanmean(min(r - req, 0)^2))
     * * sqrt(periodsPerYear)} (empyrical {@code downside_risk}); {@code NaN} when empty.
     */
    public static double downsideRisk(double[] returns, double requiredReturn, int periodsPerYear) {
        requirePeriods(periodsPerYear);
        if (returns.length < 1) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (double r : returns) {
            if (!Double.isNaN(r)) {
                double d = Math.min(r - requiredReturn, 0.0);
                sum += d * d;
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(sum / n) * Math.sqrt(periodsPerYear);
    }

    /**
     * Sortino ratio {@code nanmean(r - req) * periodsPerYear / downsideRisk} (empyrical); {@code NaN}
     * below 2 elements, {@code +Infinity} when no period falls below the required return.
     */
    public static double sortinoRatio(double[] returns, double requiredReturn, int periodsPerYear) {
        requirePeriods(periodsPerYear);
        if (returns.length < 2) {
            return Double.NaN;
        }
        double averageAnnual = nanMean(minus(returns, requiredReturn)) * periodsPerYear;
        return averageAnnual / downsideRisk(returns, requiredReturn, periodsPerYear);
    }

    /**
     * Maximum drawdown of the compounded wealth, a fraction {@code <= 0} measured from a starting value
     * that counts as the first peak (empyrical {@code max_drawdown}); {@code NaN} when empty.
     */
    public static double maxDrawdown(double[] returns) {
        if (returns.length < 1) {
            return Double.NaN;
        }
        double wealth = 100.0;
        double peak = wealth;
        double worst = 0.0;
        for (double r : returns) {
            wealth *= 1.0 + (Double.isNaN(r) ? 0.0 : r);
            peak = Math.max(peak, wealth);
            worst = Math.min(worst, (wealth - peak) / peak);
        }
        return worst;
    }

    /**
     * Calmar ratio {@code annualReturn / |maxDrawdown|}; {@code NaN} without a drawdown or when the
     * quotient is infinite (empyrical).
     */
    public static double calmarRatio(double[] returns, int periodsPerYear) {
        double maxDd = maxDrawdown(returns);
        if (!(maxDd < 0)) {
            return Double.NaN;
        }
        double ratio = annualReturn(returns, periodsPerYear) / Math.abs(maxDd);
        return Double.isInfinite(ratio) ? Double.NaN : ratio;
    }

    /**
     * Omega ratio: gains over losses of {@code r - riskFree - threshold}, where the per-period threshold
     * is {@code (1 + annualRequiredReturn)^(1 / periodsPerYear) - 1}. {@code NaN} below 2 elements, for an
     * annual requirement {@code <= -1}, or without any loss.
     */
    public static double omegaRatio(
            double[] returns, double riskFree, double annualRequiredReturn, int periodsPerYear) {
        requirePeriods(periodsPerYear);
        if (returns.length < 2) {
            return Double.NaN;
        }
        double threshold;
        if (periodsPerYear == 1) {
            threshold = annualRequiredReturn;
        } else if (annualRequiredReturn <= -1) {
            return Double.NaN;
        } else {
            threshold = Math.pow(1 + annualRequiredReturn, 1.0 / periodsPerYear) - 1;
        }
        double gains = 0;
        double losses = 0;
        for (double r : returns) {
            double d = r - riskFree - threshold;
            if (d > 0) {
                gains += d;
            } else if (d < 0) {
                losses -= d;
            }
        }
        return losses > 0 ? gains / losses : Double.NaN;
    }

    // ---------------------------------------------------------------- benchmark-relative

    /**
     * Beta {@code cov(b, r) / var(b)} over the periods where the strategy return is present (empyrical
     * {@code beta_aligned}); {@code NaN} when the benchmark variance is below 1e-30 or the series are too
     * short.
     */
    public static double beta(double[] returns, double[] benchmark) {
        requireSameLength(returns, benchmark);
        if (returns.length < 1 || benchmark.length < 2) {
            return Double.NaN;
        }
        double[] independent = new double[returns.length];
        for (int i = 0; i < returns.length; i++) {
            independent[i] = Double.isNaN(returns[i]) ? Double.NaN : benchmark[i];
        }
        double meanIndependent = nanMean(independent);
        double covSum = 0;
        int covN = 0;
        double varSum = 0;
        int varN = 0;
        for (int i = 0; i < returns.length; i++) {
            double residual = independent[i] - meanIndependent;
            double product = residual * returns[i];
            if (!Double.isNaN(product)) {
                covSum += product;
                covN++;
            }
            if (!Double.isNaN(residual)) {
                varSum += residual * residual;
                varN++;
            }
        }
        double covariance = covN == 0 ? Double.NaN : covSum / covN;
        double variance = varN == 0 ? Double.NaN : varSum / varN;
        if (!(variance >= 1.0e-30)) {
            return Double.NaN;
        }
        return covariance / variance;
    }

    /**
     * Jensen's alpha and beta, annualised as empyrical {@code alpha_beta}: {@code alpha = nanmean((r - rf)
     * - beta * (b - rf)) * periodsPerYear}.
     */
    public static AlphaBeta alphaBeta(double[] returns, double[] benchmark, double riskFree, int periodsPerYear) {
        requirePeriods(periodsPerYear);
        double beta = beta(returns, benchmark);
        if (returns.length < 2) {
            return new AlphaBeta(Double.NaN, beta);
        }
        double[] alphaSeries = new double[returns.length];
        for (int i = 0; i < returns.length; i++) {
            alphaSeries[i] = (returns[i] - riskFree) - beta * (benchmark[i] - riskFree);
        }
        return new AlphaBeta(nanMean(alphaSeries) * periodsPerYear, beta);
    }

    /**
     * Per-period excess Sharpe {@code mean(r - b) / std(r - b, ddof=1)} (empyrical {@code excess_sharpe},
     * not annualised); a tracking error that cannot be computed counts as 0.
     */
    public static double excessSharpe(double[] returns, double[] benchmark) {
        requireSameLength(returns, benchmark);
        if (returns.length < 2) {
            return Double.NaN;
        }
        double[] active = minus(returns, benchmark);
        double trackingError = nanStd(active, 1);
        if (Double.isNaN(trackingError)) {
            trackingError = 0;
        }
        return nanMean(active) / trackingError;
    }

    /** Annualised information ratio: {@link #excessSharpe} times {@code sqrt(periodsPerYear)}. */
    public static double informationRatio(double[] returns, double[] benchmark, int periodsPerYear) {
        requirePeriods(periodsPerYear);
        return excessSharpe(returns, benchmark) * Math.sqrt(periodsPerYear);
    }

    /**
     * R² of the linear regression of the returns on the benchmark (the squared Pearson correlation) over
     * periods where both are present; {@code NaN} with fewer than 2 pairs or a constant side.
     */
    public static double rSquared(double[] returns, double[] benchmark) {
        requireSameLength(returns, benchmark);
        int n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < returns.length; i++) {
            if (!Double.isNaN(returns[i]) && !Double.isNaN(benchmark[i])) {
                sx += benchmark[i];
                sy += returns[i];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < returns.length; i++) {
            if (!Double.isNaN(returns[i]) && !Double.isNaN(benchmark[i])) {
                double dx = benchmark[i] - mx;
                double dy = returns[i] - my;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        double r = Math.max(-1.0, Math.min(1.0, sxy / Math.sqrt(sxx * syy)));
        return r * r;
    }

    // ---------------------------------------------------------------- distribution

    /**
     * Percentile of already sorted values with numpy's default linear interpolation; {@code q} in [0, 1].
     */
    public static double percentileOfSorted(double[] sorted, double q) {
        if (q < 0 || q > 1 || Double.isNaN(q)) {
            throw new IllegalArgumentException("percentile must be within [0, 1], not " + q);
        }
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, n - 1);
        double t = pos - lo;
        double a = sorted[lo];
        double b = sorted[hi];
        // numpy's _lerp: symmetric form keeps the result exact at both ends.
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    }

    /** Percentile of the non-missing values (numpy linear interpolation); {@code NaN} when none. */
    public static double percentile(double[] values, double q) {
        double[] sorted = finiteOnly(values);
        Arrays.sort(sorted);
        return percentileOfSorted(sorted, q);
    }

    /**
     * Historical value at risk: the {@code cutoff} percentile of the per-period returns (empyrical
     * {@code value_at_risk}; 0.05 by default, 0.01 for the 99% level). Missing values are skipped.
     */
    public static double valueAtRisk(double[] returns, double cutoff) {
        return percentile(returns, cutoff);
    }

    /**
     * Conditional value at risk (expected shortfall): the mean of the {@code floor((n - 1) * cutoff) + 1}
     * worst returns (empyrical {@code conditional_value_at_risk}); {@code NaN} when empty.
     */
    public static double conditionalValueAtRisk(double[] returns, double cutoff) {
        if (cutoff < 0 || cutoff > 1 || Double.isNaN(cutoff)) {
            throw new IllegalArgumentException("cutoff must be within [0, 1], not " + cutoff);
        }
        double[] sorted = finiteOnly(returns);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int cutoffIndex = (int) ((sorted.length - 1) * cutoff);
        double sum = 0;
        for (int i = 0; i <= cutoffIndex; i++) {
            sum += sorted[i];
        }
        return sum / (cutoffIndex + 1);
    }

    /**
     * Tail ratio {@code |p95| / |p5|} of the returns (empyrical); {@code NaN} when empty, {@code
     * +Infinity} when the 5th percentile is zero.
     */
    public static double tailRatio(double[] returns) {
        double[] sorted = finiteOnly(returns);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        return Math.abs(percentileOfSorted(sorted, 0.95)) / Math.abs(percentileOfSorted(sorted, 0.05));
    }

    /**
     * Stability: R² of a least-squares line through the cumulative log returns against time (empyrical
     * {@code stability_of_timeseries}); {@code NaN} below 2 elements, 0 when the curve is flat.
     */
    public static double stabilityOfTimeseries(double[] returns) {
        if (returns.length < 2) {
            return Double.NaN;
        }
        double[] valid = finiteOnly(returns);
        int n = valid.length;
        if (n < 2) {
            return Double.NaN;
        }
        double[] y = new double[n];
        double cum = 0;
        for (int i = 0; i < n; i++) {
            cum += Math.log1p(valid[i]);
            y[i] = cum;
        }
        double mx = (n - 1) / 2.0;
        double my = 0;
        for (double v : y) {
            my += v;
        }
        my /= n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = i - mx;
            double dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx == 0 || syy == 0) {
            return 0.0; // scipy.stats.linregress reports r = 0 for a constant side
        }
        double r = Math.max(-1.0, Math.min(1.0, sxy / Math.sqrt(sxx * syy)));
        return r * r;
    }

    // ---------------------------------------------------------------- rolling

    /**
     * Sharpe ratio over each trailing window of {@code window} periods (empyrical {@code
     * roll_sharpe_ratio}): element {@code i} covers periods {@code [i, i + window)}; empty when the
     * series is empty, one window over everything when it is shorter than the window.
     */
    public static double[] rollingSharpe(double[] returns, int window, double riskFree, int periodsPerYear) {
        return rolling(returns, window, w -> sharpeRatio(w, riskFree, periodsPerYear));
    }

    /** Maximum drawdown over each trailing window of {@code window} periods (empyrical {@code roll_max_drawdown}). */
    public static double[] rollingMaxDrawdown(double[] returns, int window) {
        return rolling(returns, window, ReturnStatistics::maxDrawdown);
    }

    private static double[] rolling(double[] returns, int window, java.util.function.ToDoubleFunction<double[]> f) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, not " + window);
        }
        if (returns.length == 0) {
            return new double[0];
        }
        int w = Math.min(window, returns.length);
        double[] out = new double[returns.length - w + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(Arrays.copyOfRange(returns, i, i + w));
        }
        return out;
    }

    static void requirePeriods(int periodsPerYear) {
        if (periodsPerYear < 1) {
            throw new IllegalArgumentException("periods per year must be at least 1, not " + periodsPerYear);
        }
    }
}
