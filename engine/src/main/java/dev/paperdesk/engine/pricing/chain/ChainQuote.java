package dev.paperdesk.engine.pricing.chain;

import dev.paperdesk.engine.model.Instrument.OptionContract;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.pricing.option.OptionValuation;
import java.util.Objects;

/**
 * One line of a generated chain: the contract, its surface volatility, theoretical value and Greeks
 * (per unit of underlying), the quoted bid and ask, and the open interest in contracts.
 */
public record ChainQuote(
        OptionContract contract,
        ExpiryKind expiryKind,
        double timeToExpiry,
        double volatility,
        OptionValuation valuation,
        Price bid,
        Price ask,
        long openInterest) {

    public ChainQuote {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(expiryKind, "expiryKind");
        Objects.requireNonNull(valuation, "valuation");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(ask, "ask");
        if (bid.compareTo(ask) >= 0 || bid.value().signum() < 0) {
            throw new IllegalArgumentException(contract.id() + ": quote needs 0 ≤ bid < ask, got " + bid + " / " + ask);
        }
        if (openInterest < 0) {
            throw new IllegalArgumentException(contract.id() + ": open interest must be ≥ 0");
        }
    }

    /** The theoretical value per unit of underlying. */
    public double theoreticalValue() {
        return valuation.value();
    }
}
