package dev.paperdesk.engine.portfolio;

import java.math.BigDecimal;
import java.util.Objects;

/** One advisory limit: its threshold and whether a breach warns or blocks. */
public record RiskLimit(BigDecimal threshold, LimitMode mode) {
    public RiskLimit {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(mode, "mode");
    }

    public static RiskLimit warn(String threshold) {
        return new RiskLimit(new BigDecimal(threshold), LimitMode.WARN);
    }

    public RiskLimit withMode(LimitMode next) {
        return new RiskLimit(threshold, next);
    }

    /** Throws unless the threshold lies in {@code [min, max]}; {@code name} names the limit in the message. */
    void checkRange(String name, String min, String max) {
        if (threshold.compareTo(new BigDecimal(min)) < 0 || threshold.compareTo(new BigDecimal(max)) > 0) {
            throw new IllegalArgumentException(
                    name + " must lie between " + min + " and " + max + ", not " + threshold.toPlainString());
        }
    }
}
