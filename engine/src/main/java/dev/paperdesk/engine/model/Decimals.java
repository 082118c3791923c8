package dev.paperdesk.engine.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** Shared scale and rounding rules for exact decimal arithmetic in the ledger. */
public final class Decimals {
    /** Scale of every cash amount stored in the ledger (8 decimals covers satoshis and cents). */
    public static final int MONEY_SCALE = 8;

    /** Rounding used when an exact quotient has to be cut to {@link #MONEY_SCALE}. */
    public static final RoundingMode MONEY_ROUNDING = RoundingMode.HALF_EVEN;

    /** Precision for intermediate quotients (cost-basis allocation, averages). */
    public static final MathContext DIVISION = new MathContext(34, RoundingMode.HALF_EVEN);

    private Decimals() {}

    /**
     * {@code x × factor}. When the factor is exactly one at scale 0 (the rate between a currency and
     * itself, the multiplier of a share) the product equals {@code x} in value and scale, so {@code x}
     * itself is returned instead of a new object.
     */
    public static BigDecimal times(BigDecimal x, BigDecimal factor) {
        return factor == BigDecimal.ONE || (factor.scale() == 0 && factor.equals(BigDecimal.ONE))
                ? x
                : x.multiply(factor);
    }

    /**
     * Whether {@code value} is a whole multiple of {@code unit} ({@code value.remainder(unit)} is zero),
     * exactly. Ticks and lots are mostly a power of ten (0.01, 1, 0.001): then {@code value} is a
     * multiple when it has no digit below the unit's, read from its scale (stripping trailing zeros
     * only when the scale is finer), with no division; other units take the remainder.
     */
    public static boolean isMultipleOf(BigDecimal value, BigDecimal unit) {
        if (unit.signum() > 0 && unit.precision() == 1 && unit.unscaledValue().equals(BigInteger.ONE)) {
            int k = unit.scale();
            return value.scale() <= k
                    || value.signum() == 0
                    || value.stripTrailingZeros().scale() <= k;
        }
        return value.remainder(unit).signum() == 0;
    }

    /** Strips trailing zeros but never returns scientific notation for integers. */
    public static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    /** Parses a decimal string strictly: no exponent, no grouping, '.' as decimal point. */
    public static BigDecimal parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        String t = text.trim();
        if (!t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new IllegalArgumentException(field + " is not a decimal number: '" + t + "'");
        }
        return new BigDecimal(t);
    }
}
