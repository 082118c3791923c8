package dev.paperdesk.engine.market;

import java.math.BigDecimal;

/**
 * Converts whole counts of a unit (ticks of a price, lots of a quantity) to exact decimals and
 * back; {@code n × unit} is built as {@code (n × unscaled) · 10^-scale}, without decimal arithmetic,
 * so fast paths can work in {@code long}s and convert only when they publish.
 */
public final class UnitScale {
    private final BigDecimal unit;
    private final long unscaled;
    private final int scale;
    private final double unitDouble;

    public UnitScale(BigDecimal unit) {
        if (unit.signum() <= 0) {
            throw new IllegalArgumentException("unit must be positive: " + unit);
        }
        BigDecimal u = unit.stripTrailingZeros();
        if (u.scale() < 0) {
            u = u.setScale(0);
        }
        this.unit = u;
        this.unscaled = u.unscaledValue().longValueExact();
        this.scale = u.scale();
        this.unitDouble = u.doubleValue();
    }

    /** The unit, without trailing zeros. */
    public BigDecimal unit() {
        return unit;
    }

    public int scale() {
        return scale;
    }

    public double unitDouble() {
        return unitDouble;
    }

    /** {@code count × unit}, exactly. */
    public BigDecimal toDecimal(long count) {
        return BigDecimal.valueOf(Math.multiplyExact(count, unscaled), scale);
    }

    /** The whole number of units in {@code value}; throws {@link ArithmeticException} when it is not a multiple. */
    public long toCountExact(BigDecimal value) {
        return value.divide(unit).toBigIntegerExact().longValueExact();
    }
}
