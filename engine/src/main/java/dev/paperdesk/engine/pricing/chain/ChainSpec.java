package dev.paperdesk.engine.pricing.chain;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.pricing.surface.SsviParameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a chain is generated from: the underlying, its spot on the valuation date, exercise style,
 * contract multiplier, quote currency, continuously compounded rate and dividend yield, and the shape of
 * the volatility surface.
 *
 * <p>Use {@link #equity} for stocks and ETFs (American, 100 shares per contract, monthly expiries on the
 * third Friday) and {@link #crypto} for crypto (European, one coin per contract, monthly expiries on the
 * last Friday).
 */
public record ChainSpec(
        InstrumentId underlying,
        double spot,
        LocalDate valuationDate,
        OptionStyle style,
        BigDecimal multiplier,
        Currency quoteCurrency,
        double rate,
        double dividendYield,
        SsviParameters surfaceShape) {

    public ChainSpec {
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(valuationDate, "valuationDate");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(quoteCurrency, "quoteCurrency");
        Objects.requireNonNull(surfaceShape, "surfaceShape");
        if (!(spot > 0.0) || Double.isInfinite(spot)) {
            throw new IllegalArgumentException("spot must be positive, got " + spot);
        }
        if (multiplier == null || multiplier.signum() <= 0) {
            throw new IllegalArgumentException("multiplier must be positive");
        }
        if (!Double.isFinite(rate) || !Double.isFinite(dividendYield)) {
            throw new IllegalArgumentException("rate and dividend yield must be finite");
        }
    }

    /** An American chain on a stock or ETF: 100 shares per contract, quoted in USD. */
    public static ChainSpec equity(
            InstrumentId underlying,
            double spot,
            LocalDate valuationDate,
            double rate,
            double dividendYield,
            double atmVol) {
        return new ChainSpec(
                underlying,
                spot,
                valuationDate,
                OptionStyle.AMERICAN,
                BigDecimal.valueOf(100),
                Currency.USD,
                rate,
                dividendYield,
                SsviParameters.equity(atmVol));
    }

    /** A European chain on a crypto asset: one coin per contract, quoted in {@code quoteCurrency}. */
    public static ChainSpec crypto(
            InstrumentId underlying,
            double spot,
            LocalDate valuationDate,
            Currency quoteCurrency,
            double rate,
            double atmVol) {
        return new ChainSpec(
                underlying,
                spot,
                valuationDate,
                OptionStyle.EUROPEAN,
                BigDecimal.ONE,
                quoteCurrency,
                rate,
                0.0,
                SsviParameters.crypto(atmVol));
    }

    /** True for the equity conventions (multiplier above one). */
    boolean isEquityLike() {
        return multiplier.compareTo(BigDecimal.ONE) > 0;
    }
}
