package dev.paperdesk.engine.options;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import java.util.Objects;

/**
 * One side (call or put) of a chain row: the contract to trade, its quote and its Greeks.
 *
 * <p>Prices are per unit of underlying (a contract costs price × multiplier). {@code last} is the
 * price of the latest fill in this workspace, or {@code null} when the contract has not traded.
 * {@code impliedVolatility} is annualised (0.25 = 25%) and is the surface volatility the quote is built
 * around. Greeks are per unit of underlying: {@code delta} ∂V/∂S, {@code gamma} ∂²V/∂S², {@code theta}
 * per calendar day, {@code vega} per volatility point (0.01), {@code rho} per percentage point of rate.
 * {@code openInterest} is in contracts.
 */
public record OptionQuoteView(
        InstrumentId instrumentId,
        OptionRight right,
        Price bid,
        Price ask,
        Price last,
        double impliedVolatility,
        double delta,
        double gamma,
        double theta,
        double vega,
        double rho,
        long openInterest,
        boolean inTheMoney) {
    public OptionQuoteView {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(ask, "ask");
        if (bid.compareTo(ask) > 0) {
            throw new IllegalArgumentException(instrumentId + ": crossed quote " + bid + " > " + ask);
        }
        if (openInterest < 0) {
            throw new IllegalArgumentException(instrumentId + ": open interest must be ≥ 0");
        }
    }

    /** The mid of bid and ask. */
    public Price mid() {
        return new Price(bid.value().add(ask.value()).divide(java.math.BigDecimal.TWO));
    }
}
