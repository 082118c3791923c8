package dev.paperdesk.engine.market.history;

import dev.paperdesk.engine.model.Timeframe;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The file layouts Paperdesk reads out of the box, each a preset {@link CsvBarMapping}. */
public enum BarFormat {
    /** Yahoo Finance downloads: {@code Date,Open,High,Low,Close,Adj Close,Volume}, daily, dates in UTC. */
    YAHOO,
    /**
     * Binance kline files (data.vision): 12 columns, open time first, in milliseconds or (spot
     * files since 2025) microseconds; with or without a header row.
     */
    BINANCE,
    /**
     * NinjaTrader exports: {@code yyyyMMdd HHmmss;open;high;low;close;volume} without a header,
     * stamped at the bar's end (daily exports {@code yyyyMMdd} name the day).
     */
    NINJATRADER,
    /** Anything else: columns found by header name unless mapped explicitly. */
    GENERIC;

    public CsvBarMapping mapping() {
        return switch (this) {
            case YAHOO -> CsvBarMapping.generic()
                    .withColumns(byName("Date", "Open", "High", "Low", "Close", "Volume"))
                    .withFallbackTimeframe(Timeframe.D1);
            case BINANCE -> new CsvBarMapping(
                    ',',
                    HeaderMode.DETECT,
                    byPosition(),
                    new TimestampFormat.Epoch(TimestampFormat.EpochUnit.AUTO),
                    ZoneOffset.UTC,
                    StampPosition.OPEN,
                    false,
                    null);
            case NINJATRADER -> new CsvBarMapping(
                    ';',
                    HeaderMode.ABSENT,
                    byPosition(),
                    new TimestampFormat.Pattern("yyyyMMdd[ HHmmss]"),
                    ZoneOffset.UTC,
                    StampPosition.CLOSE,
                    false,
                    null);
            case GENERIC -> CsvBarMapping.generic();
        };
    }

    /** The lower-case name used on the command line. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static Map<BarField, ColumnRef> byName(
            String timestamp, String open, String high, String low, String close, String volume) {
        Map<BarField, ColumnRef> m = new EnumMap<>(BarField.class);
        m.put(BarField.TIMESTAMP, new ColumnRef.ByName(timestamp));
        m.put(BarField.OPEN, new ColumnRef.ByName(open));
        m.put(BarField.HIGH, new ColumnRef.ByName(high));
        m.put(BarField.LOW, new ColumnRef.ByName(low));
        m.put(BarField.CLOSE, new ColumnRef.ByName(close));
        m.put(BarField.VOLUME, new ColumnRef.ByName(volume));
        return m;
    }

    private static Map<BarField, ColumnRef> byPosition() {
        Map<BarField, ColumnRef> m = new EnumMap<>(BarField.class);
        BarField[] order = {
            BarField.TIMESTAMP, BarField.OPEN, BarField.HIGH, BarField.LOW, BarField.CLOSE, BarField.VOLUME
        };
        for (int i = 0; i < order.length; i++) {
            m.put(order[i], new ColumnRef.ByPosition(i + 1));
        }
        return m;
    }
}
