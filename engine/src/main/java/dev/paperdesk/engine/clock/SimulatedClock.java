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

    /**
     * The current instant; while time stands still (every step of one event) the same object, so
     * the orders, fills and journal rows stamped in one step share it.
     */
    @Override
    public Instant now() {
        long t = now;
        Stamp s = last;
        if (s == null || s.nanos != t) {
            s = new Stamp(t, Clock.toInstant(t));
            last = s;
        }
        return s.instant;
    }

    /** An instant and the nanoseconds it stands for; immutable, so any thread may read the last one. */
    private record Stamp(long nanos, Instant instant) {}

    private Stamp last;

    /** Moves time forward; time never goes backwards. */
    public void advanceTo(long nanos) {
        if (nanos > now) {
            now = nanos;
        }
    }
}
