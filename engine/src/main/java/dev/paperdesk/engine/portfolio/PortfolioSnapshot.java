package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An immutable, consistent picture of a portfolio at one engine instant; safe to share across threads. */
public record PortfolioSnapshot(
        PortfolioId id,
        String name,
        String description,
        Currency baseCurrency,
        BigDecimal startingBalance,
        BigDecimal cash,
        BigDecimal realizedPnl,
        BigDecimal feesPaid,
        BigDecimal unrealizedPnl,
        BigDecimal equity,
        CostBasisMethod costBasisMethod,
        boolean archived,
        Instant createdAt,
        List<PositionView> positions) {
    public PortfolioSnapshot {
        positions = List.copyOf(positions);
    }
}
