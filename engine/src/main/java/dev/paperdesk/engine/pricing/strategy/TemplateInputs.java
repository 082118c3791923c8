package dev.paperdesk.engine.pricing.strategy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a template builds from: the underlying's spot and price for a stock leg, the listed strikes of
 * the near expiry (and of a far expiry for calendars and diagonals), the distance between legs in
 * strike steps, the number of contracts and the contract multiplier.
 */
public record TemplateInputs(
        double spot,
        LocalDate nearExpiry,
        List<Double> nearStrikes,
        LocalDate farExpiry,
        List<Double> farStrikes,
        int width,
        int contracts,
        double multiplier) {
    public TemplateInputs {
        Objects.requireNonNull(nearExpiry, "nearExpiry");
        nearStrikes = nearStrikes.stream().sorted().toList();
        farStrikes =
                farStrikes == null ? List.of() : farStrikes.stream().sorted().toList();
        if (!(spot > 0.0) || Double.isInfinite(spot)) {
            throw new IllegalArgumentException("spot must be positive, got " + spot);
        }
        if (nearStrikes.isEmpty()) {
            throw new IllegalArgumentException("no strikes listed for " + nearExpiry);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least one strike step, got " + width);
        }
        if (contracts < 1) {
            throw new IllegalArgumentException("contracts must be at least 1, got " + contracts);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier) || multiplier != Math.rint(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a whole number ≥ 1, got " + multiplier);
        }
    }

    /** One expiry only; calendars and diagonals then use the same expiry and fail. */
    public static TemplateInputs single(
            double spot, LocalDate expiry, List<Double> strikes, int width, int contracts, double multiplier) {
        return new TemplateInputs(spot, expiry, strikes, null, List.of(), width, contracts, multiplier);
    }
}
