package dev.paperdesk.engine.session;

import java.math.BigDecimal;

/**
 * Takes a portfolio's equity either as unscaled digits at a decimal scale (the exact value {@code
 * unscaled × 10^-scale}, when the engine holds it so) or as a {@link BigDecimal}: a reader that keeps
 * scaled longs (such as a backtest's equity curve) then makes no object per price.
 */
public interface EquityReader {
    /** The equity {@code unscaled × 10^-scale}, exactly; as a BigDecimal it has this very scale. */
    void scaled(long unscaled, int scale);

    /** The equity as a decimal. */
    void decimal(BigDecimal equity);
}
