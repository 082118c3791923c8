package dev.paperdesk.engine.market.sim;

import java.util.Objects;

/**
 * How strongly an underlying's return shock follows a factor; the loadings of one underlying are
 * correlation weights, so their squares must sum to at most 1 (the rest is idiosyncratic).
 */
public record FactorLoading(String factor, double weight) {
    public FactorLoading {
        Objects.requireNonNull(factor, "factor");
        if (!(weight >= -1 && weight <= 1)) {
            throw new IllegalArgumentException(factor + ": loading must be in [-1, 1]: " + weight);
        }
    }
}
