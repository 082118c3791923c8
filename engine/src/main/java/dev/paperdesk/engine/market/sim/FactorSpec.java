package dev.paperdesk.engine.market.sim;

import java.util.Objects;

/**
 * A common driver of returns (the crypto market, the equity market, a sector, the dollar): one
 * standard normal shock per step shared by every underlying that loads on it, plus its own rare
 * jumps (market-wide crashes), which each underlying takes in proportion to its loading.
 */
public record FactorSpec(String name, double jumpsPerYear, double jumpMean, double jumpStd) {
    public FactorSpec {
        Objects.requireNonNull(name, "name");
        if (!(jumpsPerYear >= 0) || !(jumpStd >= 0) || !Double.isFinite(jumpMean)) {
            throw new IllegalArgumentException(name + ": invalid jump parameters");
        }
    }

    public static FactorSpec diffusive(String name) {
        return new FactorSpec(name, 0, 0, 0);
    }
}
