package dev.paperdesk.engine.pricing.strategy;

/** The premium per unit of underlying an option leg would trade at, and its implied volatility. */
public record LegPrice(double premium, double volatility) {
    public LegPrice {
        if (!(premium >= 0.0) || Double.isInfinite(premium)) {
            throw new IllegalArgumentException("premium must be finite and ≥ 0, got " + premium);
        }
        if (!(volatility >= 0.0) || Double.isInfinite(volatility)) {
            throw new IllegalArgumentException("volatility must be finite and ≥ 0, got " + volatility);
        }
    }
}
