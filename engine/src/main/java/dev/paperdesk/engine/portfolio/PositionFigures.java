package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;

/**
 * The figures of a valued position, as its {@link PositionView} holds them: what margin and running
 * books read of a snapshot's positions without building its deferred views (whose average price is
 * a 34-digit division each, worked out here only when asked for).
 */
public interface PositionFigures {
    InstrumentId instrumentId();

    /** The position's quote currency, in which its amounts are. */
    Currency currency();

    BigDecimal quantity();

    /** Cost divided by quantity × multiplier; zero when flat. The same value and scale as the view's. */
    BigDecimal averagePrice();

    BigDecimal costBasis();

    /** The mark it was valued at, or {@code null} without a price. */
    BigDecimal mark();

    BigDecimal marketValue();

    BigDecimal unrealizedPnl();

    BigDecimal realizedPnl();

    /** Unrealized P&amp;L in the base currency, or {@code null} without an exchange rate. */
    BigDecimal unrealizedPnlBase();
}
