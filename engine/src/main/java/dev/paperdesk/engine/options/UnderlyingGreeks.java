package dev.paperdesk.engine.options;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The Greeks of a portfolio's positions on one underlying: its options and the underlying itself.
 *
 * @param delta share-equivalent delta: units of underlying (shares, coins) with the same first-order
 *     exposure, Σ quantity × multiplier × Δ, the underlying position counting one per unit
 * @param gamma change of {@code delta} for a one-unit rise of the underlying price, Σ quantity ×
 *     multiplier × Γ
 * @param dollars the same exposures in {@code currency} (see {@link DollarGreeks})
 */
public record UnderlyingGreeks(
        InstrumentId underlying,
        BigDecimal underlyingPrice,
        Currency currency,
        double delta,
        double gamma,
        DollarGreeks dollars) {
    public UnderlyingGreeks {
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(underlyingPrice, "underlyingPrice");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(dollars, "dollars");
    }
}
