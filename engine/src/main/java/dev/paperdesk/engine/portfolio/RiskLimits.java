package dev.paperdesk.engine.portfolio;

import java.util.Objects;

/**
 * A portfolio's advisory risk limits. Percentages are in percent of equity (25 = 25%); the
 * correlation threshold is a coefficient. Each limit warns or blocks on its own.
 *
 * @param maxPositionPct largest position notional as a percentage of equity (1–100)
 * @param dailyLossPct loss since the start of the UTC day that stops new exposure (1–50)
 * @param maxOpenPositions most positions open at once (1–100)
 * @param riskPerTradePct largest loss to the stop of one order (0.1–10)
 * @param drawdownStopPct drawdown from the equity peak that stops new exposure (5–50)
 * @param correlation correlation of recent returns above which a new position is flagged (0.5–0.95)
 */
public record RiskLimits(
        RiskLimit maxPositionPct,
        RiskLimit dailyLossPct,
        RiskLimit maxOpenPositions,
        RiskLimit riskPerTradePct,
        RiskLimit drawdownStopPct,
        RiskLimit correlation) {
    public static final RiskLimits DEFAULTS = new RiskLimits(
            RiskLimit.warn("25"),
            RiskLimit.warn("10"),
            RiskLimit.warn("20"),
            RiskLimit.warn("2"),
            RiskLimit.warn("25"),
            RiskLimit.warn("0.7"));

    public RiskLimits {
        Objects.requireNonNull(maxPositionPct, "maxPositionPct").checkRange("max position size (%)", "1", "100");
        Objects.requireNonNull(dailyLossPct, "dailyLossPct").checkRange("daily loss limit (%)", "1", "50");
        Objects.requireNonNull(maxOpenPositions, "maxOpenPositions").checkRange("max open positions", "1", "100");
        Objects.requireNonNull(riskPerTradePct, "riskPerTradePct").checkRange("risk per trade (%)", "0.1", "10");
        Objects.requireNonNull(drawdownStopPct, "drawdownStopPct").checkRange("drawdown stop (%)", "5", "50");
        Objects.requireNonNull(correlation, "correlation").checkRange("correlation threshold", "0.5", "0.95");
        if (maxOpenPositions.threshold().stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("max open positions must be a whole number");
        }
    }
}
