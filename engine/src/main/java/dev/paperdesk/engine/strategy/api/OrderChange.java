package dev.paperdesk.engine.strategy.api;

import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;

/**
 * A modification of a working order; null fields stay unchanged.
 *
 * @param quantity the new total quantity (not less than what has already filled)
 */
public record OrderChange(Quantity quantity, Price limitPrice, Price stopPrice) {
    public OrderChange {
        if (quantity == null && limitPrice == null && stopPrice == null) {
            throw new IllegalArgumentException("an order change must change something");
        }
        if (quantity != null && !quantity.isPositive()) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
    }

    public static OrderChange quantity(Quantity quantity) {
        return new OrderChange(quantity, null, null);
    }

    public static OrderChange limitPrice(Price price) {
        return new OrderChange(null, price, null);
    }

    public static OrderChange stopPrice(Price price) {
        return new OrderChange(null, null, price);
    }
}
