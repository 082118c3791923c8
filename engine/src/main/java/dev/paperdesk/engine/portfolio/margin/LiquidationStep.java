package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.portfolio.MarginMode;
import java.math.BigDecimal;

/**
 * What to liquidate next: close {@code quantity} (absolute) of a position at the mark.
 *
 * @param ratioBefore maintenance ratio of the breached pool
 */
public record LiquidationStep(
        InstrumentId instrumentId,
        BigDecimal quantity,
        AccountRecord.LiquidationKind kind,
        MarginMode mode,
        BigDecimal ratioBefore) {}
