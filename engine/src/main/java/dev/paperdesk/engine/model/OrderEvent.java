package dev.paperdesk.engine.model;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

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

    /**
     * The order was created; its reason is the order in words. A value: equal to another creation of
     * the same order at the same instant with the same words. The engine writes the words when they
     * are first read ({@link #describing}): the journal of a busy session is mostly never read.
     */
    final class Created implements OrderEvent {
        private final OrderId orderId;
        private final Instant timestamp;
        /** Writes the reason while it is still {@code null}; a pure function of immutable values. */
        private final Supplier<String> words;
        // Written at most once per thread: a racing second write stores an equal String.
        private String reason;

        public Created(OrderId orderId, Instant timestamp, String reason) {
            this(orderId, timestamp, reason, null);
        }

        private Created(OrderId orderId, Instant timestamp, String reason, Supplier<String> words) {
            this.orderId = orderId;
            this.timestamp = timestamp;
            this.reason = reason;
            this.words = words;
        }

        /** A creation whose reason {@code words} writes when first read; it must always give the same text. */
        public static Created describing(OrderId orderId, Instant timestamp, Supplier<String> words) {
            return new Created(orderId, timestamp, null, Objects.requireNonNull(words, "words"));
        }

        @Override
        public OrderId orderId() {
            return orderId;
        }

        @Override
        public Instant timestamp() {
            return timestamp;
        }

        @Override
        public String reason() {
            String r = reason;
            if (r == null && words != null) {
                r = words.get();
                reason = r;
            }
            return r;
        }

        @Override
        public OrderStatus status() {
            return OrderStatus.NEW;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Created c
                    && Objects.equals(orderId, c.orderId)
                    && Objects.equals(timestamp, c.timestamp)
                    && Objects.equals(reason(), c.reason());
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, timestamp, reason());
        }

        @Override
        public String toString() {
            return "Created[orderId=" + orderId + ", timestamp=" + timestamp + ", reason=" + reason() + "]";
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
