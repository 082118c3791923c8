package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.Currency;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One currency's bucket of a portfolio: its cash and every kind of money booked in it. Exact, in the
 * bucket's own currency.
 *
 * <p>Invariant (checked by property tests): {@code cash + cost basis of the open positions booked in
 * this currency = deposits + realizedPnl − feesPaid − fundingPaid + fundingReceived − borrowFees +
 * insuranceCredits + adlTransfers}.
 *
 * @param deposits starting balance plus top-ups booked in this currency
 * @param feesPaid trading fees and liquidation fees
 * @param topUps the part of {@code deposits} that was added after the start (tracked apart from P&amp;L)
 * @param fundingPaid perpetual funding paid (positive number)
 * @param fundingReceived perpetual funding received (positive number)
 * @param borrowFees short borrow fees paid (positive number)
 * @param insuranceCredits liquidation shortfalls the insurance fund covered for this account
 * @param adlTransfers signed auto-deleveraging transfers (credits received minus debits taken)
 */
public record CurrencyBalance(
        Currency currency,
        BigDecimal cash,
        BigDecimal deposits,
        BigDecimal realizedPnl,
        BigDecimal feesPaid,
        BigDecimal topUps,
        BigDecimal fundingPaid,
        BigDecimal fundingReceived,
        BigDecimal borrowFees,
        BigDecimal insuranceCredits,
        BigDecimal adlTransfers) {
    public CurrencyBalance {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(deposits, "deposits");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(feesPaid, "feesPaid");
        Objects.requireNonNull(topUps, "topUps");
        Objects.requireNonNull(fundingPaid, "fundingPaid");
        Objects.requireNonNull(fundingReceived, "fundingReceived");
        Objects.requireNonNull(borrowFees, "borrowFees");
        Objects.requireNonNull(insuranceCredits, "insuranceCredits");
        Objects.requireNonNull(adlTransfers, "adlTransfers");
    }

    /** A bucket without funding, borrow, top-up or liquidation history (schema v3 rows). */
    public CurrencyBalance(
            Currency currency, BigDecimal cash, BigDecimal deposits, BigDecimal realizedPnl, BigDecimal feesPaid) {
        this(currency, cash, deposits, realizedPnl, feesPaid, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO);
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO;

    public static CurrencyBalance empty(Currency currency) {
        return new CurrencyBalance(currency, ZERO, ZERO, ZERO, ZERO);
    }

    /**
     * What {@code cash + cost basis} must equal: deposits and realized P&amp;L net of every charge and
     * credit booked in this bucket.
     */
    public BigDecimal accountedBalance() {
        return deposits.add(realizedPnl)
                .subtract(feesPaid)
                .subtract(fundingPaid)
                .add(fundingReceived)
                .subtract(borrowFees)
                .add(insuranceCredits)
                .add(adlTransfers);
    }

    /** Net funding: received minus paid. */
    public BigDecimal netFunding() {
        return fundingReceived.subtract(fundingPaid);
    }

    CurrencyBalance book(BigDecimal cashDelta, BigDecimal realizedDelta, BigDecimal fee) {
        return new CurrencyBalance(
                currency,
                cash.add(cashDelta).subtract(fee),
                deposits,
                realizedPnl.add(realizedDelta),
                feesPaid.add(fee),
                topUps,
                fundingPaid,
                fundingReceived,
                borrowFees,
                insuranceCredits,
                adlTransfers);
    }

    CurrencyBalance deposit(BigDecimal amount) {
        return new CurrencyBalance(
                currency,
                cash.add(amount),
                deposits.add(amount),
                realizedPnl,
                feesPaid,
                topUps,
                fundingPaid,
                fundingReceived,
                borrowFees,
                insuranceCredits,
                adlTransfers);
    }

    CurrencyBalance topUp(BigDecimal amount) {
        CurrencyBalance d = deposit(amount);
        return new CurrencyBalance(
                currency,
                d.cash,
                d.deposits,
                realizedPnl,
                feesPaid,
                topUps.add(amount),
                fundingPaid,
                fundingReceived,
                borrowFees,
                insuranceCredits,
                adlTransfers);
    }

    /** Books a signed funding payment: positive received, negative paid. */
    CurrencyBalance funding(BigDecimal signedAmount) {
        boolean received = signedAmount.signum() > 0;
        return new CurrencyBalance(
                currency,
                cash.add(signedAmount),
                deposits,
                realizedPnl,
                feesPaid,
                topUps,
                received ? fundingPaid : fundingPaid.add(signedAmount.negate()),
                received ? fundingReceived.add(signedAmount) : fundingReceived,
                borrowFees,
                insuranceCredits,
                adlTransfers);
    }

    CurrencyBalance borrow(BigDecimal fee) {
        return new CurrencyBalance(
                currency,
                cash.subtract(fee),
                deposits,
                realizedPnl,
                feesPaid,
                topUps,
                fundingPaid,
                fundingReceived,
                borrowFees.add(fee),
                insuranceCredits,
                adlTransfers);
    }

    CurrencyBalance insurance(BigDecimal credit) {
        return new CurrencyBalance(
                currency,
                cash.add(credit),
                deposits,
                realizedPnl,
                feesPaid,
                topUps,
                fundingPaid,
                fundingReceived,
                borrowFees,
                insuranceCredits.add(credit),
                adlTransfers);
    }

    CurrencyBalance adl(BigDecimal signedAmount) {
        return new CurrencyBalance(
                currency,
                cash.add(signedAmount),
                deposits,
                realizedPnl,
                feesPaid,
                topUps,
                fundingPaid,
                fundingReceived,
                borrowFees,
                insuranceCredits,
                adlTransfers.add(signedAmount));
    }

    /** A fresh bucket holding {@code cash}, all of it counted as deposited; used by reset. */
    static CurrencyBalance restart(Currency currency, BigDecimal cash) {
        return new CurrencyBalance(currency, cash, cash, ZERO, ZERO);
    }
}
