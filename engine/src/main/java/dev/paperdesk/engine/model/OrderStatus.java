package dev.paperdesk.engine.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * The order lifecycle: {@code NEW → ACCEPTED → (TRIGGERED) → PARTIALLY_FILLED → FILLED | CANCELLED |
 * EXPIRED}, or {@code NEW → REJECTED}. An order is NEW while it travels to the venue, while it
 * waits for its bracket entry to fill, and may be cancelled or expire there.
 */
public enum OrderStatus {
    NEW,
    ACCEPTED,
    TRIGGERED,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    EXPIRED,
    REJECTED;

    /** True when no further transition is possible. */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == EXPIRED || this == REJECTED;
    }

    /** True while the order can still trade. */
    public boolean isWorking() {
        return this == ACCEPTED || this == TRIGGERED || this == PARTIALLY_FILLED;
    }

    /** True until the order reaches a terminal status: working, travelling or waiting for its entry. */
    public boolean isOpen() {
        return !isTerminal() && this != REJECTED;
    }

    /** The statuses this one may move to. */
    public Set<OrderStatus> successors() {
        return switch (this) {
            case NEW -> EnumSet.of(ACCEPTED, REJECTED, CANCELLED, EXPIRED);
            case ACCEPTED -> EnumSet.of(TRIGGERED, PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, ACCEPTED);
            case TRIGGERED -> EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, TRIGGERED);
            case PARTIALLY_FILLED -> EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED);
            case FILLED, CANCELLED, EXPIRED, REJECTED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus next) {
        return Successors.OF.get(ordinal()).contains(next);
    }

    /** Each status's successors, made once (every order transition asks). */
    private static final class Successors {
        static final java.util.List<Set<OrderStatus>> OF = java.util.Arrays.stream(values())
                .map(s -> java.util.Collections.unmodifiableSet(s.successors()))
                .toList();
    }
}
