package dev.paperdesk.engine.pricing.strategy;

import dev.paperdesk.engine.model.Instrument.OptionStyle;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The market a strategy is analysed in: the underlying's spot on the valuation date, the continuously
 * compounded rate and dividend yield, and the exercise style that picks the pricer for values before
 * expiry (Black–Scholes–Merton for European, Bjerksund–Stensland for American).
 */
public record StrategyMarket(
        double spot, LocalDate valuationDate, double rate, double dividendYield, OptionStyle style) {
    public StrategyMarket {
        Objects.requireNonNull(valuationDate, "valuationDate");
        Objects.requireNonNull(style, "style");
        if (!(spot > 0.0) || Double.isInfinite(spot)) {
            throw new IllegalArgumentException("spot must be positive, got " + spot);
        }
        if (!Double.isFinite(rate) || !Double.isFinite(dividendYield)) {
            throw new IllegalArgumentException("rate and dividend yield must be finite");
        }
    }

    /** The same market with the underlying at {@code newSpot}. */
    public StrategyMarket withSpot(double newSpot) {
        return new StrategyMarket(newSpot, valuationDate, rate, dividendYield, style);
    }
}
