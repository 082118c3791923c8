package dev.paperdesk.engine.market.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * Knobs of a simulation run that are not part of the market's model.
 *
 * @param step the simulation time step; every event is stamped on this grid. Must divide one hour
 *     so that funding settles exactly on the hour.
 * @param tradeIntensity multiplies every listing's trade arrival rate (0 for a quotes-only market)
 * @param bookInterval how often each listing publishes an L2 snapshot ({@link Duration#ZERO}: never)
 * @param markInterval how often perpetuals publish mark and index prices
 * @param openInterestInterval how often perpetuals publish open interest
 * @param replenishHalfLife how fast consumed book levels refill towards their usual depth
 */
public record SimulationConfig(
        Duration step,
        double tradeIntensity,
        Duration bookInterval,
        Duration markInterval,
        Duration openInterestInterval,
        Duration replenishHalfLife) {
    private static final long HOUR_NANOS = Duration.ofHours(1).toNanos();

    /** 100 ms steps, books every second, marks every second, open interest every 10 s, 2 s refill. */
    public static final SimulationConfig DEFAULT = new SimulationConfig(
            Duration.ofMillis(100),
            1.0,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            Duration.ofSeconds(2));

    public SimulationConfig {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(bookInterval, "bookInterval");
        Objects.requireNonNull(markInterval, "markInterval");
        Objects.requireNonNull(openInterestInterval, "openInterestInterval");
        Objects.requireNonNull(replenishHalfLife, "replenishHalfLife");
        long s = step.toNanos();
        if (s <= 0 || HOUR_NANOS % s != 0) {
            throw new IllegalArgumentException("step must be positive and divide one hour: " + step);
        }
        if (!(tradeIntensity >= 0) || !Double.isFinite(tradeIntensity)) {
            throw new IllegalArgumentException("trade intensity must not be negative: " + tradeIntensity);
        }
        if (bookInterval.isNegative() || !markInterval.isPositive() || !openInterestInterval.isPositive()) {
            throw new IllegalArgumentException("publication intervals must be positive (book: zero to disable)");
        }
        if (!replenishHalfLife.isPositive()) {
            throw new IllegalArgumentException("replenish half-life must be positive");
        }
    }

    public SimulationConfig withStep(Duration newStep) {
        return new SimulationConfig(
                newStep, tradeIntensity, bookInterval, markInterval, openInterestInterval, replenishHalfLife);
    }

    public SimulationConfig withTradeIntensity(double intensity) {
        return new SimulationConfig(
                step, intensity, bookInterval, markInterval, openInterestInterval, replenishHalfLife);
    }

    public SimulationConfig withBookInterval(Duration interval) {
        return new SimulationConfig(
                step, tradeIntensity, interval, markInterval, openInterestInterval, replenishHalfLife);
    }

    public SimulationConfig withReplenishHalfLife(Duration halfLife) {
        return new SimulationConfig(step, tradeIntensity, bookInterval, markInterval, openInterestInterval, halfLife);
    }

    /** Steps between two publications of {@code interval} (at least one). */
    long everySteps(Duration interval) {
        return Math.max(1, Math.round((double) interval.toNanos() / step.toNanos()));
    }
}
