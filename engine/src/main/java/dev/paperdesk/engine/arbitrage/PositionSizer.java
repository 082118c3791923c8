package dev.paperdesk.engine.arbitrage;

/**
 * How much capital one trade uses (USD notional per leg).
 *
 * <pre>
 *   base   = (spread − fees − funding cost) / spread × available
 *   capped = min(base, maxTradeShare × available)           (50 % by default)
 *   sized  = max(capped, minTrade)                          (100 by default: no dust)
 *   final  = min(sized, max(depth / 4, minTrade))          (depth: thinner venue within 2 bps)
 * </pre>
 *
 * The depth cut keeps a trade to a quarter of the thinner book, where it would move the price by
 * more than the base slippage; it never cuts below the minimum trade, so on a book thinner than
 * twice the minimum the depth hard constraint (depth ≥ 2 × size) rejects the entry.
 */
public final class PositionSizer {
    private PositionSizer() {}

    /** The size before the depth cut. */
    public static double base(
            double spreadBps,
            double feesBps,
            double fundingCostBps,
            double availableCapital,
            double maxTradeShare,
            double minTrade) {
        if (!(spreadBps > 0) || !(availableCapital >= 0)) {
            return 0;
        }
        double edge = Math.max(0, (spreadBps - feesBps - fundingCostBps) / spreadBps);
        double base = edge * availableCapital;
        double capped = Math.min(base, availableCapital * maxTradeShare);
        return Math.max(capped, minTrade);
    }

    /** The final size: {@link #base} cut to a quarter of the thinner book (not below the minimum). */
    public static double size(
            double spreadBps,
            double feesBps,
            double fundingCostBps,
            double availableCapital,
            double maxTradeShare,
            double minTrade,
            double thinnerDepthUsd) {
        double base = base(spreadBps, feesBps, fundingCostBps, availableCapital, maxTradeShare, minTrade);
        return Math.min(base, Math.max(Math.max(0, thinnerDepthUsd) / 4, minTrade));
    }
}
