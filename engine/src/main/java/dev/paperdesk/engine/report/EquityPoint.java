package dev.paperdesk.engine.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Account equity at one instant, in the base currency.
 *
 * @param cash base-currency cash
 * @param positionsValue signed value of the open positions at the marks valid then
 * @param equity {@code cash + positionsValue}
 * @param netDeposits deposits and top-ups (and resets) booked so far: equity minus this is the P&amp;L
 */
public record EquityPoint(
        Instant time, BigDecimal cash, BigDecimal positionsValue, BigDecimal equity, BigDecimal netDeposits) {
    public EquityPoint {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(positionsValue, "positionsValue");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(netDeposits, "netDeposits");
    }

    /** Equity minus net deposits: what trading earned (or lost) so far. */
    public BigDecimal pnl() {
        return equity.subtract(netDeposits);
    }
}
