package dev.paperdesk.engine.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An exact price in the quote currency of an instrument. May be negative only for spreads. */
public record Price(BigDecimal value) implements Comparable<Price> {
    public Price {
        Objects.requireNonNull(value, "value");
    }

    public static Price of(String value) {
        return new Price(new BigDecimal(value));
    }

    public static Price of(BigDecimal value) {
        return new Price(value);
    }

    /** Rounds to the nearest multiple of {@code tick} (half-even), explicitly. */
    public Price roundToTick(BigDecimal tick, RoundingMode mode) {
        BigDecimal ticks = value.divide(tick, 0, mode);
        return new Price(ticks.multiply(tick));
    }

    /** True when this price is an exact multiple of {@code tick}. */
    public boolean isOnTick(BigDecimal tick) {
        return Decimals.isMultipleOf(value, tick);
    }

    public double toDouble() {
        return value.doubleValue();
    }

    @Override
    public int compareTo(Price o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return Decimals.normalize(value).toPlainString();
    }
}
