package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;

/**
 * A position valued at the current mark, for display and reports. Amounts are in the position's
 * {@code currency} (its instrument's quote currency) except {@code unrealizedPnlBase}.
 *
 * @param mark the last mark price, or {@code null} when the instrument has no price yet
 * @param unrealizedPnlBase unrealized P&amp;L converted to the portfolio's base currency, or {@code null}
 *     without an exchange rate
 */
public record PositionView(
        InstrumentId instrumentId,
        Currency currency,
        BigDecimal quantity,
        BigDecimal averagePrice,
        BigDecimal costBasis,
        BigDecimal mark,
        BigDecimal marketValue,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        BigDecimal unrealizedPnlBase)
        implements PositionFigures {}
