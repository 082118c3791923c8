package dev.paperdesk.engine.market;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The mark and index prices of a perpetual swap, with the funding rate the current interval would
 * settle at if it ended now.
 *
 * @param markPrice the price used for unrealised P&amp;L and liquidation (not the last trade)
 * @param indexPrice the spot reference price the perpetual is anchored to
 * @param estimatedFundingRate the funding rate per interval accrued so far (fraction, 0.0001 = 0.01%)
 * @param nextFundingTime when the current funding interval settles
 */
public record MarkPrice(
        InstrumentId instrumentId,
        Instant timestamp,
        Price markPrice,
        Price indexPrice,
        BigDecimal estimatedFundingRate,
        Instant nextFundingTime) {
    public MarkPrice {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(markPrice, "markPrice");
        Objects.requireNonNull(indexPrice, "indexPrice");
        Objects.requireNonNull(estimatedFundingRate, "estimatedFundingRate");
        Objects.requireNonNull(nextFundingTime, "nextFundingTime");
        if (markPrice.value().signum() <= 0 || indexPrice.value().signum() <= 0) {
            throw new IllegalArgumentException(instrumentId + ": mark and index prices must be positive");
        }
    }
}
