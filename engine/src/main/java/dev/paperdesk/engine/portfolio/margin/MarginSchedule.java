package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Decimals;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Initial and maintenance margin rates per asset class, and the leverage tiers of perpetuals by
 * position notional. Initial margin is {@code 1 / leverage}; maintenance is fixed per class (per
 * tier for perpetuals: half the tier's initial rate at its maximum leverage).
 */
public final class MarginSchedule {
    /** The terms of one asset class. */
    public record ClassTerms(int maxLeverage, BigDecimal maintenanceRate) {
        public ClassTerms {
            if (maxLeverage < 1) {
                throw new IllegalArgumentException("max leverage must be at least 1");
            }
            Objects.requireNonNull(maintenanceRate, "maintenanceRate");
        }
    }

    /**
     * A perpetual leverage tier: positions with entry notional below {@code notionalBelow} (no bound
     * when {@code null}) may use up to {@code maxLeverage} and keep {@code maintenanceRate}.
     */
    public record Tier(BigDecimal notionalBelow, int maxLeverage, BigDecimal maintenanceRate) {}

    /** The rates that apply to one position. */
    public record Rates(int leverage, BigDecimal initialRate, BigDecimal maintenanceRate) {}

    /**
     * Crypto perpetuals 100× (1% / 0.5%) in tiers down to 5×; crypto spot 10× (10% / 5%); stocks and
     * ETFs 4× (25% / 25%); forex 50× (2% / 1%); options 1× (long premium paid in full, short
     * options per {@link #shortOptionRequirement}).
     */
    public static final MarginSchedule DEFAULT = new MarginSchedule(
            Map.of(
                    AssetClass.PERPETUAL, new ClassTerms(100, new BigDecimal("0.005")),
                    AssetClass.CRYPTO_SPOT, new ClassTerms(10, new BigDecimal("0.05")),
                    AssetClass.EQUITY, new ClassTerms(4, new BigDecimal("0.25")),
                    AssetClass.ETF, new ClassTerms(4, new BigDecimal("0.25")),
                    AssetClass.FX, new ClassTerms(50, new BigDecimal("0.01")),
                    AssetClass.OPTION, new ClassTerms(1, BigDecimal.ZERO)),
            List.of(
                    new Tier(new BigDecimal("50000"), 100, new BigDecimal("0.005")),
                    new Tier(new BigDecimal("250000"), 50, new BigDecimal("0.01")),
                    new Tier(new BigDecimal("1000000"), 20, new BigDecimal("0.025")),
                    new Tier(new BigDecimal("5000000"), 10, new BigDecimal("0.05")),
                    new Tier(null, 5, new BigDecimal("0.10"))));

    /** Short options: 20% of the underlying less the out-of-the-money amount, at least 10%. */
    private static final BigDecimal SHORT_OPTION_RATE = new BigDecimal("0.20");

    private static final BigDecimal SHORT_OPTION_FLOOR = new BigDecimal("0.10");

    /** {@code 1 / leverage} for every leverage up to 100×, computed once: it is on every revaluation's path. */
    private static final BigDecimal[] INITIAL_RATES = new BigDecimal[101];

    static {
        for (int l = 1; l < INITIAL_RATES.length; l++) {
            INITIAL_RATES[l] = BigDecimal.ONE.divide(BigDecimal.valueOf(l), Decimals.DIVISION);
        }
    }

    private final Map<AssetClass, ClassTerms> terms;
    private final List<Tier> tiers;

    public MarginSchedule(Map<AssetClass, ClassTerms> terms, List<Tier> perpetualTiers) {
        this.terms = new EnumMap<>(AssetClass.class);
        this.terms.putAll(terms);
        for (AssetClass ac : AssetClass.values()) {
            if (!this.terms.containsKey(ac)) {
                throw new IllegalArgumentException("margin schedule lacks terms for " + ac);
            }
        }
        this.tiers = List.copyOf(perpetualTiers);
        if (tiers.isEmpty() || tiers.get(tiers.size() - 1).notionalBelow() != null) {
            throw new IllegalArgumentException("the last perpetual tier must be unbounded");
        }
    }

    public int maxLeverage(AssetClass assetClass) {
        return terms.get(assetClass).maxLeverage();
    }

    public List<Tier> perpetualTiers() {
        return tiers;
    }

    /** The perpetual tier of a position with this entry notional (absolute, quote currency). */
    public Tier perpetualTier(BigDecimal notional) {
        BigDecimal n = notional.abs();
        for (Tier t : tiers) {
            if (t.notionalBelow() == null || n.compareTo(t.notionalBelow()) < 0) {
                return t;
            }
        }
        throw new IllegalStateException("unreachable: the last tier is unbounded");
    }

    /**
     * The rates of a position of {@code entryNotional} for which the trader chose {@code leverage}:
     * the leverage is capped by the class (and for perpetuals by the notional's tier).
     */
    public Rates rates(AssetClass assetClass, int leverage, BigDecimal entryNotional) {
        int cap;
        BigDecimal maintenance;
        if (assetClass == AssetClass.PERPETUAL) {
            Tier tier = perpetualTier(entryNotional);
            cap = tier.maxLeverage();
            maintenance = tier.maintenanceRate();
        } else {
            ClassTerms t = terms.get(assetClass);
            cap = t.maxLeverage();
            maintenance = t.maintenanceRate();
        }
        int effective = Math.max(1, Math.min(leverage, cap));
        return new Rates(effective, initialRate(effective), maintenance);
    }

    /** {@code 1 / leverage} at {@link Decimals#DIVISION}: from the table up to 100×, divided above. */
    static BigDecimal initialRate(int leverage) {
        return leverage < INITIAL_RATES.length
                ? INITIAL_RATES[leverage]
                : BigDecimal.ONE.divide(BigDecimal.valueOf(leverage), Decimals.DIVISION);
    }

    /**
     * Margin of a short option per unit of underlying exposure, Reg-T style: the option's value plus
     * {@code max(20% × S − OTM, 10% × S)} for calls and {@code max(20% × S − OTM, 10% × K)} for puts,
     * where OTM is how far the strike is out of the money. Multiply by quantity × multiplier.
     */
    public static BigDecimal shortOptionRequirement(
            boolean call, BigDecimal underlying, BigDecimal strike, BigDecimal optionPrice) {
        BigDecimal otm = call
                ? strike.subtract(underlying).max(BigDecimal.ZERO)
                : underlying.subtract(strike).max(BigDecimal.ZERO);
        BigDecimal main = SHORT_OPTION_RATE.multiply(underlying).subtract(otm);
        BigDecimal floor = SHORT_OPTION_FLOOR.multiply(call ? underlying : strike);
        return optionPrice.add(main.max(floor));
    }
}
