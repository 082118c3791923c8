package dev.paperdesk.engine.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order and its current state. Immutable: every transition returns a new value, and illegal
 * transitions throw, because a broken lifecycle is a bug, not a user error.
 *
 * @param link the group (OCO, bracket, combo) the order belongs to, or {@code null}
 * @param trailAnchor for trailing stops, the best price seen since the order became active
 * @param currentStop the stop in force: the requested stop, or the trailing stop computed from the anchor
 * @param expiresAt when a DAY or GTD order expires, once the venue has accepted it
 */
public record Order(
        OrderId id,
        OrderRequest request,
        OrderStatus status,
        Quantity filledQuantity,
        Price averageFillPrice,
        Instant createdAt,
        Instant updatedAt,
        Rejection rejection,
        OrderLink link,
        Price trailAnchor,
        Price currentStop,
        Instant expiresAt) {

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

    /** An order without group, trailing state or expiry. */
    public Order(
            OrderId id,
            OrderRequest request,
            OrderStatus status,
            Quantity filledQuantity,
            Price averageFillPrice,
            Instant createdAt,
            Instant updatedAt,
            Rejection rejection) {
        this(
                id,
                request,
                status,
                filledQuantity,
                averageFillPrice,
                createdAt,
                updatedAt,
                rejection,
                null,
                null,
                null,
                null);
    }

    public static Order create(OrderId id, OrderRequest request, Instant at) {
        return create(id, request, at, null);
    }

    public static Order create(OrderId id, OrderRequest request, Instant at, OrderLink link) {
        return new Order(
                id, request, OrderStatus.NEW, Quantity.ZERO, null, at, at, null, link, null, request.stopPrice(), null);
    }

    public Quantity remainingQuantity() {
        return request.quantity().minus(filledQuantity);
    }

    public Order transition(OrderStatus next, Instant at) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException(id + ": illegal transition " + status + " -> " + next);
        }
        return new Order(
                id,
                request,
                next,
                filledQuantity,
                averageFillPrice,
                createdAt,
                at,
                rejection,
                link,
                trailAnchor,
                currentStop,
                expiresAt);
    }

    public Order reject(Rejection why, Instant at) {
        Order moved = transition(OrderStatus.REJECTED, at);
        return new Order(
                id,
                request,
                moved.status,
                filledQuantity,
                averageFillPrice,
                createdAt,
                at,
                why,
                link,
                trailAnchor,
                currentStop,
                expiresAt);
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
        Price average;
        if ((averageFillPrice == null || averageFillPrice.value().compareTo(price.value()) == 0)
                && price.value().precision() <= Decimals.DIVISION.getPrecision()) {
            // Every fill so far at this price: the quotient below is exactly the price, so no division.
            average = new Price(Decimals.normalize(price.value()));
        } else {
            BigDecimal prevNotional = averageFillPrice == null
                    ? BigDecimal.ZERO
                    : averageFillPrice.value().multiply(filledQuantity.value());
            BigDecimal avg =
                    prevNotional.add(price.value().multiply(qty.value())).divide(newFilled.value(), Decimals.DIVISION);
            average = new Price(Decimals.normalize(avg));
        }
        OrderStatus next =
                newFilled.compareTo(request.quantity()) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException(id + ": illegal transition " + status + " -> " + next);
        }
        return new Order(
                id,
                request,
                next,
                newFilled,
                average,
                createdAt,
                at,
                rejection,
                link,
                trailAnchor,
                currentStop,
                expiresAt);
    }

    /**
     * Replaces the request (a modify: price, stop or quantity). The new quantity must stay above what
     * has already filled.
     */
    public Order amend(OrderRequest next, Instant at) {
        if (!next.portfolioId().equals(request.portfolioId())
                || !next.instrumentId().equals(request.instrumentId())
                || next.side() != request.side()
                || next.type() != request.type()) {
            throw new IllegalArgumentException(id + ": a modify may change prices and quantity only");
        }
        if (next.quantity().compareTo(filledQuantity) <= 0) {
            throw new IllegalArgumentException(
                    id + ": new quantity " + next.quantity() + " must exceed the filled " + filledQuantity);
        }
        Price stop = request.type().isTrailing() ? currentStop : next.stopPrice();
        return new Order(
                id,
                next,
                status,
                filledQuantity,
                averageFillPrice,
                createdAt,
                at,
                rejection,
                link,
                trailAnchor,
                stop,
                expiresAt);
    }

    /** Records a trailing stop's new anchor and stop. */
    public Order trail(Price anchor, Price stop, Instant at) {
        return new Order(
                id,
                request,
                status,
                filledQuantity,
                averageFillPrice,
                createdAt,
                at,
                rejection,
                link,
                anchor,
                stop,
                expiresAt);
    }

    /** Records when the order expires (set when a DAY or GTD order is accepted). */
    public Order expiringAt(Instant at) {
        return new Order(
                id,
                request,
                status,
                filledQuantity,
                averageFillPrice,
                createdAt,
                updatedAt,
                rejection,
                link,
                trailAnchor,
                currentStop,
                at);
    }

    /** The limit price in force: the request's, or for a triggered trailing stop limit, the stop beyond by the offset. */
    public Price effectiveLimit() {
        if (request.type() == OrderType.TRAILING_STOP_LIMIT && currentStop != null) {
            BigDecimal offset = request.limitOffset().value();
            return new Price(
                    request.side() == Side.BUY
                            ? currentStop.value().add(offset)
                            : currentStop.value().subtract(offset));
        }
        return request.limitPrice();
    }
}
