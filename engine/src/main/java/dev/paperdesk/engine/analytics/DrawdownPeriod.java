package dev.paperdesk.engine.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One underwater episode of an equity curve: from a peak, down to its lowest point, and back to the
 * peak's level (or still underwater at the end of the curve).
 *
 * @param peak date of the last high before the decline
 * @param valley date of the lowest equity of the episode
 * @param recovery first date equity is back at or above the peak, or null while still underwater
 * @param depth drawdown at the valley, a fraction {@code < 0} ({@code -0.25} is 25% below the peak)
 */
public record DrawdownPeriod(LocalDate peak, LocalDate valley, LocalDate recovery, double depth) {
    public DrawdownPeriod {
        Objects.requireNonNull(peak, "peak");
        Objects.requireNonNull(valley, "valley");
        if (valley.isBefore(peak) || (recovery != null && !recovery.isAfter(valley))) {
            throw new IllegalArgumentException(
                    "drawdown dates out of order: " + peak + ", " + valley + ", " + recovery);
        }
        if (!(depth < 0)) {
            throw new IllegalArgumentException("a drawdown has negative depth, not " + depth);
        }
    }

    public Optional<LocalDate> recoveryDate() {
        return Optional.ofNullable(recovery);
    }

    public boolean recovered() {
        return recovery != null;
    }

    /** Calendar days from the peak to the valley. */
    public long daysToValley() {
        return ChronoUnit.DAYS.between(peak, valley);
    }

    /** Calendar days from the valley back to the peak's level; empty while still underwater. */
    public Optional<Long> daysToRecover() {
        return recoveryDate().map(r -> ChronoUnit.DAYS.between(valley, r));
    }

    /** Calendar days underwater: from the peak to the recovery, or to {@code asOf} while unrecovered. */
    public long durationDays(LocalDate asOf) {
        return ChronoUnit.DAYS.between(peak, recovery != null ? recovery : asOf);
    }
}
