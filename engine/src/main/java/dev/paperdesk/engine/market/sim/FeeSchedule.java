package dev.paperdesk.engine.market.sim;

/**
 * Maker and taker fees of a venue, in basis points of notional (negative maker fees are rebates).
 */
public record FeeSchedule(double makerBps, double takerBps) {
    public FeeSchedule {
        if (!Double.isFinite(makerBps) || !Double.isFinite(takerBps)) {
            throw new IllegalArgumentException("fees must be finite numbers of basis points");
        }
        if (takerBps < 0) {
            throw new IllegalArgumentException("taker fee must not be negative: " + takerBps);
        }
        if (makerBps > takerBps) {
            throw new IllegalArgumentException("maker fee " + makerBps + " bps exceeds taker fee " + takerBps + " bps");
        }
    }

    /** The fee rate as a fraction of notional (5 bps → 0.0005). */
    public double rate(boolean maker) {
        return (maker ? makerBps : takerBps) / 10_000.0;
    }
}
