package dev.paperdesk.engine.pricing.strategy;

import dev.paperdesk.engine.pricing.strategy.StrategyLeg.OptionLeg;
import dev.paperdesk.engine.pricing.strategy.StrategyLeg.UnderlyingLeg;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A position of up to {@value #MAX_LEGS} legs on one underlying — options and at most one underlying
 * leg — with the contract multiplier of its options (100 for listed equity options, 1 for crypto).
 */
public record OptionStrategy(String name, List<StrategyLeg> legs, double multiplier) {
    /** The most legs a strategy may have. */
    public static final int MAX_LEGS = 6;

    public OptionStrategy {
        Objects.requireNonNull(name, "name");
        legs = List.copyOf(legs);
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("a strategy needs at least one leg");
        }
        if (legs.size() > MAX_LEGS) {
            throw new IllegalArgumentException("a strategy has at most " + MAX_LEGS + " legs, got " + legs.size());
        }
        if (legs.stream().filter(l -> l instanceof UnderlyingLeg).count() > 1) {
            throw new IllegalArgumentException("a strategy has at most one underlying leg");
        }
        if (!(multiplier > 0.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be positive, got " + multiplier);
        }
    }

    /** The option legs, in order. */
    public List<OptionLeg> optionLegs() {
        return legs.stream()
                .filter(l -> l instanceof OptionLeg)
                .map(l -> (OptionLeg) l)
                .toList();
    }

    /** The earliest option expiry: the horizon of the "at expiry" payoff; null for a stock-only position. */
    public LocalDate firstExpiry() {
        return optionLegs().stream()
                .map(OptionLeg::expiry)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** True when every option leg expires on the same date (the expiry payoff is then piecewise linear). */
    public boolean singleExpiry() {
        return optionLegs().stream().map(OptionLeg::expiry).distinct().count() <= 1;
    }

    /**
     * What opening the position costs: positive for a net debit (paid), negative for a net credit
     * (received), in the quote currency.
     */
    public double netPremium() {
        double total = 0.0;
        for (StrategyLeg leg : legs) {
            total += switch (leg) {
                case OptionLeg o -> o.quantity() * o.premium() * multiplier;
                case UnderlyingLeg u -> u.quantity() * u.price();
            };
        }
        return total;
    }

    /** The strategy with every leg's quantity multiplied by {@code factor} (scale it up or flip it with −1). */
    public OptionStrategy scaled(int factor) {
        if (factor == 0) {
            throw new IllegalArgumentException("factor must not be zero");
        }
        return new OptionStrategy(
                name,
                legs.stream().map(l -> l.withQuantity(l.quantity() * factor)).toList(),
                multiplier);
    }
}
