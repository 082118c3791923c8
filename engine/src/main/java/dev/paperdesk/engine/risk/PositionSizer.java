package dev.paperdesk.engine.risk;

import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.model.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Risk-based position sizing: how many units to trade so that a move from entry to stop loses a
 * chosen percentage of equity. The quantity is rounded down to the instrument's lot, so the risk
 * taken never exceeds the budget.
 */
public final class PositionSizer {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PositionSizer() {}

    /**
     * A sizing result, amounts in the base currency.
     *
     * @param riskBudget equity × risk%
     * @param riskAmount what the rounded quantity loses at the stop (≤ budget)
     * @param notional quantity × entry × multiplier
     */
    public record Sizing(BigDecimal quantity, BigDecimal riskBudget, BigDecimal riskAmount, BigDecimal notional) {}

    /**
     * Sizes a position.
     *
     * @param equity the portfolio's equity (base currency)
     * @param riskPercent percent of equity to risk, e.g. 2 for 2%
     * @param rate units of the base currency per unit of the instrument's quote currency
     * @throws IllegalArgumentException when the inputs cannot size a trade (no stop distance, non-positive equity)
     */
    public static Sizing size(
            BigDecimal equity,
            BigDecimal riskPercent,
            BigDecimal entry,
            BigDecimal stop,
            Instrument instrument,
            BigDecimal rate) {
        Objects.requireNonNull(instrument, "instrument");
        if (equity.signum() <= 0) {
            throw new IllegalArgumentException("equity must be positive to size a trade");
        }
        if (riskPercent.signum() <= 0 || riskPercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("risk % must lie in (0, 100], not " + riskPercent.toPlainString());
        }
        if (entry.signum() <= 0 || stop.signum() <= 0 || rate.signum() <= 0) {
            throw new IllegalArgumentException("entry, stop and exchange rate must be positive");
        }
        BigDecimal distance = entry.subtract(stop).abs();
        if (distance.signum() == 0) {
            throw new IllegalArgumentException("the stop must differ from the entry");
        }
        BigDecimal budget = equity.multiply(riskPercent).divide(HUNDRED, Decimals.DIVISION);
        BigDecimal perUnit = distance.multiply(instrument.multiplier()).multiply(rate);
        BigDecimal lots = budget.divide(perUnit.multiply(instrument.lotSize()), 0, RoundingMode.FLOOR);
        BigDecimal quantity = lots.multiply(instrument.lotSize());
        return new Sizing(
                quantity,
                budget,
                quantity.multiply(perUnit),
                quantity.multiply(entry).multiply(instrument.multiplier()).multiply(rate));
    }
}
