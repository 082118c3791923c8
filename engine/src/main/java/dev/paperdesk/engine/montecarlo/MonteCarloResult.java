package dev.paperdesk.engine.montecarlo;

import java.util.Objects;

/**
 * The outcome of a Monte Carlo run.
 *
 * @param method name of the resampling method
 * @param config the settings used
 * @param original metrics of the unresampled backtest (the trades in exit order, or the original
 *     returns); null for parameter perturbation, which has no single original path
 * @param bands percentiles of equity over the step index
 * @param finalEquity distribution of final equity
 * @param cagr distribution of CAGR
 * @param maxDrawdown distribution of maximum drawdown
 * @param sharpe distribution of the Sharpe ratio
 * @param probabilityOfProfit share of paths ending above the starting equity
 * @param probabilityOfRuin share of paths falling below {@code config.ruinFloor()} times the starting
 *     equity at some step
 */
public record MonteCarloResult(
        String method,
        MonteCarloConfig config,
        PathMetrics original,
        EquityBands bands,
        Distribution finalEquity,
        Distribution cagr,
        Distribution maxDrawdown,
        Distribution sharpe,
        double probabilityOfProfit,
        double probabilityOfRuin) {

    public MonteCarloResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(finalEquity, "finalEquity");
        Objects.requireNonNull(cagr, "cagr");
        Objects.requireNonNull(maxDrawdown, "maxDrawdown");
        Objects.requireNonNull(sharpe, "sharpe");
    }

    public int paths() {
        return config.paths();
    }
}
