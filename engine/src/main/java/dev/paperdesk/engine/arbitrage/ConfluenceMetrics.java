package dev.paperdesk.engine.arbitrage;

import java.util.Objects;

/**
 * The evidence for one symbol on one venue pair, and the confidence it earns.
 *
 * @param fundingDelta8h short venue's funding minus long venue's, last settled, per 8 h (fraction)
 * @param fundingDeltaProjected8h the same from the rates accruing now (the next settlement)
 * @param orderBookImbalance long venue's imbalance minus short venue's, halved (−1 … 1; positive
 *     when buyers lean on the long venue and sellers on the short one)
 * @param openInterestRatio open interest now over its 24 h average (both venues summed)
 * @param vwapDeviation distance of the mids from their VWAPs in standard deviations (larger of the two)
 * @param atrBps one-minute ATR in basis points of the price (larger of the two)
 * @param atrFalling whether the ATR is lower than five minutes ago on both venues (calming)
 * @param liquidationDistancePct distance from the mid to the nearest estimated liquidation cluster, %
 * @param hardConstraints the gatekeepers
 */
public record ConfluenceMetrics(
        double fundingDelta8h,
        double fundingDeltaProjected8h,
        double orderBookImbalance,
        double openInterestRatio,
        double vwapDeviation,
        double atrBps,
        boolean atrFalling,
        double liquidationDistancePct,
        HardConstraints hardConstraints) {
    /** Weights of the soft metrics: funding, imbalance, open interest, VWAP, volatility, liquidations. */
    public static final int[] WEIGHTS = {9, 8, 7, 6, 5, 5};

    private static final int WEIGHT_SUM = 40;

    public ConfluenceMetrics {
        Objects.requireNonNull(hardConstraints, "hardConstraints");
    }

    /**
     * The soft score 0–100: each metric scores 0–1 and the weights 9, 8, 7, 6, 5, 5 average them.
     * Funding: full marks at five times the 0.01 % floor (mean of settled and projected). Imbalance:
     * 0.5 + imbalance / 2. Open interest: ratio − 0.5, clamped (interest at or above its average
     * scores well). VWAP: 1 − deviation / 3. Volatility: 1 when the ATR is falling, else 1 − ATR / 20
     * bps (at least 0.2). Liquidations: distance / 1 %, clamped.
     */
    public int softScore(double fundingFloor8h) {
        double floor = fundingFloor8h > 0 ? fundingFloor8h : 0.0001;
        double funding = clamp(((fundingDelta8h + fundingDeltaProjected8h) / 2) / (5 * floor));
        double obi = clamp(0.5 + orderBookImbalance / 2);
        double oi = Double.isNaN(openInterestRatio) ? 0.5 : clamp(openInterestRatio - 0.5);
        double vwap = Double.isNaN(vwapDeviation) ? 0.5 : clamp(1 - vwapDeviation / 3);
        double vol = atrFalling ? 1 : (Double.isNaN(atrBps) ? 0.5 : Math.max(0.2, clamp(1 - atrBps / 20)));
        double liq = Double.isNaN(liquidationDistancePct) ? 0.5 : clamp(liquidationDistancePct / 1.0);
        double weighted = WEIGHTS[0] * funding
                + WEIGHTS[1] * obi
                + WEIGHTS[2] * oi
                + WEIGHTS[3] * vwap
                + WEIGHTS[4] * vol
                + WEIGHTS[5] * liq;
        return (int) Math.round(100.0 * weighted / WEIGHT_SUM);
    }

    /**
     * The confidence 0–100: 0 when a hard constraint fails or every monitored venue is stale;
     * otherwise the soft score, minus {@code latencyPenalty} points while any monitored venue (off
     * this pair) is stale, never below 0.
     */
    public int confidence(double fundingFloor8h, boolean anyVenueStale, boolean allVenuesStale, int latencyPenalty) {
        if (!hardConstraints.passesAll() || allVenuesStale) {
            return 0;
        }
        int score = softScore(fundingFloor8h);
        return anyVenueStale ? Math.max(0, score - latencyPenalty) : score;
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : (v < 0 ? 0 : (v > 1 ? 1 : v));
    }
}
