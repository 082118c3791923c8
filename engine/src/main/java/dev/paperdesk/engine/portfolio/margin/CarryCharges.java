package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.Currency;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The two periodic charges of holding a position: perpetual funding and short borrow fees.
 * Funding is exact; a borrow fee is rounded to the currency's minor unit once, when it is booked.
 */
public final class CarryCharges {
    /** Days per year over which an annual borrow rate is accrued. */
    public static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    private CarryCharges() {}

    /**
     * The funding a position receives (positive) or pays (negative) at a settlement:
     * {@code −quantity × multiplier × mark × rate}. Longs pay shorts when the rate is positive.
     */
    public static BigDecimal funding(
            BigDecimal signedQuantity, BigDecimal multiplier, BigDecimal mark, BigDecimal rate) {
        return signedQuantity.multiply(multiplier).multiply(mark).multiply(rate).negate();
    }

    /**
     * One day's borrow fee of a short ({@code |quantity| × multiplier × mark × annualRate / 365}),
     * rounded half-even to the currency's minor unit; zero for longs.
     */
    public static BigDecimal dailyBorrowFee(
            BigDecimal signedQuantity,
            BigDecimal multiplier,
            BigDecimal mark,
            BigDecimal annualRate,
            Currency currency) {
        if (signedQuantity.signum() >= 0) {
            return BigDecimal.ZERO;
        }
        return signedQuantity
                .abs()
                .multiply(multiplier)
                .multiply(mark)
                .multiply(annualRate)
                .divide(DAYS_PER_YEAR, currency.minorUnits(), RoundingMode.HALF_EVEN);
    }
}
