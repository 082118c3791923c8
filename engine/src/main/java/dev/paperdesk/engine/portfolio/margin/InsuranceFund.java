package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.Currency;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workspace's virtual insurance fund, one balance per currency: liquidation fees go in,
 * shortfalls beyond a liquidated position's margin come out. Its balance always equals the fees
 * received minus the shortfalls covered, and is never negative.
 */
public final class InsuranceFund {
    private final Map<Currency, BigDecimal> balances =
            new TreeMap<>((a, b) -> a.code().compareTo(b.code()));

    /** Rebuilds the fund from its history. */
    public static InsuranceFund replay(Iterable<AccountRecord> history) {
        InsuranceFund fund = new InsuranceFund();
        for (AccountRecord r : history) {
            if (r instanceof AccountRecord.InsuranceFundEntry e) {
                fund.balances.merge(e.currency(), e.amount(), BigDecimal::add);
            }
        }
        return fund;
    }

    public BigDecimal balance(Currency currency) {
        return balances.getOrDefault(currency, BigDecimal.ZERO);
    }

    public Map<Currency, BigDecimal> balances() {
        return Map.copyOf(balances);
    }

    /** Takes in a liquidation fee; returns the balance after. */
    public BigDecimal receive(Currency currency, BigDecimal fee) {
        if (fee.signum() < 0) {
            throw new IllegalArgumentException("a liquidation fee must not be negative");
        }
        return balances.merge(currency, fee, BigDecimal::add);
    }

    /** Covers as much of {@code shortfall} as the fund holds; returns the amount covered. */
    public BigDecimal cover(Currency currency, BigDecimal shortfall) {
        BigDecimal covered = shortfall.min(balance(currency)).max(BigDecimal.ZERO);
        balances.put(currency, balance(currency).subtract(covered));
        return covered;
    }

    public InsuranceFund copy() {
        InsuranceFund f = new InsuranceFund();
        f.balances.putAll(balances);
        return f;
    }
}
