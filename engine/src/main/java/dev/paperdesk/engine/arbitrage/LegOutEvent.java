package dev.paperdesk.engine.arbitrage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One leg filled and the other did not within the leg timeout, so the other was closed or opened
 * with a market order (the hedge).
 *
 * @param phase {@code entry} or {@code exit}
 * @param filledLeg {@code long} or {@code short}
 * @param filledAt when the filled leg filled
 * @param unfilledLeg the leg that had to be hedged
 * @param hedgeExecuted always true: a naked leg is never left open
 * @param hedgeAt when the hedge filled (never more than the leg timeout after {@code filledAt})
 * @param hedgePrice the hedge's fill price
 * @param loss what the hedge cost against the limit price it replaced, fees included (≥ 0)
 */
public record LegOutEvent(
        String tradeId,
        String symbol,
        String phase,
        String filledLeg,
        Instant filledAt,
        String unfilledLeg,
        boolean hedgeExecuted,
        Instant hedgeAt,
        BigDecimal hedgePrice,
        BigDecimal loss) {
    public LegOutEvent {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(filledAt, "filledAt");
        Objects.requireNonNull(hedgeAt, "hedgeAt");
        Objects.requireNonNull(hedgePrice, "hedgePrice");
        Objects.requireNonNull(loss, "loss");
        if (loss.signum() < 0) {
            throw new IllegalArgumentException(tradeId + ": leg-out loss must not be negative: " + loss);
        }
    }
}
