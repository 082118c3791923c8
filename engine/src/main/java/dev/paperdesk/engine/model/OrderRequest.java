package dev.paperdesk.engine.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What a trader (or a strategy) asks for. Structural validity (required prices present, positive
 * quantity) is checked here; market-dependent checks (tick, lot, funds) happen in the engine and
 * produce a {@link Rejection}.
 *
 * @param limitPrice the limit of LIMIT, STOP_LIMIT and TAKE_PROFIT_LIMIT orders
 * @param stopPrice the trigger of STOP, STOP_LIMIT, TAKE_PROFIT and TAKE_PROFIT_LIMIT orders
 * @param expireAt the expiry of a GTD order
 * @param postOnly the order may only add liquidity; it is rejected if it would take
 * @param reduceOnly the order may only reduce an existing position (perpetuals)
 * @param trail how far a TRAILING_STOP or TRAILING_STOP_LIMIT follows the market
 * @param limitOffset for a TRAILING_STOP_LIMIT, the distance of its limit beyond the stop once triggered
 * @param allOrNone the order fills only when its whole remaining quantity can fill at once
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
        String tag,
        TrailingOffset trail,
        Price limitOffset,
        boolean allOrNone) {

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
        if (type.isTrailing() && trail == null) {
            throw new IllegalArgumentException(type + " order needs a trailing offset");
        }
        if (type == OrderType.TRAILING_STOP_LIMIT && limitOffset == null) {
            throw new IllegalArgumentException(type + " order needs a limit offset");
        }
        if (limitOffset != null && limitOffset.value().signum() < 0) {
            throw new IllegalArgumentException("limit offset must not be negative: " + limitOffset);
        }
        if (timeInForce == TimeInForce.GTD && expireAt == null) {
            throw new IllegalArgumentException("GTD order needs an expiry time");
        }
        tag = tag == null ? "" : tag;
    }

    /** The request as it was before trailing stops, OCO links and all-or-none existed. */
    public OrderRequest(
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
        this(
                portfolioId,
                instrumentId,
                side,
                type,
                quantity,
                limitPrice,
                stopPrice,
                timeInForce,
                expireAt,
                postOnly,
                reduceOnly,
                tag,
                null,
                null,
                false);
    }

    /** A market order, good till cancelled is meaningless for it so IOC semantics apply to the rest. */
    public static OrderRequest market(PortfolioId portfolio, InstrumentId instrument, Side side, Quantity quantity) {
        return builder(portfolio, instrument, side, quantity).build();
    }

    public static OrderRequest limit(
            PortfolioId portfolio, InstrumentId instrument, Side side, Quantity quantity, Price limit) {
        return builder(portfolio, instrument, side, quantity).limit(limit).build();
    }

    /** A stop-market order. */
    public static OrderRequest stop(
            PortfolioId portfolio, InstrumentId instrument, Side side, Quantity quantity, Price stop) {
        return builder(portfolio, instrument, side, quantity)
                .type(OrderType.STOP)
                .stop(stop)
                .timeInForce(TimeInForce.GTC)
                .build();
    }

    /** Starts a request; the defaults are a MARKET order, IOC. */
    public static Builder builder(PortfolioId portfolio, InstrumentId instrument, Side side, Quantity quantity) {
        return new Builder(portfolio, instrument, side, quantity);
    }

    /** A builder holding every field of this request, to change a few of them. */
    public Builder toBuilder() {
        Builder b = new Builder(portfolioId, instrumentId, side, quantity);
        b.type = type;
        b.limit = limitPrice;
        b.stop = stopPrice;
        b.tif = timeInForce;
        b.expireAt = expireAt;
        b.postOnly = postOnly;
        b.reduceOnly = reduceOnly;
        b.tag = tag;
        b.trail = trail;
        b.limitOffset = limitOffset;
        b.allOrNone = allOrNone;
        return b;
    }

    public OrderRequest withQuantity(Quantity newQuantity) {
        return toBuilder().quantity(newQuantity).build();
    }

    public OrderRequest withLimitPrice(Price newLimit) {
        return toBuilder().limitPrice(newLimit).build();
    }

    public OrderRequest withStopPrice(Price newStop) {
        return toBuilder().stopPrice(newStop).build();
    }

    /** Builds requests field by field; {@link #limit} and {@link #stop} also pick the matching type. */
    public static final class Builder {
        private final PortfolioId portfolio;
        private final InstrumentId instrument;
        private Side side;
        private Quantity quantity;
        private OrderType type = OrderType.MARKET;
        private Price limit;
        private Price stop;
        private TimeInForce tif = TimeInForce.IOC;
        private Instant expireAt;
        private boolean postOnly;
        private boolean reduceOnly;
        private String tag = "";
        private TrailingOffset trail;
        private Price limitOffset;
        private boolean allOrNone;

        private Builder(PortfolioId portfolio, InstrumentId instrument, Side side, Quantity quantity) {
            this.portfolio = portfolio;
            this.instrument = instrument;
            this.side = side;
            this.quantity = quantity;
        }

        /** A LIMIT order at {@code price}, good till cancelled unless told otherwise. */
        public Builder limit(Price price) {
            type = OrderType.LIMIT;
            limit = price;
            tif = TimeInForce.GTC;
            return this;
        }

        public Builder type(OrderType t) {
            type = t;
            return this;
        }

        public Builder side(Side s) {
            side = s;
            return this;
        }

        public Builder quantity(Quantity q) {
            quantity = q;
            return this;
        }

        public Builder limitPrice(Price p) {
            limit = p;
            return this;
        }

        public Builder stop(Price p) {
            stop = p;
            return this;
        }

        public Builder stopPrice(Price p) {
            stop = p;
            return this;
        }

        public Builder timeInForce(TimeInForce t) {
            tif = t;
            return this;
        }

        /** Good till {@code at} (sets GTD). */
        public Builder goodTill(Instant at) {
            tif = TimeInForce.GTD;
            expireAt = at;
            return this;
        }

        public Builder expireAt(Instant at) {
            expireAt = at;
            return this;
        }

        public Builder postOnly(boolean v) {
            postOnly = v;
            return this;
        }

        public Builder reduceOnly(boolean v) {
            reduceOnly = v;
            return this;
        }

        public Builder allOrNone(boolean v) {
            allOrNone = v;
            return this;
        }

        public Builder tag(String t) {
            tag = t;
            return this;
        }

        public Builder trail(TrailingOffset t) {
            trail = t;
            return this;
        }

        public Builder limitOffset(Price p) {
            limitOffset = p;
            return this;
        }

        public OrderRequest build() {
            return new OrderRequest(
                    portfolio,
                    instrument,
                    side,
                    type,
                    quantity,
                    limit,
                    stop,
                    tif,
                    expireAt,
                    postOnly,
                    reduceOnly,
                    tag,
                    trail,
                    limitOffset,
                    allOrNone);
        }
    }
}
