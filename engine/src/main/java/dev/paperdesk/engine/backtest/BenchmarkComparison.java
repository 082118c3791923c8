package dev.paperdesk.engine.backtest;

/**
 * Buy-and-hold of one instrument over the same bars, and how the strategy compares.
 *
 * @param excessReturn the strategy's total return minus the benchmark's
 * @param alpha annualised alpha of the strategy's daily returns against the benchmark's
 * @param beta beta of the strategy's daily returns against the benchmark's
 */
public record BenchmarkComparison(
        String instrument,
        Double totalReturn,
        Double cagr,
        Double sharpe,
        Double maxDrawdown,
        Double excessReturn,
        Double alpha,
        Double beta) {}
