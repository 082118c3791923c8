package dev.paperdesk.engine.report.tax;

import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The part of a lot a closing fill consumed: one round trip, and one line of a tax report.
 *
 * <p>For a long lot the opening fill bought and the closing fill sold; for a short lot ({@code
 * shortSale}) the opening fill sold and the closing fill bought back. Either way {@code proceeds} is
 * what the sale brought in net of its fee share and {@code costBasis} what the purchase cost plus its
 * fee share, so {@code gain = proceeds − costBasis} is the P&amp;L net of fees.
 *
 * @param quantity units closed, positive
 * @param openedAt when the lot was opened (for an average-cost pool: when these units were bought)
 * @param closedAt when the closing fill executed
 * @param entryFill the fill that opened these units
 * @param exitFill the fill that closed them
 * @param entryPrice price per unit at entry (for an average-cost pool: the pool's average)
 * @param exitPrice price per unit of the closing fill
 * @param entryFees the share of the opening fill's fee carried by these units
 * @param exitFees the share of the closing fill's fee carried by these units
 * @param grossPnl P&amp;L before fees, exactly as the portfolio books it as realized P&amp;L
 */
public record ClosedLot(
        InstrumentId instrument,
        boolean shortSale,
        BigDecimal quantity,
        Instant openedAt,
        Instant closedAt,
        FillId entryFill,
        FillId exitFill,
        BigDecimal entryPrice,
        BigDecimal exitPrice,
        BigDecimal entryFees,
        BigDecimal exitFees,
        BigDecimal grossPnl,
        BigDecimal proceeds,
        BigDecimal costBasis) {
    public ClosedLot {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(entryFill, "entryFill");
        Objects.requireNonNull(exitFill, "exitFill");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a closed lot has a positive quantity");
        }
        if (closedAt.isBefore(openedAt)) {
            throw new IllegalArgumentException("lot of " + instrument + " closed before it opened");
        }
    }

    /** P&amp;L net of fees: proceeds minus cost basis. */
    public BigDecimal netPnl() {
        return proceeds.subtract(costBasis);
    }

    public BigDecimal fees() {
        return entryFees.add(exitFees);
    }

    public Duration holding() {
        return Duration.between(openedAt, closedAt);
    }
}
