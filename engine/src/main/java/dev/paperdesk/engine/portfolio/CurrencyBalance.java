package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.Currency;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One currency's bucket of a portfolio: its cash and the P&amp;L and fees booked in it. Exact, in the
 * bucket's own currency.
 *
 * @param deposits starting balance plus top-ups booked in this currency
 */
public record CurrencyBalance(
        Currency currency, BigDecimal cash, BigDecimal deposits, BigDecimal realizedPnl, BigDecimal feesPaid) {
    public CurrencyBalance {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(deposits, "deposits");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(feesPaid, "feesPaid");
    }

    public static CurrencyBalance empty(Currency currency) {
        return new CurrencyBalance(currency, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    CurrencyBalance book(BigDecimal cashDelta, BigDecimal realizedDelta, BigDecimal fee) {
        return new CurrencyBalance(
                currency,
                cash.add(cashDelta).subtract(fee),
                deposits,
                realizedPnl.add(realizedDelta),
                feesPaid.add(fee));
    }

    CurrencyBalance deposit(BigDecimal amount) {
        return new CurrencyBalance(currency, cash.add(amount), deposits.add(amount), realizedPnl, feesPaid);
    }
}
