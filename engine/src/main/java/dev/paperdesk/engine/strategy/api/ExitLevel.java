package dev.paperdesk.engine.strategy.api;

import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where a bracket's take-profit or stop-loss sits: at a fixed price, or at an offset from the
 * entry's average fill price (known only once the entry fills; the engine rounds the result to the
 * instrument's tick, away from the entry for a stop and towards it for a take-profit).
 */
public sealed interface ExitLevel {
    /** A fixed price. */
    record AtPrice(Price price) implements ExitLevel {
        public AtPrice {
            Objects.requireNonNull(price, "price");
        }
    }

    /** An offset from the entry fill price, on the profitable side for a take-profit, the losing side for a stop. */
    record FromEntry(Offset offset) implements ExitLevel {
        public FromEntry {
            Objects.requireNonNull(offset, "offset");
        }
    }

    /**
     * The price of this level for an entry of {@code entrySide} filled at {@code entryPrice}.
     *
     * @param takeProfit true for a take-profit (beyond the entry in the position's favour), false for
     *     a stop-loss (against it)
     */
    default BigDecimal resolve(Side entrySide, BigDecimal entryPrice, boolean takeProfit) {
        return switch (this) {
            case AtPrice a -> a.price().value();
            case FromEntry f -> {
                BigDecimal d = f.offset().distanceFrom(entryPrice);
                boolean up = (entrySide == Side.BUY) == takeProfit;
                yield up ? entryPrice.add(d) : entryPrice.subtract(d);
            }
        };
    }
}
