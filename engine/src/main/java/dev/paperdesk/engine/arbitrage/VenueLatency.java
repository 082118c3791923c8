package dev.paperdesk.engine.arbitrage;

import java.util.Objects;

/**
 * The latest latency reading of one venue.
 *
 * @param venue the venue name
 * @param serverTimeNanos the venue's clock as last polled (engine nanoseconds)
 * @param localTimeNanos the engine time of that poll
 * @param latencyMillis {@code local − server} of that poll
 * @param averageMillis the rolling average over the monitor's window
 * @param stale whether the rolling average exceeds the staleness limit
 */
public record VenueLatency(
        String venue,
        long serverTimeNanos,
        long localTimeNanos,
        double latencyMillis,
        double averageMillis,
        boolean stale) {
    public VenueLatency {
        Objects.requireNonNull(venue, "venue");
        if (!(averageMillis >= 0) || !(latencyMillis >= 0)) {
            throw new IllegalArgumentException(venue + ": latency must not be negative");
        }
    }
}
