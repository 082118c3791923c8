package dev.paperdesk.engine.optimize;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One walk-forward step: the in-sample range the parameters are optimized on and the out-of-sample
 * range right after it where they are tested. Ranges are bar open times, {@code [from, to)}.
 *
 * @param index the window's number, from 0
 */
public record WalkForwardWindow(
        int index,
        Instant inSampleFrom,
        Instant inSampleTo,
        Instant outOfSampleFrom,
        Instant outOfSampleTo,
        int inSampleBars,
        int outOfSampleBars) {
    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

    public WalkForwardWindow {
        Objects.requireNonNull(inSampleFrom, "inSampleFrom");
        Objects.requireNonNull(inSampleTo, "inSampleTo");
        Objects.requireNonNull(outOfSampleFrom, "outOfSampleFrom");
        Objects.requireNonNull(outOfSampleTo, "outOfSampleTo");
        if (!inSampleFrom.isBefore(inSampleTo)
                || inSampleTo.isAfter(outOfSampleFrom)
                || !outOfSampleFrom.isBefore(outOfSampleTo)) {
            throw new IllegalArgumentException("window " + index + ": ranges must be ordered and not empty");
        }
        if (inSampleBars < 1 || outOfSampleBars < 1) {
            throw new IllegalArgumentException("window " + index + ": both ranges need bars");
        }
    }

    /** In-sample span in years of 365.25 days. */
    public double inSampleYears() {
        return years(Duration.between(inSampleFrom, inSampleTo));
    }

    /** Out-of-sample span in years of 365.25 days. */
    public double outOfSampleYears() {
        return years(Duration.between(outOfSampleFrom, outOfSampleTo));
    }

    static double years(Duration d) {
        return (d.getSeconds() + d.getNano() / 1e9) / SECONDS_PER_YEAR;
    }
}
