package dev.paperdesk.engine.strategy.api;

import dev.paperdesk.engine.indicator.spec.IndicatorSpec;
import dev.paperdesk.engine.indicator.spec.IndicatorSpecParser;
import dev.paperdesk.engine.indicator.spec.SpecParseResult;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import java.util.Objects;

/**
 * An indicator a strategy wants kept up to date: which spec, on which instrument's bars of which
 * timeframe, fed from which source, and how many past values to keep ({@code history} ≥ 1; 2 is
 * enough to detect crosses).
 */
public record IndicatorRequest(
        InstrumentId instrumentId, Timeframe timeframe, IndicatorSpec spec, PriceSource source, int history) {
    /** Past values kept when not asked otherwise: the current and the previous bar. */
    public static final int DEFAULT_HISTORY = 2;

    public IndicatorRequest {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(source, "source");
        if (!source.appliesTo(spec.kind())) {
            throw new IllegalArgumentException(
                    spec.token() + " reads several bar fields and cannot be fed " + source.label() + " alone");
        }
        if (history < 1 || history > 100_000) {
            throw new IllegalArgumentException("history must be between 1 and 100000, was " + history);
        }
    }

    /** A request for {@code specToken} (e.g. {@code "sma:20"}) over whole bars; a bad token throws. */
    public static IndicatorRequest of(InstrumentId instrument, Timeframe timeframe, String specToken) {
        return new IndicatorRequest(instrument, timeframe, parse(specToken), PriceSource.BAR, DEFAULT_HISTORY);
    }

    /** The same request keeping {@code history} values. */
    public IndicatorRequest withHistory(int history) {
        return new IndicatorRequest(instrumentId, timeframe, spec, source, history);
    }

    /** The same request fed from {@code source}. */
    public IndicatorRequest withSource(PriceSource source) {
        return new IndicatorRequest(instrumentId, timeframe, spec, source, history);
    }

    /** Parses one spec token; throws {@link IllegalArgumentException} with the parser's message. */
    public static IndicatorSpec parse(String specToken) {
        return switch (IndicatorSpecParser.parse(specToken)) {
            case SpecParseResult.Parsed p -> p.specs().get(0);
            case SpecParseResult.Invalid i -> throw new IllegalArgumentException(i.message());
        };
    }
}
