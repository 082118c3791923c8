package dev.paperdesk.engine.model;

import java.time.Instant;

/**
 * One transition in an order's life, as appended to the order journal. Sealed, so consumers
 * switch over it exhaustively.
 */
public sealed interface OrderEvent {
    OrderId orderId();

    Instant timestamp();

    /** The order status after this event. */
    OrderStatus status();

    /** Why it happened, in words a trader understands. */
    String reason();

    /** A stable name for the journal. */
    default String kind() {
        return switch (this) {
            case Created c -> "CREATED";
            case Accepted a -> "ACCEPTED";
            case Rejected r -> "REJECTED";
            case Triggered t -> "TRIGGERED";
            case Filled f -> "FILLED";
            case Modified m -> "MODIFIED";
            case Cancelled c -> "CANCELLED";
            case Expired e -> "EXPIRED";
            case AmendRejected a -> "AMEND_REJECTED";
        };
    }

    record Created(OrderId orderId, Instant timestamp, String reason) implements OrderEvent {
        @Override
        public OrderStatus status() {
            return OrderStatus.NEW;
        }
    }

    record Accepted(OrderId orderId, Instant timestamp, String reason) implements OrderEvent {
        @Override
        public OrderStatus status() {
            return OrderStatus.ACCEPTED;
        }
    }

    record Rejected(OrderId orderId, Instant timestamp, Rejection rejection) implements OrderEvent {
        @Override
        public OrderStatus status() {
            return OrderStatus.REJECTED;
        }

        @Override
        public String reason() {
            return rejection.toString();
        }
    }

    record Triggered(OrderId orderId, Instant timestamp, String reason) implements OrderEvent {
        @Override
        public OrderStatus status() {
            return OrderStatus.TRIGGERED;
        }
    }

    record Filled(OrderId orderId, Instant timestamp, OrderStatus status, Fill fill) implements OrderEvent {
        @Override
        public String reason() {
            return "filled " + fill.quantity() + " @ " + fill.price();
        }
    }

    record Modified(OrderId orderId, Instant timestamp, OrderStatus status, String reason) implements OrderEvent {}

    record Cancelled(OrderId orderId, Instant timestamp, String reason) implements OrderEvent {
        @Override
        public OrderStatus status() {
            return OrderStatus.CANCELLED;
        }
    }

    /**
     * A cancel or modify that the venue refused, typically because it arrived after the order had
     * filled (a cancel can lose the race with a fill). The order itself is unchanged.
     */
    record AmendRejected(OrderId orderId, Instant timestamp, OrderStatus status, String reason) implements OrderEvent {}

    record Expired(OrderId orderId, Instant timestamp, String reason) implements OrderEvent {
        @Override
        public OrderStatus status() {
            return OrderStatus.EXPIRED;
        }
    }
}
