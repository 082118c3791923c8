package dev.paperdesk.engine.strategy.api;

import dev.paperdesk.engine.indicator.spec.IndicatorKind;
import dev.paperdesk.engine.model.Bar;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an indicator is fed: the whole bar, or one of its fields as if it were the close (so
 * {@code sma:20} over {@link #VOLUME} is the average volume).
 */
public enum PriceSource {
    /** The bar as it is: indicators read the fields they need (the default). */
    BAR,
    OPEN,
    HIGH,
    LOW,
    CLOSE,
    VOLUME,
    /** (high + low) / 2. */
    MEDIAN,
    /** (high + low + close) / 3. */
    TYPICAL;

    /** Indicators computed from a single series, which can therefore be fed another field. */
    private static final Set<IndicatorKind> SINGLE_INPUT = EnumSet.of(
            IndicatorKind.SMA,
            IndicatorKind.EMA,
            IndicatorKind.WMA,
            IndicatorKind.DEMA,
            IndicatorKind.TEMA,
            IndicatorKind.RSI,
            IndicatorKind.MACD,
            IndicatorKind.BBANDS,
            IndicatorKind.STOCHRSI,
            IndicatorKind.ROC,
            IndicatorKind.MOM);

    /** Whether {@code kind} can be fed this source. */
    public boolean appliesTo(IndicatorKind kind) {
        return this == BAR || SINGLE_INPUT.contains(kind);
    }

    /** The value of this source on a bar (not defined for {@link #BAR}). */
    public double of(Bar bar) {
        return switch (this) {
            case BAR, CLOSE -> bar.close().doubleValue();
            case OPEN -> bar.open().doubleValue();
            case HIGH -> bar.high().doubleValue();
            case LOW -> bar.low().doubleValue();
            case VOLUME -> bar.volume().doubleValue();
            case MEDIAN -> (bar.high().doubleValue() + bar.low().doubleValue()) / 2.0;
            case TYPICAL -> (bar.high().doubleValue()
                            + bar.low().doubleValue()
                            + bar.close().doubleValue())
                    / 3.0;
        };
    }

    /** The lower-case name used in strategy files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source named {@code text}, or null. */
    public static PriceSource byLabel(String text) {
        for (PriceSource s : values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        return null;
    }
}
