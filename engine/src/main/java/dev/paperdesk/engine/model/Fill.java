package dev.paperdesk.engine.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of (part of) an order.
 *
 * @param slippage signed price difference against the arrival mid, positive when the fill was worse
 *     for the trader
 */
public record Fill(
        FillId id,
        OrderId orderId,
        PortfolioId portfolioId,
        InstrumentId instrumentId,
        Side side,
        Quantity quantity,
        Price price,
        Money fee,
        Liquidity liquidity,
        BigDecimal slippage,
        Instant timestamp) {

    public Fill {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(liquidity, "liquidity");
        Objects.requireNonNull(timestamp, "timestamp");
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException("fill quantity must be positive");
        }
        if (fee.signum() < 0) {
            throw new IllegalArgumentException("fee must not be negative");
        }
        slippage = slippage == null ? BigDecimal.ZERO : slippage;
    }
}
