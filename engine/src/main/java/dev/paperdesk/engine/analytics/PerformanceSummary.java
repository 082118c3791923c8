package dev.paperdesk.engine.analytics;

import java.util.Objects;

/**
 * The headline performance and risk metrics of a return series, computed with empyrical's conventions.
 *
 * <p>Benchmark-relative fields ({@code alpha}, {@code beta}, {@code informationRatio}, {@code
 * rSquared}) are {@code NaN} when the series has no benchmark. Every field is {@code NaN} (or {@code
 * ±Infinity}) exactly where the corresponding {@link ReturnStatistics} method says so.
 *
 * @param periods number of periods, missing ones included
 * @param cumReturn total compounded return
 * @param annualReturn compound annual growth rate
 * @param annualVolatility annualised sample standard deviation
 * @param sharpeRatio annualised Sharpe ratio over the risk-free rate
 * @param sortinoRatio Sortino ratio over the required return
 * @param downsideRisk annualised downside deviation below the required return
 * @param maxDrawdown maximum drawdown, a fraction {@code <= 0}
 * @param calmarRatio annual return over |max drawdown|
 * @param omegaRatio omega ratio at the annual threshold
 * @param alpha annualised Jensen's alpha
 * @param beta beta against the benchmark
 * @param informationRatio annualised mean active return over tracking error
 * @param rSquared R² of the returns regressed on the benchmark
 * @param tailRatio |95th percentile| over |5th percentile|
 * @param valueAtRisk historical VaR at the configured cutoff (5% by default)
 * @param cvar conditional VaR at the configured cutoff
 * @param valueAtRisk1 historical VaR at the 1% cutoff
 * @param cvar1 conditional VaR at the 1% cutoff
 * @param stability R² of a line through the cumulative log returns
 */
public record PerformanceSummary(
        int periods,
        double cumReturn,
        double annualReturn,
        double annualVolatility,
        double sharpeRatio,
        double sortinoRatio,
        double downsideRisk,
        double maxDrawdown,
        double calmarRatio,
        double omegaRatio,
        double alpha,
        double beta,
        double informationRatio,
        double rSquared,
        double tailRatio,
        double valueAtRisk,
        double cvar,
        double valueAtRisk1,
        double cvar1,
        double stability) {

    /** Computes every metric of {@code series} with the given conventions. */
    public static PerformanceSummary of(ReturnSeries series, MetricsConfig config) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(config, "config");
        double[] r = series.rawReturns();
        double[] b = series.rawBenchmark();
        int ppy = config.periodsPerYear();
        AlphaBeta ab = b == null
                ? new AlphaBeta(Double.NaN, Double.NaN)
                : ReturnStatistics.alphaBeta(r, b, config.riskFree(), ppy);
        return new PerformanceSummary(
                r.length,
                ReturnStatistics.cumReturnFinal(r),
                ReturnStatistics.annualReturn(r, ppy),
                ReturnStatistics.annualVolatility(r, ppy),
                ReturnStatistics.sharpeRatio(r, config.riskFree(), ppy),
                ReturnStatistics.sortinoRatio(r, config.requiredReturn(), ppy),
                ReturnStatistics.downsideRisk(r, config.requiredReturn(), ppy),
                ReturnStatistics.maxDrawdown(r),
                ReturnStatistics.calmarRatio(r, ppy),
                ReturnStatistics.omegaRatio(r, config.riskFree(), config.omegaAnnualThreshold(), ppy),
                ab.alpha(),
                ab.beta(),
                b == null ? Double.NaN : ReturnStatistics.informationRatio(r, b, ppy),
                b == null ? Double.NaN : ReturnStatistics.rSquared(r, b),
                ReturnStatistics.tailRatio(r),
                ReturnStatistics.valueAtRisk(r, config.varCutoff()),
                ReturnStatistics.conditionalValueAtRisk(r, config.varCutoff()),
                ReturnStatistics.valueAtRisk(r, 0.01),
                ReturnStatistics.conditionalValueAtRisk(r, 0.01),
                ReturnStatistics.stabilityOfTimeseries(r));
    }
}
