package dev.paperdesk.engine.options;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened to an option position at exercise, assignment or expiry.
 *
 * @param contracts contracts closed (positive)
 * @param settlementPrice the underlying price the decision and any cash settlement used
 * @param delivered signed units of underlying delivered into the portfolio (shares bought on a
 *     call exercise or put assignment are positive); zero for cash settlement and worthless expiry
 * @param cash signed cash movement in {@code currency}: −strike × units for a delivery bought,
 *     +strike × units for one sold, ± intrinsic × contracts × multiplier for cash settlement
 */
public record OptionEvent(
        Kind kind,
        PortfolioId portfolio,
        InstrumentId contract,
        BigDecimal contracts,
        BigDecimal settlementPrice,
        BigDecimal delivered,
        BigDecimal cash,
        Currency currency,
        Instant at) {

    /** The kind of lifecycle event. */
    public enum Kind {
        /** A long option exercised, by the holder early or automatically at expiry. */
        EXERCISE,
        /** A short option assigned at expiry. */
        ASSIGNMENT,
        /** An option that expired out of the money (below the exercise threshold), closed at zero. */
        EXPIRY
    }

    public OptionEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(contracts, "contracts");
        Objects.requireNonNull(settlementPrice, "settlementPrice");
        Objects.requireNonNull(delivered, "delivered");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(at, "at");
        if (contracts.signum() <= 0) {
            throw new IllegalArgumentException(contract + ": contracts must be positive");
        }
    }
}
