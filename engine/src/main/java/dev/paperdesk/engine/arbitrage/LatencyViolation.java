package dev.paperdesk.engine.arbitrage;

import java.time.Instant;
import java.util.Objects;

/** A venue's rolling latency went above the staleness limit. */
public record LatencyViolation(Instant time, String venue, double averageMillis, double limitMillis) {
    public LatencyViolation {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(venue, "venue");
    }
}
