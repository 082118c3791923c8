package dev.paperdesk.engine.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** An OHLCV candle; {@code openTime} is the start of the bar's interval (UTC). */
public record Bar(
        InstrumentId instrumentId,
        Timeframe timeframe,
        Instant openTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume) {
    public Bar {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        if (high.compareTo(low) < 0
                || high.compareTo(open) < 0
                || high.compareTo(close) < 0
                || low.compareTo(open) > 0
                || low.compareTo(close) > 0) {
            throw new IllegalArgumentException(instrumentId + " " + openTime + ": inconsistent OHLC " + open + "/"
                    + high + "/" + low + "/" + close);
        }
        if (volume.signum() < 0) {
            throw new IllegalArgumentException(instrumentId + " " + openTime + ": negative volume");
        }
    }
}
