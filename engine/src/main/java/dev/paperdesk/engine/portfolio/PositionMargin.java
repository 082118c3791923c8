package dev.paperdesk.engine.portfolio;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The margin terms of one position: its mode, the leverage chosen for it and, for isolated
 * positions, the margin allocated to it (in the position's quote currency).
 *
 * <p>The isolated margin is an allocation of the account's cash, not a separate balance: it says how
 * much of the account this position may lose before it is liquidated.
 */
public record PositionMargin(MarginMode mode, int leverage, BigDecimal isolatedMargin) {
    public PositionMargin {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(isolatedMargin, "isolatedMargin");
        if (leverage < 1) {
            throw new IllegalArgumentException("leverage must be at least 1, not " + leverage);
        }
        if (mode == MarginMode.CROSS && isolatedMargin.signum() != 0) {
            throw new IllegalArgumentException("a cross position carries no isolated margin");
        }
    }

    public static PositionMargin cross(int leverage) {
        return new PositionMargin(MarginMode.CROSS, leverage, BigDecimal.ZERO);
    }

    public PositionMargin withIsolatedMargin(BigDecimal margin) {
        return new PositionMargin(mode, leverage, margin);
    }
}
