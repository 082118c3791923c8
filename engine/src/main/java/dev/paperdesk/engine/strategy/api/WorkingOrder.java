package dev.paperdesk.engine.strategy.api;

import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.Quantity;
import java.util.Objects;

/**
 * One of the strategy's orders that can still fill: submitted and not yet filled, cancelled,
 * rejected or expired. Bracket exits appear once the engine has placed them.
 */
public record WorkingOrder(OrderId id, StrategyOrder order, Quantity filledQuantity) {
    public WorkingOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
    }

    /** Whether this order can only shrink a position (exits are, entries are not). */
    public boolean reduceOnly() {
        return order.reduceOnly();
    }
}
