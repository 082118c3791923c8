package dev.paperdesk.engine.backtest;

/**
 * The core figures of a run. Return-based figures come from {@code PerformanceSummary} over daily
 * returns (the last equity of each UTC day; 252 periods a year, or 365 when the days include weekends as a
 * market open every day's do, {@code MetricsConfig.daily}; no risk-free rate), trade figures from
 * {@code TradeStatistics}; {@code null} where undefined (too few days or no trades).
 *
 * @param totalReturn final equity over starting capital minus one
 * @param cagr annualised return (geometric, 252 or 365 daily periods a year as above)
 * @param maxDrawdown the deepest fall from a running peak, negative
 * @param exposure fraction of the run a position was open
 */
public record BacktestMetrics(
        double finalEquity,
        Double totalReturn,
        Double cagr,
        Double sharpe,
        Double sortino,
        Double maxDrawdown,
        Double annualVolatility,
        Double winRate,
        Double profitFactor,
        Double expectancy,
        Double exposure,
        int trades) {}
