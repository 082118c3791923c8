package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.Decimals;
import java.math.BigDecimal;

/**
 * A percentage {@code part × 100 ÷ whole} rounded to {@link Decimals#DIVISION} (34 digits), and exact
 * decisions of how it compares with a limit that mostly need no division.
 *
 * <p>A limit check is a comparison, not a figure: {@code part × 100} against {@code threshold ×
 * whole} decides it by two multiplications whenever the exact quotient lies further than a relative
 * 10⁻³⁰ from the threshold, because rounding to 34 digits moves a quotient by less than a relative
 * 10⁻³³. Only inside that band, or for inputs outside the cases the argument covers (a negative
 * part, a threshold that is not positive or has more than 34 digits), is the rounded quotient
 * computed and compared, so the decision always equals {@code of(part, whole).compareTo(threshold)}.
 */
public final class Percent {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Digits of the band outside which a cross-multiplied comparison decides. */
    private static final int BAND_DIGITS = 30;

    private Percent() {}

    /** {@code part × 100 ÷ whole} at 34 digits; {@code whole} must not be zero. */
    public static BigDecimal of(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, Decimals.DIVISION);
    }

    /** Exactly {@code of(part, whole).compareTo(threshold) >= 0}, for {@code whole > 0}. */
    public static boolean atLeast(BigDecimal part, BigDecimal whole, BigDecimal threshold) {
        int quick = quickCompare(part, whole, threshold);
        if (quick == SAFE_BELOW) {
            return false;
        }
        if (quick == SAFE_ABOVE || quick == EXACTLY_AT) {
            return true;
        }
        return of(part, whole).compareTo(threshold) >= 0;
    }

    /** Exactly {@code of(part, whole).compareTo(threshold) > 0}, for {@code whole > 0}. */
    public static boolean exceeds(BigDecimal part, BigDecimal whole, BigDecimal threshold) {
        int quick = quickCompare(part, whole, threshold);
        if (quick == SAFE_BELOW || quick == EXACTLY_AT) {
            return false;
        }
        if (quick == SAFE_ABOVE) {
            return true;
        }
        return of(part, whole).compareTo(threshold) > 0;
    }

    private static final int UNDECIDED = 0;
    private static final int SAFE_BELOW = 1;
    private static final int SAFE_ABOVE = 2;
    private static final int EXACTLY_AT = 3;

    /**
     * Where the exact quotient lies against {@code threshold} when that decides the rounded one too:
     * exactly at it (a 34-digit threshold rounds to itself), or further than the band away from it.
     */
    private static int quickCompare(BigDecimal part, BigDecimal whole, BigDecimal threshold) {
        if (whole.signum() <= 0
                || part.signum() < 0
                || threshold.signum() <= 0
                || threshold.precision() > Decimals.DIVISION.getPrecision()) {
            return UNDECIDED;
        }
        // First in binary floating point: each operand converts with a relative error of at most
        // 2⁻⁵³ and the products add a few more, so a relative gap of 10⁻⁹ between the two sides is
        // certainly real, and far outside the band. Only closer cases (or magnitudes where doubles
        // could underflow or overflow) are compared exactly.
        double l = part.doubleValue() * 100.0;
        double r = threshold.doubleValue() * whole.doubleValue();
        if (r >= 1e-250 && r <= 1e250 && (l == 0.0 || (l >= 1e-250 && l <= 1e250))) {
            if (l < r * (1 - 1e-9)) {
                return SAFE_BELOW;
            }
            if (l > r * (1 + 1e-9)) {
                return SAFE_ABOVE;
            }
        }
        BigDecimal lhs = part.multiply(HUNDRED);
        BigDecimal rhs = threshold.multiply(whole);
        int c = lhs.compareTo(rhs);
        if (c == 0) {
            return EXACTLY_AT;
        }
        BigDecimal gap = c < 0 ? rhs.subtract(lhs) : lhs.subtract(rhs);
        if (gap.movePointRight(BAND_DIGITS).compareTo(rhs) <= 0) {
            return UNDECIDED;
        }
        return c < 0 ? SAFE_BELOW : SAFE_ABOVE;
    }
}
