package dev.paperdesk.engine.optimize;

import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.analytics.EquityCurve;
import dev.paperdesk.engine.analytics.MetricsConfig;
import dev.paperdesk.engine.analytics.PerformanceSummary;
import dev.paperdesk.engine.analytics.ReturnSeries;
import dev.paperdesk.engine.analytics.TradeStatistics;
import dev.paperdesk.engine.backtest.BacktestResult;
import java.util.List;
import java.util.Map;

/**
 * The figures of a run that the go-live checklist looks at; {@code NaN} where undefined.
 *
 * @param winRate winning share of closed trades
 * @param sharpe annualised Sharpe ratio
 * @param maxDrawdown deepest fall from a peak, a fraction {@code <= 0} as in RESULT.json
 * @param pnl net profit in the account currency
 * @param trades closed trades
 * @param errors strategy errors plus orders the engine refused
 */
public record GoLiveFigures(double winRate, double sharpe, double maxDrawdown, double pnl, int trades, int errors) {
    public GoLiveFigures {
        if (trades < 0 || errors < 0) {
            throw new IllegalArgumentException("trade and error counts must not be negative");
        }
    }

    /** The figures of a backtest: its metrics; errors are the strategy's failure (1) plus refused orders. */
    public static GoLiveFigures of(BacktestResult result) {
        int errors = (result.failure().isEmpty() ? 0 : 1) + result.rejections().size();
        return of(RunMetrics.of(result), errors);
    }

    /**
     * The figures of a paper-trading period: win rate from the closed trades, Sharpe ratio and max
     * drawdown from the equity curve (one point per period, e.g. daily, annualised with {@code
     * config}), P&amp;L = last minus first equity (open positions included).
     */
    public static GoLiveFigures of(List<ClosedTrade> trades, EquityCurve equity, MetricsConfig config, int errors) {
        double winRate =
                trades.isEmpty() ? Double.NaN : TradeStatistics.of(trades).winRate();
        double sharpe = Double.NaN;
        double maxDrawdown = Double.NaN;
        double pnl = Double.NaN;
        if (equity.size() >= 1) {
            pnl = equity.value(equity.size() - 1) - equity.value(0);
        }
        if (equity.size() >= 3) {
            PerformanceSummary p = PerformanceSummary.of(equity.returns(), config);
            sharpe = p.sharpeRatio();
            maxDrawdown = p.maxDrawdown();
        }
        return new GoLiveFigures(winRate, sharpe, maxDrawdown, pnl, trades.size(), errors);
    }

    /**
     * The figures of a live portfolio's paper-trading period from its time-weighted returns, so
     * deposits and top-ups do not count as performance: win rate from the closed trades, Sharpe ratio
     * and max drawdown from {@code returns} (at least two), and P&amp;L as the sum of each day's
     * return times the equity it started from, {@code Σ r[i] · equity[i]}, which is the change in
     * equity less the money moved in.
     *
     * @param returns daily returns; a missing ({@code NaN}) return adds nothing to the P&amp;L
     * @param equity equity at the end of each day, one more value than {@code returns}: {@code
     *     equity[i]} is what the day of {@code returns[i]} started from
     */
    public static GoLiveFigures fromReturns(
            List<ClosedTrade> trades, ReturnSeries returns, double[] equity, MetricsConfig config, int errors) {
        if (!returns.isEmpty() && equity.length != returns.size() + 1) {
            throw new IllegalArgumentException("need one more equity value than returns: " + equity.length
                    + " equity values for " + returns.size() + " returns");
        }
        double winRate =
                trades.isEmpty() ? Double.NaN : TradeStatistics.of(trades).winRate();
        double sharpe = Double.NaN;
        double maxDrawdown = Double.NaN;
        double pnl = equity.length == 0 ? Double.NaN : 0;
        for (int i = 0; i < returns.size(); i++) {
            double r = returns.returnAt(i);
            if (!Double.isNaN(r)) {
                pnl += r * equity[i];
            }
        }
        if (returns.size() >= 2) {
            PerformanceSummary p = PerformanceSummary.of(returns, config);
            sharpe = p.sharpeRatio();
            maxDrawdown = p.maxDrawdown();
        }
        return new GoLiveFigures(winRate, sharpe, maxDrawdown, pnl, trades.size(), errors);
    }

    /** The figures from metrics by {@link RunMetrics} name and a count of errors. */
    public static GoLiveFigures of(Map<String, Double> metrics, int errors) {
        double trades = get(metrics, "trades");
        return new GoLiveFigures(
                get(metrics, "win_rate"),
                get(metrics, "sharpe"),
                get(metrics, "max_drawdown"),
                get(metrics, "net_profit"),
                Double.isNaN(trades) ? 0 : (int) trades,
                errors);
    }

    private static double get(Map<String, Double> m, String name) {
        Double v = m.get(name);
        return v == null ? Double.NaN : v;
    }
}
