package dev.paperdesk.engine.report.pdf;

import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.analytics.EquityCurve;
import dev.paperdesk.engine.analytics.MetricsConfig;
import dev.paperdesk.engine.montecarlo.MonteCarloResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a backtest report shows, independent of how a backtest result is stored: what was
 * tested on which data, the modelling assumptions in force, the equity curve with a buy-and-hold
 * benchmark, the closed trades and, optionally, a Monte Carlo run. Metrics, drawdowns, monthly
 * returns and trade statistics are computed from these by the analytics package.
 *
 * @param strategy the strategy's name
 * @param parameters its parameters in words, e.g. {@code fast=20, slow=50}
 * @param data instruments, timeframe and source of the data
 * @param currency account currency
 * @param initialCapital starting equity
 * @param assumptions the simulation models and costs in force (fill, slippage, fees, latency…)
 * @param equity account equity by date
 * @param buyAndHold buy-and-hold equity of the traded instrument on the same dates, or null
 * @param trades closed trades in any order
 * @param metrics annualisation and risk-free conventions
 * @param monteCarlo a Monte Carlo run on these trades, or null
 * @param monteCarloOriginal the original run's equity at steps 0..n for the fan chart, or null
 */
public record BacktestReportData(
        String strategy,
        String parameters,
        String data,
        LocalDate start,
        LocalDate end,
        String currency,
        double initialCapital,
        List<Assumption> assumptions,
        EquityCurve equity,
        EquityCurve buyAndHold,
        List<ClosedTrade> trades,
        MetricsConfig metrics,
        MonteCarloResult monteCarlo,
        double[] monteCarloOriginal) {

    /** One modelling assumption, e.g. {@code Slippage} = {@code 1 tick}. */
    public record Assumption(String name, String value) {
        public Assumption {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public BacktestReportData {
        Objects.requireNonNull(strategy, "strategy");
        parameters = parameters == null ? "" : parameters;
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(currency, "currency");
        assumptions = List.copyOf(assumptions);
        Objects.requireNonNull(equity, "equity");
        trades = List.copyOf(trades);
        Objects.requireNonNull(metrics, "metrics");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("backtest ends " + end + " before it starts " + start);
        }
        if (buyAndHold != null && !buyAndHold.dates().equals(equity.dates())) {
            throw new IllegalArgumentException("buy-and-hold equity must be dated like the strategy's equity");
        }
        monteCarloOriginal = monteCarloOriginal == null ? null : monteCarloOriginal.clone();
    }

    @Override
    public double[] monteCarloOriginal() {
        return monteCarloOriginal == null ? null : monteCarloOriginal.clone();
    }

    /** The same report with a Monte Carlo section. */
    public BacktestReportData withMonteCarlo(MonteCarloResult mc, double[] original) {
        return new BacktestReportData(
                strategy,
                parameters,
                data,
                start,
                end,
                currency,
                initialCapital,
                assumptions,
                equity,
                buyAndHold,
                trades,
                metrics,
                mc,
                original);
    }
}
