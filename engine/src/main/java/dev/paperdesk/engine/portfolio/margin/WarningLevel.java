package dev.paperdesk.engine.portfolio.margin;

import java.math.BigDecimal;

/**
 * How close a margin pool is to liquidation, by its maintenance ratio (maintenance margin ÷ pool
 * equity): warnings at 80%, 90% and 95% of the maintenance threshold, liquidation at 100%.
 */
public enum WarningLevel {
    NONE(BigDecimal.ZERO),
    WARNING_80(new BigDecimal("0.80")),
    WARNING_90(new BigDecimal("0.90")),
    WARNING_95(new BigDecimal("0.95")),
    LIQUIDATION(BigDecimal.ONE);

    private final BigDecimal threshold;

    WarningLevel(BigDecimal threshold) {
        this.threshold = threshold;
    }

    /** The maintenance ratio at which this level starts. */
    public BigDecimal threshold() {
        return threshold;
    }

    /** The level of a maintenance ratio. */
    public static WarningLevel of(BigDecimal ratio) {
        WarningLevel[] all = values();
        for (int i = all.length - 1; i > 0; i--) {
            if (ratio.compareTo(all[i].threshold) >= 0) {
                return all[i];
            }
        }
        return NONE;
    }

    /** The level of a ratio computed in floating point (for screening only). */
    public static WarningLevel of(double ratio) {
        WarningLevel[] all = values();
        for (int i = all.length - 1; i > 0; i--) {
            if (ratio >= all[i].threshold.doubleValue()) {
                return all[i];
            }
        }
        return NONE;
    }
}
