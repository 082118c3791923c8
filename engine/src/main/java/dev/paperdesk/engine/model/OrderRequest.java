package dev.paperdesk.engine.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What a trader (or a strategy) asks for. Structural validity (required prices present, positive
 * quantity) is checked here; market-dependent checks (tick, lot, funds) happen in the engine and
 * produce a {@link Rejection}.
 */
public record OrderRequest(
        PortfolioId portfolioId,
        InstrumentId instrumentId,
        Side side,
        OrderType type,
        Quantity quantity,
        Price limitPrice,
        Price stopPrice,
        TimeInForce timeInForce,
        Instant expireAt,
        boolean postOnly,
        boolean reduceOnly,
        String tag) {

    public OrderRequest {
        Objects.requireNonNull(portfolioId, "portfolio");
        Objects.requireNonNull(instrumentId, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(timeInForce, "time in force");
        if (type.needsLimitPrice() && limitPrice == null) {
            throw new IllegalArgumentException(type + " order needs a limit price");
        }
        if (type.needsStopPrice() && stopPrice == null) {
            throw new IllegalArgumentException(type + " order needs a stop price");
        }
        if (timeInForce == TimeInForce.GTD && expireAt == null) {
            throw new IllegalArgumentException("GTD order needs an expiry time");
        }
        tag = tag == null ? "" : tag;
    }

    /** A market order, good till cancelled is meaningless for it so IOC semantics apply to the rest. */
    public static OrderRequest market(PortfolioId portfolio, InstrumentId instrument, Side side, Quantity quantity) {
        return new OrderRequest(
                portfolio,
                instrument,
                side,
                OrderType.MARKET,
                quantity,
                null,
                null,
                TimeInForce.IOC,
                null,
                false,
                false,
                "");
    }

    public static OrderRequest limit(
            PortfolioId portfolio, InstrumentId instrument, Side side, Quantity quantity, Price limit) {
        return new OrderRequest(
                portfolio,
                instrument,
                side,
                OrderType.LIMIT,
                quantity,
                limit,
                null,
                TimeInForce.GTC,
                null,
                false,
                false,
                "");
    }
}
