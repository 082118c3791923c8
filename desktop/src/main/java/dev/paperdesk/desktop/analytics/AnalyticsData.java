package dev.paperdesk.desktop.analytics;

import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.analytics.DatedValue;
import dev.paperdesk.engine.analytics.DrawdownAnalysis;
import dev.paperdesk.engine.analytics.MetricsConfig;
import dev.paperdesk.engine.analytics.MonthlyReturnsTable;
import dev.paperdesk.engine.analytics.PerformanceSummary;
import dev.paperdesk.engine.analytics.PnlAttribution;
import dev.paperdesk.engine.analytics.ReturnAggregation;
import dev.paperdesk.engine.analytics.ReturnSeries;
import dev.paperdesk.engine.analytics.TradeStatistics;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.report.PortfolioPerformance;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything the analytics view shows about one source, computed once off the UI thread with the
 * engine's analytics (daily returns, 252 periods a year, no risk-free rate).
 *
 * @param title what was analysed
 * @param dates days of the equity curve
 * @param equity equity at the end of each day, account currency
 * @param benchmark buy-and-hold equity on the same days, or null without a benchmark
 * @param benchmarkName the benchmark instrument, empty without one
 * @param returns daily returns (time-weighted for a portfolio: deposits do not count)
 * @param underwater drawdown of the compounded returns on each return date, a fraction {@code <= 0}
 * @param summary headline metrics, null with fewer than two returns
 * @param trades statistics of the closed trades, null without trades
 * @param attribution realised P&amp;L by instrument and asset class
 * @param monthly compounded returns by year and month
 * @param rollingSharpe Sharpe ratio over each trailing {@value #ROLLING_WINDOW}-day window
 * @param drawdowns the deepest drawdown episodes, null with fewer than two returns
 */
public record AnalyticsData(
        String title,
        List<LocalDate> dates,
        double[] equity,
        double[] benchmark,
        String benchmarkName,
        ReturnSeries returns,
        double[] underwater,
        PerformanceSummary summary,
        TradeStatistics trades,
        PnlAttribution attribution,
        MonthlyReturnsTable monthly,
        List<DatedValue> rollingSharpe,
        DrawdownAnalysis drawdowns) {

    /** Trading days in the rolling Sharpe window: about three months. */
    public static final int ROLLING_WINDOW = 63;

    public AnalyticsData {
        Objects.requireNonNull(title, "title");
        dates = List.copyOf(dates);
        Objects.requireNonNull(equity, "equity");
        benchmarkName = benchmarkName == null ? "" : benchmarkName;
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(attribution, "attribution");
        Objects.requireNonNull(monthly, "monthly");
        rollingSharpe = List.copyOf(rollingSharpe);
    }

    /** The analytics of a saved backtest, against its buy-and-hold benchmark. */
    public static AnalyticsData ofBacktest(
            String title, BacktestResult result, Function<InstrumentId, AssetClass> assetClasses) {
        DailyEquity daily = DailyEquity.of(result);
        return of(
                title,
                daily.dates(),
                daily.equity(),
                daily.benchmark(),
                daily.benchmarkName(),
                daily.returns(),
                DailyEquity.trades(result, assetClasses));
    }

    /** The analytics of a portfolio's history. */
    public static AnalyticsData ofPortfolio(String title, PortfolioPerformance p) {
        return of(title, p.dates(), p.equity(), null, "", p.returns(), p.trades());
    }

    private static AnalyticsData of(
            String title,
            List<LocalDate> dates,
            double[] equity,
            double[] benchmark,
            String benchmarkName,
            ReturnSeries returns,
            List<ClosedTrade> closed) {
        boolean enough = returns.size() >= 2;
        return new AnalyticsData(
                title,
                dates,
                equity,
                benchmark,
                benchmarkName,
                returns,
                underwater(returns.returns()),
                enough ? PerformanceSummary.of(returns, MetricsConfig.daily(returns.dates())) : null,
                closed.isEmpty() ? null : TradeStatistics.of(closed),
                PnlAttribution.of(closed),
                MonthlyReturnsTable.of(returns),
                ReturnAggregation.rollingSharpe(returns, ROLLING_WINDOW, MetricsConfig.daily(returns.dates())),
                enough ? DrawdownAnalysis.of(returns) : null);
    }

    /** Drawdown of the wealth index {@code prod(1 + r)} from 1 (a missing return counts as zero). */
    static double[] underwater(double[] returns) {
        double[] out = new double[returns.length];
        double wealth = 1;
        double peak = 1;
        for (int i = 0; i < returns.length; i++) {
            double r = returns[i];
            wealth *= 1 + (Double.isNaN(r) ? 0 : r);
            peak = Math.max(peak, wealth);
            out[i] = wealth / peak - 1;
        }
        return out;
    }

    /** True when there is not enough history for return metrics (fewer than two daily returns). */
    public boolean tooShort() {
        return summary == null;
    }

    @Override
    public double[] equity() {
        return equity.clone();
    }

    @Override
    public double[] benchmark() {
        return benchmark == null ? null : benchmark.clone();
    }

    @Override
    public double[] underwater() {
        return underwater.clone();
    }
}
