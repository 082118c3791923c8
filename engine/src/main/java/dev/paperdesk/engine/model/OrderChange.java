package dev.paperdesk.engine.model;

/**
 * A modify request: the new limit price, stop price and/or total quantity of an open order;
 * {@code null} leaves a field unchanged.
 */
public record OrderChange(Price limitPrice, Price stopPrice, Quantity quantity) {
    public OrderChange {
        if (limitPrice == null && stopPrice == null && quantity == null) {
            throw new IllegalArgumentException("a modify must change the limit, the stop or the quantity");
        }
    }

    /** The request with this change applied. */
    public OrderRequest applyTo(OrderRequest r) {
        OrderRequest.Builder b = r.toBuilder();
        if (limitPrice != null) {
            b.limitPrice(limitPrice);
        }
        if (stopPrice != null) {
            b.stopPrice(stopPrice);
        }
        if (quantity != null) {
            b.quantity(quantity);
        }
        return b.build();
    }
}
