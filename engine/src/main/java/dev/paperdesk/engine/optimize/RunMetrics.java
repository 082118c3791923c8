package dev.paperdesk.engine.optimize;

import dev.paperdesk.engine.backtest.BacktestMetrics;
import dev.paperdesk.engine.backtest.BacktestResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric names an objective or a checklist can refer to, and their values for a backtest.
 *
 * <p>They are the keys of RESULT.json's {@code metrics} plus {@code net_profit} (final equity minus
 * starting capital, in the account currency). Fractions stay fractions ({@code max_drawdown = -0.12}
 * is a 12% drawdown); an undefined figure is {@code NaN}.
 */
public final class RunMetrics {
    /** Every metric name, in the order of the results table. */
    public static final List<String> NAMES = List.of(
            "net_profit",
            "total_return",
            "cagr",
            "sharpe",
            "sortino",
            "max_drawdown",
            "annual_volatility",
            "win_rate",
            "profit_factor",
            "expectancy",
            "exposure",
            "trades",
            "final_equity");

    private RunMetrics() {}

    /** The metrics of a backtest, by name, in {@link #NAMES} order. */
    public static Map<String, Double> of(BacktestResult result) {
        return of(result.metrics(), result.config().capital().doubleValue());
    }

    /** The metrics of a run that started with {@code capital}. */
    public static Map<String, Double> of(BacktestMetrics m, double capital) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("net_profit", m.finalEquity() - capital);
        out.put("total_return", value(m.totalReturn()));
        out.put("cagr", value(m.cagr()));
        out.put("sharpe", value(m.sharpe()));
        out.put("sortino", value(m.sortino()));
        out.put("max_drawdown", value(m.maxDrawdown()));
        out.put("annual_volatility", value(m.annualVolatility()));
        out.put("win_rate", value(m.winRate()));
        out.put("profit_factor", value(m.profitFactor()));
        out.put("expectancy", value(m.expectancy()));
        out.put("exposure", value(m.exposure()));
        out.put("trades", (double) m.trades());
        out.put("final_equity", m.finalEquity());
        return Collections.unmodifiableMap(out);
    }

    private static double value(Double v) {
        return v == null ? Double.NaN : v;
    }
}
