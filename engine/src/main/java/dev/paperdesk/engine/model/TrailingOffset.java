package dev.paperdesk.engine.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How far a trailing stop follows the market: a fixed price distance, or a percentage of the best
 * price seen since the order became active.
 *
 * @param value the distance in price units, or the percentage (e.g. {@code 1.5} for 1.5 %)
 * @param percent whether {@code value} is a percentage
 */
public record TrailingOffset(BigDecimal value, boolean percent) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public TrailingOffset {
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("trailing offset must be positive: " + value.toPlainString());
        }
        if (percent && value.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("trailing percentage must be below 100: " + value.toPlainString());
        }
    }

    /** A distance in price units. */
    public static TrailingOffset amount(BigDecimal distance) {
        return new TrailingOffset(distance, false);
    }

    /** A percentage of the anchor price. */
    public static TrailingOffset percent(BigDecimal percentage) {
        return new TrailingOffset(percentage, true);
    }

    /** Parses {@code 2.5} (amount) or {@code 1.5%} (percentage). */
    public static TrailingOffset parse(String text) {
        String t = text.strip();
        if (t.endsWith("%")) {
            return percent(Decimals.parse(t.substring(0, t.length() - 1), "trailing percentage"));
        }
        return amount(Decimals.parse(t, "trailing amount"));
    }

    /** The price distance from {@code anchor}, exact (not yet rounded to a tick). */
    public BigDecimal distanceFrom(BigDecimal anchor) {
        return percent ? anchor.multiply(value).divide(HUNDRED, Decimals.DIVISION) : value;
    }

    @Override
    public String toString() {
        return Decimals.normalize(value).toPlainString() + (percent ? "%" : "");
    }
}
