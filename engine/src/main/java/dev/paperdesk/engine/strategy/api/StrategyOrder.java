package dev.paperdesk.engine.strategy.api;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import java.util.Objects;

/**
 * An order a strategy asks the engine for. The family is sealed so that the engine's translation
 * into its own order pipeline is checked by the compiler.
 *
 * <p>{@code reduceOnly} orders may only shrink a position (the engine trims or rejects the rest);
 * {@code tag} is free text carried to fills and reports (rule strategies put the rule name there).
 */
public sealed interface StrategyOrder {
    InstrumentId instrumentId();

    Side side();

    Quantity quantity();

    boolean reduceOnly();

    String tag();

    /** The order type in the engine's vocabulary (a bracket reports its entry's type). */
    OrderType type();

    /** The engine request of a plain order: the order's own fields plus its prices and time in force. */
    private static OrderRequest request(
            PortfolioId portfolio, StrategyOrder o, Price limit, Price stop, TimeInForce timeInForce) {
        return new OrderRequest(
                portfolio,
                o.instrumentId(),
                o.side(),
                o.type(),
                o.quantity(),
                limit,
                stop,
                timeInForce,
                null,
                false,
                o.reduceOnly(),
                o.tag());
    }

    /** An order that can open a bracket: market, limit, stop or stop-limit. */
    sealed interface Entry extends StrategyOrder permits Market, Limit, Stop, StopLimit {
        /** The plain engine request for this order in {@code portfolio}. */
        OrderRequest toRequest(PortfolioId portfolio);
    }

    /** Buy or sell at the next price the market offers. */
    record Market(InstrumentId instrumentId, Side side, Quantity quantity, boolean reduceOnly, String tag)
            implements Entry {
        public Market {
            tag = checkCommon(instrumentId, side, quantity, tag);
        }

        @Override
        public OrderType type() {
            return OrderType.MARKET;
        }

        @Override
        public OrderRequest toRequest(PortfolioId portfolio) {
            return request(portfolio, this, null, null, TimeInForce.IOC);
        }
    }

    /** Buy at or below, sell at or above, a limit price. */
    record Limit(
            InstrumentId instrumentId,
            Side side,
            Quantity quantity,
            Price limitPrice,
            TimeInForce timeInForce,
            boolean reduceOnly,
            String tag)
            implements Entry {
        public Limit {
            tag = checkCommon(instrumentId, side, quantity, tag);
            Objects.requireNonNull(limitPrice, "limitPrice");
            checkTimeInForce(timeInForce);
        }

        @Override
        public OrderType type() {
            return OrderType.LIMIT;
        }

        @Override
        public OrderRequest toRequest(PortfolioId portfolio) {
            return request(portfolio, this, limitPrice, null, timeInForce);
        }
    }

    /** A market order triggered when the price trades at or through the stop price. */
    record Stop(
            InstrumentId instrumentId,
            Side side,
            Quantity quantity,
            Price stopPrice,
            TimeInForce timeInForce,
            boolean reduceOnly,
            String tag)
            implements Entry {
        public Stop {
            tag = checkCommon(instrumentId, side, quantity, tag);
            Objects.requireNonNull(stopPrice, "stopPrice");
            checkTimeInForce(timeInForce);
        }

        @Override
        public OrderType type() {
            return OrderType.STOP;
        }

        @Override
        public OrderRequest toRequest(PortfolioId portfolio) {
            return request(portfolio, this, null, stopPrice, timeInForce);
        }
    }

    /** A limit order placed when the price trades at or through the stop price. */
    record StopLimit(
            InstrumentId instrumentId,
            Side side,
            Quantity quantity,
            Price stopPrice,
            Price limitPrice,
            TimeInForce timeInForce,
            boolean reduceOnly,
            String tag)
            implements Entry {
        public StopLimit {
            tag = checkCommon(instrumentId, side, quantity, tag);
            Objects.requireNonNull(stopPrice, "stopPrice");
            Objects.requireNonNull(limitPrice, "limitPrice");
            checkTimeInForce(timeInForce);
        }

        @Override
        public OrderType type() {
            return OrderType.STOP_LIMIT;
        }

        @Override
        public OrderRequest toRequest(PortfolioId portfolio) {
            return request(portfolio, this, limitPrice, stopPrice, timeInForce);
        }
    }

    /**
     * A stop that follows the market: for a sell, {@code trail} below the highest price seen since
     * it was placed; for a buy, above the lowest. Triggers a market order.
     */
    record TrailingStop(
            InstrumentId instrumentId, Side side, Quantity quantity, Offset trail, boolean reduceOnly, String tag)
            implements StrategyOrder {
        public TrailingStop {
            tag = checkCommon(instrumentId, side, quantity, tag);
            Objects.requireNonNull(trail, "trail");
        }

        @Override
        public OrderType type() {
            return OrderType.TRAILING_STOP;
        }
    }

    /**
     * An entry with attached exits. Once (part of) the entry fills, the engine places each given exit
     * for the filled quantity on the opposite side, reduce-only, as one one-cancels-others group:
     * a take-profit limit, a stop-loss stop and a trailing stop. At least one exit is required.
     */
    record Bracket(Entry entry, ExitLevel takeProfit, ExitLevel stopLoss, Offset trailingStop)
            implements StrategyOrder {
        public Bracket {
            Objects.requireNonNull(entry, "entry");
            if (entry.reduceOnly()) {
                throw new IllegalArgumentException("a bracket's entry must not be reduce-only");
            }
            if (takeProfit == null && stopLoss == null && trailingStop == null) {
                throw new IllegalArgumentException("a bracket needs a take-profit, a stop-loss or a trailing stop");
            }
        }

        @Override
        public InstrumentId instrumentId() {
            return entry.instrumentId();
        }

        @Override
        public Side side() {
            return entry.side();
        }

        @Override
        public Quantity quantity() {
            return entry.quantity();
        }

        @Override
        public boolean reduceOnly() {
            return false;
        }

        @Override
        public String tag() {
            return entry.tag();
        }

        @Override
        public OrderType type() {
            return entry.type();
        }
    }

    private static String checkCommon(InstrumentId instrument, Side side, Quantity quantity, String tag) {
        Objects.requireNonNull(instrument, "instrumentId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException(instrument + ": order quantity must be positive, was " + quantity);
        }
        return tag == null ? "" : tag;
    }

    private static void checkTimeInForce(TimeInForce tif) {
        Objects.requireNonNull(tif, "timeInForce");
        if (tif == TimeInForce.GTD) {
            throw new IllegalArgumentException("strategies cancel their own orders: use GTC or DAY, not GTD");
        }
    }
}
