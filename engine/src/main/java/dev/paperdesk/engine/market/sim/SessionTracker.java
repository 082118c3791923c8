package dev.paperdesk.engine.market.sim;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.market.TradingHours;
import java.time.Instant;

/** Caches whether a market is open, consulting the calendar only when the state can change. */
final class SessionTracker {
    private final TradingHours hours;
    private boolean open;
    private long nextChangeNanos = Long.MIN_VALUE;

    SessionTracker(TradingHours hours) {
        this.hours = hours;
    }

    TradingHours hours() {
        return hours;
    }

    boolean isOpen() {
        return open;
    }

    void update(long nanos) {
        if (nanos < nextChangeNanos) {
            return;
        }
        Instant t = Clock.toInstant(nanos);
        open = hours.isOpen(t);
        Instant next = hours.nextChange(t);
        nextChangeNanos = next.equals(Instant.MAX) ? Long.MAX_VALUE : Clock.toNanos(next);
    }
}
