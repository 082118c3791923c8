package dev.paperdesk.engine.model;

/** Identifies an order within a workspace; assigned by the engine in submission order. */
public record OrderId(long value) implements Comparable<OrderId> {
    public OrderId {
        if (value <= 0) {
            throw new IllegalArgumentException("order id must be positive: " + value);
        }
    }

    @Override
    public int compareTo(OrderId o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return "O" + value;
    }
}
