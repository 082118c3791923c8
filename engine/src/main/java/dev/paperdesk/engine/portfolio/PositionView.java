package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;

/**
 * A position valued at the current mark, for display and reports.
 *
 * @param mark the last mark price, or {@code null} when the instrument has no price yet
 */
public record PositionView(
        InstrumentId instrumentId,
        BigDecimal quantity,
        BigDecimal averagePrice,
        BigDecimal costBasis,
        BigDecimal mark,
        BigDecimal marketValue,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl) {}
