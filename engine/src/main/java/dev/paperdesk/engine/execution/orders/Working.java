package dev.paperdesk.engine.execution.orders;

import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.Order;
import java.math.BigDecimal;

/** The venue's mutable record of one open order: its latest value and where it sits. */
final class Working {
    Order order;
    final MarketState market;
    /** When the latest command to this order arrives (commands to one order arrive in order). */
    long lastArrivalNanos;
    /** The order has reached the venue (accepted, or queued there). */
    boolean arrived;

    boolean waitingForOpen;
    boolean waitingForBar;
    /** Resting in the market's tick book. */
    boolean resting;
    /** Waiting for a trigger (stop, take-profit, trailing). */
    boolean conditional;

    long stopTicks;
    long anchorTicks;
    Money feesCharged;
    BigDecimal arrivalMid;

    Working(Order order, MarketState market) {
        this.order = order;
        this.market = market;
        this.feesCharged = Money.zero(market.instrument.quoteCurrency());
    }

    long id() {
        return order.id().value();
    }

    boolean buy() {
        return order.request().side() == dev.paperdesk.engine.model.Side.BUY;
    }

    boolean open() {
        return order.status().isOpen();
    }
}
