package dev.paperdesk.engine.market.sim;

import java.math.BigDecimal;

/**
 * Converts counts of a unit (ticks of a price, lots of a quantity) to exact decimals without
 * decimal arithmetic: {@code n × unit = (n × unscaled) · 10^-scale}.
 */
final class UnitScale {
    private final BigDecimal unit;
    private final long unscaled;
    private final int scale;
    private final double unitDouble;

    UnitScale(BigDecimal unit) {
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

    BigDecimal unit() {
        return unit;
    }

    int scale() {
        return scale;
    }

    double unitDouble() {
        return unitDouble;
    }

    BigDecimal toDecimal(long count) {
        return BigDecimal.valueOf(Math.multiplyExact(count, unscaled), scale);
    }

    /** The whole number of units in {@code value}; throws when it is not a multiple. */
    long toCountExact(BigDecimal value) {
        return value.divide(unit).toBigIntegerExact().longValueExact();
    }
}
