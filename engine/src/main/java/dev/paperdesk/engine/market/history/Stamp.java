package dev.paperdesk.engine.market.history;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A parsed stamp before its zone is applied: {@code epochSecond} counts local seconds for the
 * local kinds (as if the zone were UTC) and true seconds for {@link Kind#INSTANT}.
 */
record Stamp(long epochSecond, int nano, Kind kind) {
    enum Kind {
        /** A date without time: the bar's day. */
        DATE,
        /** A date and time without offset: read in the mapping's zone. */
        LOCAL,
        /** An absolute instant (an offset or an epoch number). */
        INSTANT
    }

    /**
     * The instant this stamp denotes in {@code zone}. In a daylight-saving overlap the earlier
     * offset is taken unless that would not come after {@code previous}, so a file written in
     * local time walks through the repeated hour in order.
     */
    Instant resolve(ZoneId zone, Instant previous) {
        if (kind == Kind.INSTANT) {
            return Instant.ofEpochSecond(epochSecond, nano);
        }
        if (zone instanceof ZoneOffset offset) {
            return Instant.ofEpochSecond(epochSecond - offset.getTotalSeconds(), nano);
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(epochSecond, nano, ZoneOffset.UTC);
        if (kind == Kind.DATE) {
            return local.toLocalDate().atStartOfDay(zone).toInstant();
        }
        ZonedDateTime earlier = local.atZone(zone);
        if (previous != null && !earlier.toInstant().isAfter(previous)) {
            return earlier.withLaterOffsetAtOverlap().toInstant();
        }
        return earlier.toInstant();
    }
}
