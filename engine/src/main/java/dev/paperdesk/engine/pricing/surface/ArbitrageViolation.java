package dev.paperdesk.engine.pricing.surface;

/** A point where a volatility surface admits static arbitrage. */
public sealed interface ArbitrageViolation {

    /** Negative implied density within one slice: a butterfly of strikes around k has negative cost. */
    record Butterfly(double expiry, double logMoneyness, double density) implements ArbitrageViolation {}

    /** Total variance falls from an earlier to a later expiry at the same k: a calendar spread has negative cost. */
    record Calendar(
            double earlierExpiry, double laterExpiry, double logMoneyness, double earlierVariance, double laterVariance)
            implements ArbitrageViolation {}
}
