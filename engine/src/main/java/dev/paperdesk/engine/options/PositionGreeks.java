package dev.paperdesk.engine.options;

import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The Greeks of one position: an option, or an underlying that options are listed on (delta only).
 *
 * @param delta share-equivalent delta: quantity × multiplier × Δ (the quantity itself for the underlying)
 * @param gamma change of {@code delta} per one-unit rise of the underlying price
 * @param theta money per calendar day, in the position's currency
 * @param vega money per volatility point (0.01)
 * @param rho money per percentage point of rate (0.01)
 */
public record PositionGreeks(
        InstrumentId instrument,
        InstrumentId underlying,
        BigDecimal quantity,
        double delta,
        double gamma,
        double theta,
        double vega,
        double rho) {
    public PositionGreeks {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(quantity, "quantity");
    }
}
