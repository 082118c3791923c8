package dev.paperdesk.engine.market;

import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import java.util.Objects;

/** One price level of an order book: the total resting quantity at a price. */
public record BookLevel(Price price, Quantity size) {
    public BookLevel {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
        if (price.value().signum() <= 0) {
            throw new IllegalArgumentException("book level price must be positive: " + price);
        }
    }
}
