package dev.paperdesk.engine.pricing.surface;

import java.util.Objects;

/** An SVI smile for one expiry, {@code expiry} in years. */
public record SviSlice(double expiry, SviParameters parameters) {
    public SviSlice {
        Objects.requireNonNull(parameters, "parameters");
        if (!(expiry > 0.0) || Double.isInfinite(expiry)) {
            throw new IllegalArgumentException("slice expiry must be a positive number of years, got " + expiry);
        }
    }
}
