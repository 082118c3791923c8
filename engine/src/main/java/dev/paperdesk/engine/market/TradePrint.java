package dev.paperdesk.engine.market;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import java.time.Instant;
import java.util.Objects;

/**
 * One public trade on a venue: price, size and the side of the order that crossed the spread.
 *
 * @param aggressor {@code BUY} when a buyer lifted the offer, {@code SELL} when a seller hit the bid
 */
public record TradePrint(InstrumentId instrumentId, Instant timestamp, Price price, Quantity size, Side aggressor) {
    public TradePrint {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(aggressor, "aggressor");
        if (price.value().signum() <= 0) {
            throw new IllegalArgumentException(instrumentId + ": trade price must be positive: " + price);
        }
        if (!size.isPositive()) {
            throw new IllegalArgumentException(instrumentId + ": trade size must be positive: " + size);
        }
    }
}
