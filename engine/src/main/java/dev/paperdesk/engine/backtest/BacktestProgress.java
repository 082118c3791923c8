package dev.paperdesk.engine.backtest;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a running backtest has come.
 *
 * @param barsDone bars replayed so far; {@code barsTotal} all bars in range
 * @param simulatedTime the engine clock
 * @param elapsed wall time since the run began
 */
public record BacktestProgress(long barsDone, long barsTotal, Instant simulatedTime, Duration elapsed) {
    /** Done fraction in [0, 1]. */
    public double fraction() {
        return barsTotal <= 0 ? 1 : Math.min(1, (double) barsDone / barsTotal);
    }

    /** Remaining wall time at the pace so far; {@link Duration#ZERO} when unknown or done. */
    public Duration eta() {
        double f = fraction();
        if (f <= 0 || f >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (elapsed.toNanos() * (1 - f) / f));
    }
}
