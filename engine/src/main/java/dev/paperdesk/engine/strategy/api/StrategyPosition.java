package dev.paperdesk.engine.strategy.api;

import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A strategy's view of its position in one instrument.
 *
 * @param quantity signed: positive long, negative short, zero flat
 * @param averagePrice average entry price per unit, zero when flat
 */
public record StrategyPosition(InstrumentId instrumentId, BigDecimal quantity, BigDecimal averagePrice) {
    public StrategyPosition {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averagePrice, "averagePrice");
        if (averagePrice.signum() < 0) {
            throw new IllegalArgumentException(instrumentId + ": negative average price " + averagePrice);
        }
    }

    /** No position. */
    public static StrategyPosition flat(InstrumentId instrumentId) {
        return new StrategyPosition(instrumentId, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public PositionState state() {
        return PositionState.of(quantity.signum());
    }

    public boolean isFlat() {
        return quantity.signum() == 0;
    }

    public boolean isLong() {
        return quantity.signum() > 0;
    }

    public boolean isShort() {
        return quantity.signum() < 0;
    }
}
