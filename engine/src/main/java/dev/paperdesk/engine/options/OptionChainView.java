package dev.paperdesk.engine.options;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.pricing.chain.ExpiryKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The chain of one underlying and expiry as of {@code asOf}: rows by ascending strike, the strike
 * nearest the underlying price ({@code atmStrike}), and the contract terms shared by every row.
 *
 * @param underlyingPrice the underlying's mid the chain was priced at
 * @param timeToExpiry years to {@code expiresAt} (ACT/365F, to the second)
 * @param cashSettled true when exercise pays the intrinsic value in cash (crypto), false when it
 *     delivers the underlying at the strike (equities and ETFs)
 */
public record OptionChainView(
        InstrumentId underlying,
        LocalDate expiry,
        ExpiryKind kind,
        Instant expiresAt,
        OptionStyle style,
        boolean cashSettled,
        BigDecimal multiplier,
        Currency currency,
        BigDecimal underlyingPrice,
        double timeToExpiry,
        Instant asOf,
        BigDecimal atmStrike,
        List<OptionChainRow> rows) {
    public OptionChainView {
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(multiplier, "multiplier");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(underlyingPrice, "underlyingPrice");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(atmStrike, "atmStrike");
        rows = List.copyOf(rows);
    }

    /** The row of a strike, if listed. */
    public Optional<OptionChainRow> row(BigDecimal strike) {
        return rows.stream().filter(r -> r.strike().compareTo(strike) == 0).findFirst();
    }
}
