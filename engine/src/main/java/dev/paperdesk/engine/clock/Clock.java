package dev.paperdesk.engine.clock;

import java.time.Instant;

/** Engine time in nanoseconds since the epoch. */
public sealed interface Clock permits SimulatedClock, WallClock {
    long nowNanos();

    default Instant now() {
        return toInstant(nowNanos());
    }

    static Instant toInstant(long epochNanos) {
        return Instant.ofEpochSecond(
                Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
