package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.portfolio.margin.MarginSchedule;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A portfolio's settings: cost-basis method, default leverage per asset class, margin mode for new
 * perpetual positions, risk limits and short borrow rates.
 *
 * @param leverage default leverage per asset class, at most the class's maximum in {@link MarginSchedule}
 * @param perpetualMarginMode margin mode given to a new perpetual position
 * @param borrowRates annual borrow rate per symbol for shorts (fraction, 0.03 = 3% a year)
 * @param defaultBorrowRate annual borrow rate for symbols without their own
 */
public record PortfolioSettings(
        CostBasisMethod costBasisMethod,
        Map<AssetClass, Integer> leverage,
        MarginMode perpetualMarginMode,
        RiskLimits limits,
        Map<String, BigDecimal> borrowRates,
        BigDecimal defaultBorrowRate) {
    /** Borrow rate for shorts without a symbol rate: 3% a year. */
    public static final BigDecimal DEFAULT_BORROW_RATE = new BigDecimal("0.03");

    public PortfolioSettings {
        Objects.requireNonNull(costBasisMethod, "costBasisMethod");
        Objects.requireNonNull(perpetualMarginMode, "perpetualMarginMode");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(defaultBorrowRate, "defaultBorrowRate");
        Map<AssetClass, Integer> lev = new EnumMap<>(AssetClass.class);
        for (AssetClass ac : AssetClass.values()) {
            int max = MarginSchedule.DEFAULT.maxLeverage(ac);
            int value = leverage == null ? max : leverage.getOrDefault(ac, max);
            if (value < 1 || value > max) {
                throw new IllegalArgumentException(
                        "leverage for " + ac + " must lie between 1 and " + max + ", not " + value);
            }
            lev.put(ac, value);
        }
        leverage = java.util.Collections.unmodifiableMap(lev);
        Map<String, BigDecimal> rates = new TreeMap<>();
        if (borrowRates != null) {
            for (var e : borrowRates.entrySet()) {
                checkRate(e.getKey(), e.getValue());
                rates.put(e.getKey(), e.getValue());
            }
        }
        borrowRates = java.util.Collections.unmodifiableMap(rates);
        checkRate("default", defaultBorrowRate);
    }

    private static void checkRate(String symbol, BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("borrow rate of " + symbol + " must lie between 0 and 1 (100% a year)");
        }
    }

    /** FIFO, the maximum leverage of every class, cross perpetuals, default limits and a 3% borrow rate. */
    public static PortfolioSettings defaults(CostBasisMethod method) {
        return new PortfolioSettings(method, null, MarginMode.CROSS, RiskLimits.DEFAULTS, null, DEFAULT_BORROW_RATE);
    }

    public static final PortfolioSettings DEFAULTS = defaults(CostBasisMethod.FIFO);

    public int leverage(AssetClass assetClass) {
        return leverage.get(assetClass);
    }

    /** The annual borrow rate of a symbol's shorts. */
    public BigDecimal borrowRate(String symbol) {
        return borrowRates.getOrDefault(symbol, defaultBorrowRate);
    }

    public PortfolioSettings withCostBasisMethod(CostBasisMethod method) {
        return new PortfolioSettings(method, leverage, perpetualMarginMode, limits, borrowRates, defaultBorrowRate);
    }

    public PortfolioSettings withLimits(RiskLimits next) {
        return new PortfolioSettings(
                costBasisMethod, leverage, perpetualMarginMode, next, borrowRates, defaultBorrowRate);
    }

    public PortfolioSettings withLeverage(AssetClass assetClass, int value) {
        Map<AssetClass, Integer> next = new EnumMap<>(leverage);
        next.put(assetClass, value);
        return new PortfolioSettings(
                costBasisMethod, next, perpetualMarginMode, limits, borrowRates, defaultBorrowRate);
    }

    public PortfolioSettings withPerpetualMarginMode(MarginMode mode) {
        return new PortfolioSettings(costBasisMethod, leverage, mode, limits, borrowRates, defaultBorrowRate);
    }

    public PortfolioSettings withBorrowRate(String symbol, BigDecimal rate) {
        Map<String, BigDecimal> next = new TreeMap<>(borrowRates);
        next.put(symbol, rate);
        return new PortfolioSettings(costBasisMethod, leverage, perpetualMarginMode, limits, next, defaultBorrowRate);
    }
}
