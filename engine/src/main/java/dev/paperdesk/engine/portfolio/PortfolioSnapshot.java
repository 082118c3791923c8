package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable, consistent picture of a portfolio at one engine instant; safe to share across
 * threads. {@code cash}, {@code realizedPnl}, {@code feesPaid}, {@code unrealizedPnl} and {@code equity}
 * are in the base currency, converted at the rates of that instant; {@code balances} are exact per
 * currency. {@code positions} may be a {@link DeferredPositions} list whose views are built on first
 * read, so that a tick publishes a snapshot without paying for views nobody looks at.
 *
 * @param unconvertible currencies held without a known rate to the base currency (left out of the totals)
 * @param rates units of the base currency per unit of each held currency, at the snapshot's instant
 * @param account the settings, position margin terms and risk reference points
 * @param reservedForOrders what the portfolio's working orders hold back from the free margin (base
 *     currency, ≥ 0): the margin and fees each would use if it filled at its reservation price
 */
public record PortfolioSnapshot(
        PortfolioId id,
        String name,
        String description,
        Currency baseCurrency,
        BigDecimal startingBalance,
        BigDecimal cash,
        BigDecimal realizedPnl,
        BigDecimal feesPaid,
        BigDecimal unrealizedPnl,
        BigDecimal equity,
        CostBasisMethod costBasisMethod,
        boolean archived,
        Instant createdAt,
        List<CurrencyBalance> balances,
        List<PositionView> positions,
        List<Currency> unconvertible,
        Map<Currency, BigDecimal> rates,
        PortfolioAccount account,
        BigDecimal reservedForOrders) {
    public PortfolioSnapshot {
        balances = List.copyOf(balances);
        // A deferred list is already immutable; copying it would build every view on each tick.
        positions = positions instanceof DeferredPositions ? positions : List.copyOf(positions);
        unconvertible = List.copyOf(unconvertible);
        rates = Map.copyOf(rates);
        java.util.Objects.requireNonNull(account, "account");
        java.util.Objects.requireNonNull(reservedForOrders, "reservedForOrders");
        if (reservedForOrders.signum() < 0) {
            throw new IllegalArgumentException("reserved for orders must not be negative: " + reservedForOrders);
        }
    }

    /** This snapshot with {@code reserved} held back for working orders. */
    public PortfolioSnapshot withReservedForOrders(BigDecimal reserved) {
        return new PortfolioSnapshot(
                id,
                name,
                description,
                baseCurrency,
                startingBalance,
                cash,
                realizedPnl,
                feesPaid,
                unrealizedPnl,
                equity,
                costBasisMethod,
                archived,
                createdAt,
                balances,
                positions,
                unconvertible,
                rates,
                account,
                reserved);
    }

    /**
     * The figures of {@link #positions()}, equal to the views' (value and scale) and in their order,
     * without building deferred views: for readers that need no position view, such as margin books.
     */
    public List<? extends PositionFigures> positionFigures() {
        return positions instanceof DeferredPositions d ? d.figures() : positions;
    }

    /** The rate that converts {@code currency} into the base currency, when known. */
    public java.util.Optional<BigDecimal> rate(Currency currency) {
        return currency.equals(baseCurrency)
                ? java.util.Optional.of(BigDecimal.ONE)
                : java.util.Optional.ofNullable(rates.get(currency));
    }
}
