package dev.paperdesk.engine.clock;

import java.time.Instant;

/** A clock that stands still until the event loop moves it to the next event's time. */
public final class SimulatedClock implements Clock {
    private volatile long now;

    public SimulatedClock(Instant start) {
        this.now = Clock.toNanos(start);
    }

    @Override
    public long nowNanos() {
        return now;
    }

    /** Moves time forward; time never goes backwards. */
    public void advanceTo(long nanos) {
        if (nanos > now) {
            now = nanos;
        }
    }
}
