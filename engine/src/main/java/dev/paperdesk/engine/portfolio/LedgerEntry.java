package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One signed cash movement. The sum of a portfolio's ledger amounts always equals its cash.
 *
 * @param reference what caused it, e.g. {@code F12} for a fill
 */
public record LedgerEntry(
        PortfolioId portfolioId,
        Instant timestamp,
        LedgerKind kind,
        BigDecimal amount,
        Currency currency,
        String reference,
        String note) {
    public LedgerEntry {
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        reference = reference == null ? "" : reference;
        note = note == null ? "" : note;
    }
}
