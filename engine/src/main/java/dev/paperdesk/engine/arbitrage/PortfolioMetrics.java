package dev.paperdesk.engine.arbitrage;

import java.math.BigDecimal;

/**
 * The arbitrage book's figures at one time. Money is exact; ratios are doubles.
 *
 * @param utilizationPct open exposure / starting capital × 100
 * @param winRatePct wins / closed trades × 100 (0 before the first close)
 * @param pnlPct cumulative P&amp;L / starting capital × 100
 * @param legOutLossPct leg-out losses / |cumulative P&amp;L| × 100 (0 while P&amp;L is 0)
 * @param realisticAprPct (cumulative P&amp;L / starting capital) / (days elapsed / 365) × 100
 */
public record PortfolioMetrics(
        BigDecimal startingCapital,
        BigDecimal availableCapital,
        BigDecimal openExposure,
        double utilizationPct,
        int totalTrades,
        int activeTrades,
        int wins,
        int losses,
        double winRatePct,
        BigDecimal cumulativePnl,
        double pnlPct,
        int legOutCount,
        BigDecimal legOutTotalLoss,
        double legOutLossPct,
        double daysElapsed,
        double realisticAprPct) {}
