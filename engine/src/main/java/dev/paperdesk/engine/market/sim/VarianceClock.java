package dev.paperdesk.engine.market.sim;

import dev.paperdesk.engine.market.TradingHours;
import java.util.Objects;

/**
 * How calendar time turns into the "business time" volatilities are quoted in.
 *
 * <p>While the market is open one calendar second is {@code 1 / secondsPerYear} of a volatility
 * year; while it is closed the clock runs at {@code closedSpeed} of that, so prices drift overnight
 * and gap at the open without the night counting as a full trading session.
 *
 * @param secondsPerYear open seconds in a volatility year (crypto 365 × 24 h, equities 252 × 6.5 h)
 * @param closedSpeed the fraction of business time that passes per closed second
 */
public record VarianceClock(TradingHours hours, double secondsPerYear, double closedSpeed) {
    public static final VarianceClock CRYPTO = new VarianceClock(TradingHours.continuous(), 365.0 * 86_400, 1.0);

    public VarianceClock {
        Objects.requireNonNull(hours, "hours");
        if (!(secondsPerYear > 0)) {
            throw new IllegalArgumentException("secondsPerYear must be positive");
        }
        if (!(closedSpeed >= 0 && closedSpeed <= 1)) {
            throw new IllegalArgumentException("closedSpeed must be in [0, 1]: " + closedSpeed);
        }
    }

    /** US equities: 252 sessions of 6.5 h; a closed hour counts as 12% of an open one. */
    public static VarianceClock usEquities(TradingHours hours) {
        return new VarianceClock(hours, 252.0 * 6.5 * 3600, 0.12);
    }

    /** Spot FX: 260 days of 24 h; the weekend barely moves. */
    public static VarianceClock fx() {
        return new VarianceClock(TradingHours.fx(), 260.0 * 86_400, 0.03);
    }
}
