package dev.paperdesk.engine.backtest;

import dev.paperdesk.engine.execution.models.ModelAssumptions;
import java.util.List;
import java.util.Objects;

/**
 * Everything a backtest produced: its configuration and model assumptions, the trades and fills,
 * the equity and drawdown curves with the buy-and-hold overlay, the metrics and the timing.
 *
 * @param cancelled true when the run was cancelled: the figures cover the bars replayed until then
 * @param failure the strategy's failure message when it threw (the run continued without it), or empty
 * @param rejections orders the engine refused, one line each: time, side, quantity, instrument, reason
 * @param warnings what the strategy logged as a warning or an error, one line each (time, level,
 *     message), oldest first: orders it chose not to place and why, a rule that never acted and why
 */
public record BacktestResult(
        BacktestSettings config,
        ModelAssumptions assumptions,
        BacktestMetrics metrics,
        BenchmarkComparison benchmark,
        List<BacktestTrade> trades,
        List<BacktestFill> fills,
        List<EquityPoint> equity,
        BacktestTiming timing,
        boolean cancelled,
        String failure,
        List<String> rejections,
        List<String> warnings) {
    public BacktestResult {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(assumptions, "assumptions");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(benchmark, "benchmark");
        trades = List.copyOf(trades);
        fills = List.copyOf(fills);
        equity = EquityCurve.copyOf(equity);
        Objects.requireNonNull(timing, "timing");
        failure = failure == null ? "" : failure;
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
