package dev.paperdesk.engine.session;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.portfolio.PortfolioSettings;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a new portfolio is made of: name, description, base currency, starting balance and settings.
 */
public record PortfolioSpec(
        String name,
        String description,
        Currency baseCurrency,
        BigDecimal startingBalance,
        PortfolioSettings settings) {
    public PortfolioSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("portfolio name must not be blank");
        }
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(startingBalance, "startingBalance");
        if (startingBalance.signum() <= 0) {
            throw new IllegalArgumentException(
                    "starting balance must be positive, not " + startingBalance.toPlainString());
        }
        description = description == null ? "" : description;
        settings = settings == null ? PortfolioSettings.DEFAULTS : settings;
    }

    /** A portfolio with default settings and the default starting balance of 5,000,000. */
    public static PortfolioSpec of(String name, Currency base) {
        return new PortfolioSpec(name, "", base, SessionConfig.DEFAULT_STARTING_BALANCE, PortfolioSettings.DEFAULTS);
    }
}
