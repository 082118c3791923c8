package dev.paperdesk.engine.strategy.api;

import java.math.BigDecimal;
import java.util.Objects;

/** A positive price distance from a reference price: in price units or in percent of the reference. */
public sealed interface Offset {
    /** The distance in price units from {@code reference}. */
    BigDecimal distanceFrom(BigDecimal reference);

    /** A distance in price units (points), e.g. 2.5 dollars. */
    record Points(BigDecimal points) implements Offset {
        public Points {
            Objects.requireNonNull(points, "points");
            if (points.signum() <= 0) {
                throw new IllegalArgumentException("offset must be positive: " + points.toPlainString());
            }
        }

        @Override
        public BigDecimal distanceFrom(BigDecimal reference) {
            return points;
        }
    }

    /** A distance in percent of the reference price, e.g. 2 for 2 %. */
    record Percent(BigDecimal percent) implements Offset {
        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        public Percent {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() <= 0 || percent.compareTo(HUNDRED) >= 0) {
                throw new IllegalArgumentException(
                        "percent offset must be above 0 and below 100: " + percent.toPlainString());
            }
        }

        @Override
        public BigDecimal distanceFrom(BigDecimal reference) {
            return reference.multiply(percent).movePointLeft(2);
        }
    }
}
