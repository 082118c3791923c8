package dev.paperdesk.engine.pricing.strategy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a strategy looks like at its first expiry and today.
 *
 * @param netPremium what opening costs: positive debit paid, negative credit received
 * @param horizon the date of the "at expiry" figures: the first option expiry
 * @param breakevens the underlying prices at the horizon where profit crosses zero, ascending
 * @param maxProfit the most the position can make at the horizon
 * @param maxLoss the most it can lose at the horizon, as a positive amount (negative when it cannot lose)
 * @param probabilityOfProfit the chance of a profit at the horizon, the underlying lognormal under the
 *     risk-neutral drift with {@code volatility}
 * @param volatility the annualised volatility the probability was computed with
 * @param greeks the position's sensitivities today
 * @param profitNow the mark-to-model profit today at the current spot (spread and model error)
 */
public record StrategyAnalysis(
        double netPremium,
        LocalDate horizon,
        List<Double> breakevens,
        Bound maxProfit,
        Bound maxLoss,
        double probabilityOfProfit,
        double volatility,
        StrategyGreeks greeks,
        double profitNow) {
    public StrategyAnalysis {
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(maxProfit, "maxProfit");
        Objects.requireNonNull(maxLoss, "maxLoss");
        Objects.requireNonNull(greeks, "greeks");
        breakevens = List.copyOf(breakevens);
        if (!(probabilityOfProfit >= 0.0 && probabilityOfProfit <= 1.0)) {
            throw new IllegalArgumentException("probability of profit must be in [0, 1], got " + probabilityOfProfit);
        }
    }

    /** True when opening receives money. */
    public boolean isCredit() {
        return netPremium < 0.0;
    }
}
