package dev.paperdesk.engine.options;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.PortfolioId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A portfolio's option Greeks per underlying (every underlying on which it holds an option) and in
 * total, the total in the portfolio's base currency.
 */
public record PortfolioGreeks(
        PortfolioId portfolio,
        Instant asOf,
        Currency baseCurrency,
        List<UnderlyingGreeks> underlyings,
        DollarGreeks total) {
    public PortfolioGreeks {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(total, "total");
        underlyings = List.copyOf(underlyings);
    }

    /** True when the portfolio holds no option. */
    public boolean isEmpty() {
        return underlyings.isEmpty();
    }
}
