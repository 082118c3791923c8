package dev.paperdesk.engine.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order and its current state. Immutable: every transition returns a new value, and illegal
 * transitions throw, because a broken lifecycle is a bug, not a user error.
 */
public record Order(
        OrderId id,
        OrderRequest request,
        OrderStatus status,
        Quantity filledQuantity,
        Price averageFillPrice,
        Instant createdAt,
        Instant updatedAt,
        Rejection rejection) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (filledQuantity.compareTo(request.quantity()) > 0) {
            throw new IllegalStateException(id + ": filled " + filledQuantity + " exceeds " + request.quantity());
        }
    }

    public static Order create(OrderId id, OrderRequest request, Instant at) {
        return new Order(id, request, OrderStatus.NEW, Quantity.ZERO, null, at, at, null);
    }

    public Quantity remainingQuantity() {
        return request.quantity().minus(filledQuantity);
    }

    public Order transition(OrderStatus next, Instant at) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException(id + ": illegal transition " + status + " -> " + next);
        }
        return new Order(id, request, next, filledQuantity, averageFillPrice, createdAt, at, rejection);
    }

    public Order reject(Rejection why, Instant at) {
        Order moved = transition(OrderStatus.REJECTED, at);
        return new Order(id, request, moved.status, filledQuantity, averageFillPrice, createdAt, at, why);
    }

    /** Applies an execution of {@code qty} at {@code price}; the status follows from the remaining quantity. */
    public Order fill(Quantity qty, Price price, Instant at) {
        if (!qty.isPositive()) {
            throw new IllegalArgumentException(id + ": fill quantity must be positive");
        }
        Quantity newFilled = filledQuantity.plus(qty);
        if (newFilled.compareTo(request.quantity()) > 0) {
            throw new IllegalStateException(id + ": fill of " + qty + " exceeds remaining " + remainingQuantity());
        }
        BigDecimal prevNotional = averageFillPrice == null
                ? BigDecimal.ZERO
                : averageFillPrice.value().multiply(filledQuantity.value());
        BigDecimal avg =
                prevNotional.add(price.value().multiply(qty.value())).divide(newFilled.value(), Decimals.DIVISION);
        OrderStatus next =
                newFilled.compareTo(request.quantity()) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException(id + ": illegal transition " + status + " -> " + next);
        }
        return new Order(id, request, next, newFilled, new Price(Decimals.normalize(avg)), createdAt, at, rejection);
    }
}
