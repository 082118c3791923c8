package dev.paperdesk.engine.strategy.api;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An order a strategy asks the engine for. The family is sealed so that the engine's translation
 * into its own order pipeline is checked by the compiler: every {@link Single single order} becomes
 * one engine order of the same type, time in force and flags; an {@link Oco} becomes the engine's
 * one-cancels-other pair and a {@link Combo} its multi-leg combo.
 *
 * <p>{@code reduceOnly} orders may only shrink a position (the engine trims or rejects the rest);
 * {@code tag} is free text carried to fills and reports (rule strategies put the rule name there).
 */
public sealed interface StrategyOrder
        permits StrategyOrder.Single, StrategyOrder.Bracket, StrategyOrder.Oco, StrategyOrder.Combo {
    InstrumentId instrumentId();

    Side side();

    Quantity quantity();

    boolean reduceOnly();

    String tag();

    /** The order type in the engine's vocabulary (a bracket reports its entry's type, a group its first leg's). */
    OrderType type();

    /** One engine order: every type the engine knows, with its time in force and flags. */
    sealed interface Single extends StrategyOrder
            permits Entry, TakeProfit, TakeProfitLimit, TrailingStop, TrailingStopLimit {
        /** Time in force, expiry and the post-only and all-or-none flags. */
        OrderTerms terms();

        default TimeInForce timeInForce() {
            return terms().timeInForce();
        }
    }

    /** An order that can open a bracket: market, limit, stop or stop-limit. */
    sealed interface Entry extends Single permits Market, Limit, Stop, StopLimit {}

    /**
     * Buy or sell at the next price the market offers. IOC by default; a DAY, GTC or GTD market order
     * sent while the market is closed waits for the open, a FOK one fills in full or not at all.
     */
    record Market(
            InstrumentId instrumentId, Side side, Quantity quantity, OrderTerms terms, boolean reduceOnly, String tag)
            implements Entry {
        public Market {
            tag = checkCommon(instrumentId, side, quantity, tag);
            checkTaking(terms, "a market order");
        }

        /** Immediate or cancel. */
        public Market(InstrumentId instrumentId, Side side, Quantity quantity, boolean reduceOnly, String tag) {
            this(instrumentId, side, quantity, OrderTerms.IOC, reduceOnly, tag);
        }

        @Override
        public OrderType type() {
            return OrderType.MARKET;
        }
    }

    /** Buy at or below, sell at or above, a limit price. */
    record Limit(
            InstrumentId instrumentId,
            Side side,
            Quantity quantity,
            Price limitPrice,
            OrderTerms terms,
            boolean reduceOnly,
            String tag)
            implements Entry {
        public Limit {
            tag = checkCommon(instrumentId, side, quantity, tag);
            Objects.requireNonNull(limitPrice, "limitPrice");
            Objects.requireNonNull(terms, "terms");
        }

        /** A limit order without flags. */
        public Limit(
                InstrumentId instrumentId,
                Side side,
                Quantity quantity,
                Price limitPrice,
                TimeInForce timeInForce,
                boolean reduceOnly,
                String tag) {
            this(instrumentId, side, quantity, limitPrice, OrderTerms.of(timeInForce), reduceOnly, tag);
        }

        @Override
        public OrderType type() {
            return OrderType.LIMIT;
        }
    }

    /** A market order triggered when the price trades at or through the stop price. */
    record Stop(
            InstrumentId instrumentId,
            Side side,
            Quantity quantity,
            Price stopPrice,
            OrderTerms terms,
            boolean reduceOnly,
            String tag)
            implements Entry {
        public Stop {
            tag = checkCommon(instrumentId, side, quantity, tag);
            Objects.requireNonNull(stopPrice, "stopPrice");
            checkTaking(terms, "a stop order");
        }

        public Stop(
                InstrumentId instrumentId,
                Side side,
                Quantity quantity,
                Price stopPrice,
                TimeInForce timeInForce,
                boolean reduceOnly,
                String tag) {
            this(instrumentId, side, quantity, stopPrice, OrderTerms.of(timeInForce), reduceOnly, tag);
        }

        @Override
        public OrderType type() {
            return OrderType.STOP;
        }
    }

    /** A limit order placed when the price trades at or through the stop price. */
    record StopLimit(
            InstrumentId instrumentId,
            Side side,
            Quantity quantity,
            Price stopPrice,
            Price limitPrice,
            OrderTerms terms,
            boolean reduceOnly,
            String tag)
            implements Entry {
        public StopLimit {
            tag = checkCommon(instrumentId, side, quantity, tag);
            Objects.requireNonNull(stopPrice, "stopPrice");
            Objects.requireNonNull(limitPrice, "limitPrice");
            Objects.requireNonNull(terms, "terms");
        }

        public StopLimit(
                InstrumentId instrumentId,
                Side side,
                Quantity quantity,
                Price stopPrice,
                Price limitPrice,
                TimeInForce timeInForce,
                boolean reduceOnly,
                String tag) {
            this(instrumentId, side, quantity, stopPrice, limitPrice, OrderTerms.of(timeInForce), reduceOnly, tag);
        }

        @Override
        public OrderType type() {
            return OrderType.STOP_LIMIT;
        }
    }

    /**
     * A market order triggered when the price comes back to the trigger: for a sell, when the bid or
     * a trade is at or above it; for a buy, at or below.
     */
    record TakeProfit(
            InstrumentId instrumentId,
            Side side,
            Quantity quantity,
            Price triggerPrice,
            OrderTerms terms,
            boolean reduceOnly,
            String tag)
            implements Single {
        public TakeProfit {
            tag = checkCommon(instrumentId, side, quantity, tag);
            Objects.requireNonNull(triggerPrice, "triggerPrice");
            checkTaking(terms, "a take-profit market order");
        }

        @Override
        public OrderType type() {
            return OrderType.TAKE_PROFIT;
        }
    }

    /** A limit order placed when the price reaches the take-profit trigger. */
    record TakeProfitLimit(
            InstrumentId instrumentId,
            Side side,
            Quantity quantity,
            Price triggerPrice,
            Price limitPrice,
            OrderTerms terms,
            boolean reduceOnly,
            String tag)
            implements Single {
        public TakeProfitLimit {
            tag = checkCommon(instrumentId, side, quantity, tag);
            Objects.requireNonNull(triggerPrice, "triggerPrice");
            Objects.requireNonNull(limitPrice, "limitPrice");
            Objects.requireNonNull(terms, "terms");
        }

        @Override
        public OrderType type() {
            return OrderType.TAKE_PROFIT_LIMIT;
        }
    }

    /**
     * A stop that follows the market: for a sell, {@code trail} below the highest price seen since
     * it was placed; for a buy, above the lowest. Triggers a market order.
     */
    record TrailingStop(
            InstrumentId instrumentId,
            Side side,
            Quantity quantity,
            Offset trail,
            OrderTerms terms,
            boolean reduceOnly,
            String tag)
            implements Single {
        public TrailingStop {
            tag = checkCommon(instrumentId, side, quantity, tag);
            Objects.requireNonNull(trail, "trail");
            checkTaking(terms, "a trailing stop");
        }

        /** Good till cancelled. */
        public TrailingStop(
                InstrumentId instrumentId, Side side, Quantity quantity, Offset trail, boolean reduceOnly, String tag) {
            this(instrumentId, side, quantity, trail, OrderTerms.GTC, reduceOnly, tag);
        }

        @Override
        public OrderType type() {
            return OrderType.TRAILING_STOP;
        }
    }

    /**
     * A trailing stop that, once triggered, works as a limit {@code limitOffset} beyond its stop
     * (below it for a sell, above it for a buy).
     */
    record TrailingStopLimit(
            InstrumentId instrumentId,
            Side side,
            Quantity quantity,
            Offset trail,
            Price limitOffset,
            OrderTerms terms,
            boolean reduceOnly,
            String tag)
            implements Single {
        public TrailingStopLimit {
            tag = checkCommon(instrumentId, side, quantity, tag);
            Objects.requireNonNull(trail, "trail");
            Objects.requireNonNull(limitOffset, "limitOffset");
            Objects.requireNonNull(terms, "terms");
            if (limitOffset.value().signum() < 0) {
                throw new IllegalArgumentException("limit offset must not be negative: " + limitOffset);
            }
        }

        @Override
        public OrderType type() {
            return OrderType.TRAILING_STOP_LIMIT;
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

    /**
     * Two orders of which at most one executes: the first execution of either (even partial) cancels
     * the other in the engine, before any other fill of the same price is booked. Typically a
     * take-profit limit and a protective stop on one position. {@link StrategyContext#submit} returns
     * the first leg's id.
     */
    record Oco(Single first, Single second) implements StrategyOrder {
        public Oco {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }

        @Override
        public InstrumentId instrumentId() {
            return first.instrumentId();
        }

        @Override
        public Side side() {
            return first.side();
        }

        @Override
        public Quantity quantity() {
            return first.quantity();
        }

        /** True only when both legs are reduce-only. */
        @Override
        public boolean reduceOnly() {
            return first.reduceOnly() && second.reduceOnly();
        }

        @Override
        public String tag() {
            return first.tag();
        }

        @Override
        public OrderType type() {
            return first.type();
        }
    }

    /** One leg of a {@link Combo}: it trades {@code ratio × units} of its instrument at market. */
    record Leg(InstrumentId instrumentId, Side side, int ratio) {
        public Leg {
            Objects.requireNonNull(instrumentId, "instrumentId");
            Objects.requireNonNull(side, "side");
            if (ratio <= 0) {
                throw new IllegalArgumentException(
                        instrumentId + ": a combo leg's ratio must be positive, was " + ratio);
            }
        }
    }

    /**
     * Legs on several instruments that trade together, each in full at the same instant, or none of
     * them: a spread, a pair trade, an options strategy. The net price per unit ({@code Σ sign ×
     * ratio × leg price}, positive for a debit) must not exceed {@code netLimit} ({@code null}: no
     * bound). IOC and FOK combos are tried once; GTC and DAY ones wait for prices that fill every
     * leg. {@link StrategyContext#submit} returns the first leg's id.
     */
    record Combo(List<Leg> legs, Quantity units, Price netLimit, TimeInForce timeInForce, String tag)
            implements StrategyOrder {
        public Combo {
            legs = List.copyOf(legs);
            Objects.requireNonNull(units, "units");
            Objects.requireNonNull(timeInForce, "timeInForce");
            if (legs.size() < 2) {
                throw new IllegalArgumentException("a combo needs at least two legs, not " + legs.size());
            }
            if (legs.stream().map(Leg::instrumentId).distinct().count() != legs.size()) {
                throw new IllegalArgumentException("a combo lists an instrument twice: " + legs);
            }
            if (!units.isPositive()) {
                throw new IllegalArgumentException("combo units must be positive, was " + units);
            }
            if (timeInForce == TimeInForce.GTD) {
                throw new IllegalArgumentException("a combo is IOC, FOK, DAY or GTC, not GTD");
            }
            tag = tag == null ? "" : tag;
        }

        @Override
        public InstrumentId instrumentId() {
            return legs.get(0).instrumentId();
        }

        @Override
        public Side side() {
            return legs.get(0).side();
        }

        /** The first leg's quantity. */
        @Override
        public Quantity quantity() {
            return new Quantity(
                    units.value().multiply(BigDecimal.valueOf(legs.get(0).ratio())));
        }

        @Override
        public boolean reduceOnly() {
            return false;
        }

        @Override
        public OrderType type() {
            return OrderType.MARKET;
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

    /** Orders without a limit price take liquidity: they can be neither post-only nor all-or-none. */
    private static void checkTaking(OrderTerms terms, String what) {
        Objects.requireNonNull(terms, "terms");
        if (terms.needsLimit()) {
            throw new IllegalArgumentException(what + " takes liquidity: post-only and all-or-none need a limit price");
        }
    }
}
