package dev.paperdesk.engine.report;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.portfolio.PositionView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A portfolio as it stood at one instant, rebuilt from its records.
 *
 * @param cash ledger balance per currency (sum of entries up to the instant), by currency code
 * @param positions open positions valued at the marks valid at the instant (unmarked ones at cost,
 *     with a null mark)
 * @param marketValue signed value of the open positions
 * @param unrealizedPnl value minus cost basis of the open positions
 * @param realizedPnl realized P&amp;L before fees since the portfolio began (as the portfolio books it)
 * @param equity cash in the base currency plus the positions' value (positions are quoted in the base
 *     currency; cash in other currencies is listed in {@code cash} but not converted)
 */
public record AccountState(
        Instant at,
        Map<Currency, BigDecimal> cash,
        List<PositionView> positions,
        BigDecimal marketValue,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        BigDecimal equity) {
    public AccountState {
        Objects.requireNonNull(at, "at");
        TreeMap<Currency, BigDecimal> sorted = new TreeMap<>(java.util.Comparator.comparing(Currency::code));
        sorted.putAll(cash);
        cash = java.util.Collections.unmodifiableMap(sorted);
        positions = List.copyOf(positions);
    }

    /** Cash in {@code currency}, zero when the ledger never touched it. */
    public BigDecimal cash(Currency currency) {
        return cash.getOrDefault(currency, BigDecimal.ZERO);
    }
}
