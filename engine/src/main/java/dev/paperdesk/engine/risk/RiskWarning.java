package dev.paperdesk.engine.risk;

import dev.paperdesk.engine.portfolio.LimitMode;
import java.util.Objects;

/**
 * A breached advisory limit: its name, what the order would do and the limit, e.g. {@code max
 * position size: 1,500,000.00 USD is 30.00% of equity (limit 25%)}.
 */
public record RiskWarning(String limit, String message, LimitMode mode) {
    public RiskWarning {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public String toString() {
        return limit + ": " + message;
    }
}
