package dev.paperdesk.desktop.options;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The call or the put of one chain line as the chain shows it: the contract, bid, ask and last (per
 * unit of underlying; last is null before the first trade), implied volatility (0.25 = 25%), Greeks per
 * unit of underlying (theta per day, vega per vol point, rho per rate point), open interest and whether
 * it is in the money.
 */
public record ChainSide(
        InstrumentId contract,
        OptionRight right,
        BigDecimal bid,
        BigDecimal ask,
        BigDecimal last,
        double iv,
        double delta,
        double gamma,
        double theta,
        double vega,
        double rho,
        long openInterest,
        boolean inTheMoney) {
    public ChainSide {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(ask, "ask");
    }

    /** Halfway between bid and ask. */
    public double mid() {
        return (bid.doubleValue() + ask.doubleValue()) / 2.0;
    }
}
