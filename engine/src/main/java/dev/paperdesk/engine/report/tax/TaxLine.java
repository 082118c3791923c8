package dev.paperdesk.engine.report.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One realized lot as a tax report shows it: dates in the report's zone, amounts rounded to cents
 * (half up) so that every line adds up as printed: {@code gain = proceeds − costBasis + adjustment}.
 *
 * @param lot the exact closed lot behind the line (or the part of it this line reports)
 * @param description quantity and symbol, e.g. {@code 100 ACME}, marked for short sales
 * @param acquired the start of the holding period: the purchase date, moved back for wash-sale
 *     replacement units by the days the washed units were held
 * @param purchased the date the units were really bought (sold short for a short sale)
 * @param costBasis basis including any wash-sale loss carried into it ({@code carriedLoss})
 * @param carriedLoss disallowed loss of an earlier wash sale added to this line's basis, in cents
 * @param adjustmentCode {@code W} for a wash sale, empty otherwise
 * @param adjustment the disallowed loss (positive) added back to the loss, zero without a wash sale
 * @param replacementQuantity units of replacement purchases matched to this line (wash sales only)
 */
public record TaxLine(
        ClosedLot lot,
        String description,
        LocalDate acquired,
        LocalDate purchased,
        LocalDate sold,
        HoldingTerm term,
        BigDecimal proceeds,
        BigDecimal costBasis,
        BigDecimal carriedLoss,
        String adjustmentCode,
        BigDecimal adjustment,
        BigDecimal gain,
        BigDecimal replacementQuantity) {
    public TaxLine {
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(acquired, "acquired");
        Objects.requireNonNull(purchased, "purchased");
        Objects.requireNonNull(carriedLoss, "carriedLoss");
        Objects.requireNonNull(sold, "sold");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(adjustmentCode, "adjustmentCode");
        if (gain.compareTo(proceeds.subtract(costBasis).add(adjustment)) != 0) {
            throw new IllegalArgumentException("line " + description + " does not add up");
        }
    }

    /** Cents, half up: how tax forms round. */
    public static BigDecimal cents(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    public boolean washSale() {
        return !adjustmentCode.isEmpty();
    }

    /** Whether this line sells wash-sale replacement units: basis raised and holding period tacked. */
    public boolean replacement() {
        return carriedLoss.signum() != 0 || !acquired.equals(purchased);
    }
}
