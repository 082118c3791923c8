package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.Currency;
import java.math.BigDecimal;
import java.util.Optional;

/** Converts amounts between currencies at current rates; used to value multi-currency portfolios. */
@FunctionalInterface
public interface FxRates {
    /** Units of {@code to} per one unit of {@code from}, or empty when no rate is known. */
    Optional<BigDecimal> rate(Currency from, Currency to);

    /** Rates that know only the identity: for single-currency portfolios and tests. */
    FxRates IDENTITY = (from, to) -> from.equals(to) ? Optional.of(BigDecimal.ONE) : Optional.empty();
}
