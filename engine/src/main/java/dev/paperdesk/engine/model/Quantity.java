package dev.paperdesk.engine.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An exact, non-negative amount of an instrument (shares, coins, contracts, units). */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {
    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

    public Quantity {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("quantity must not be negative: " + value.toPlainString());
        }
    }

    public static Quantity of(String value) {
        return new Quantity(new BigDecimal(value));
    }

    public static Quantity of(BigDecimal value) {
        return new Quantity(value);
    }

    public static Quantity of(long value) {
        return new Quantity(BigDecimal.valueOf(value));
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value));
    }

    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value));
    }

    public Quantity min(Quantity other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    /** Rounds down to a multiple of {@code lot}, explicitly. */
    public Quantity roundDownToLot(BigDecimal lot) {
        return new Quantity(value.divide(lot, 0, RoundingMode.DOWN).multiply(lot));
    }

    public boolean isMultipleOf(BigDecimal lot) {
        return Decimals.isMultipleOf(value, lot);
    }

    @Override
    public int compareTo(Quantity o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return Decimals.normalize(value).toPlainString();
    }
}
