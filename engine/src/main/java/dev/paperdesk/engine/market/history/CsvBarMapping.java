package dev.paperdesk.engine.market.history;

import dev.paperdesk.engine.model.Timeframe;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to read bars from a delimited text file: separator, header, where each field sits, how
 * stamps are written and in which zone, and which end of the bar they name. The presets of
 * {@link BarFormat} are instances of this record; command-line options override their parts.
 *
 * <p>Fields not named in {@code columns} are found by their usual header names (see
 * {@link BarField#aliases()}); without a header and without any column named, the columns are
 * timestamp, open, high, low, close, volume in that order.
 *
 * @param zeroMissingVolume read an absent volume column or an empty volume cell as 0 instead of a problem
 * @param fallbackTimeframe the timeframe used when none is given and the stamps do not reveal it, or null
 */
public record CsvBarMapping(
        char delimiter,
        HeaderMode header,
        Map<BarField, ColumnRef> columns,
        TimestampFormat timestampFormat,
        ZoneId zone,
        StampPosition stamp,
        boolean zeroMissingVolume,
        Timeframe fallbackTimeframe) {

    public CsvBarMapping {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(timestampFormat, "timestampFormat");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(stamp, "stamp");
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
        }
        EnumMap<BarField, ColumnRef> copy = new EnumMap<>(BarField.class);
        copy.putAll(Objects.requireNonNull(columns, "columns"));
        if (copy.containsKey(BarField.TIMESTAMP)
                && (copy.containsKey(BarField.DATE) || copy.containsKey(BarField.TIME))) {
            throw new IllegalArgumentException("map either a timestamp column or date and time columns, not both");
        }
        if (copy.containsKey(BarField.TIME) && !copy.containsKey(BarField.DATE)) {
            throw new IllegalArgumentException("a time column needs a date column");
        }
        if (header == HeaderMode.ABSENT && copy.values().stream().anyMatch(ColumnRef.ByName.class::isInstance)) {
            throw new IllegalArgumentException("columns can only be named when the file has a header; use positions");
        }
        columns = Collections.unmodifiableMap(copy);
    }

    /** A comma-separated file with a header whose column names are recognised automatically. */
    public static CsvBarMapping generic() {
        return new CsvBarMapping(
                ',',
                HeaderMode.PRESENT,
                Map.of(),
                new TimestampFormat.Iso(),
                ZoneOffset.UTC,
                StampPosition.OPEN,
                false,
                null);
    }

    public CsvBarMapping withDelimiter(char value) {
        return new CsvBarMapping(
                value, header, columns, timestampFormat, zone, stamp, zeroMissingVolume, fallbackTimeframe);
    }

    public CsvBarMapping withHeader(HeaderMode value) {
        return new CsvBarMapping(
                delimiter, value, columns, timestampFormat, zone, stamp, zeroMissingVolume, fallbackTimeframe);
    }

    /** Replaces the column mapping; naming a timestamp column drops date/time columns and vice versa. */
    public CsvBarMapping withColumns(Map<BarField, ColumnRef> value) {
        return new CsvBarMapping(
                delimiter, header, value, timestampFormat, zone, stamp, zeroMissingVolume, fallbackTimeframe);
    }

    public CsvBarMapping withTimestampFormat(TimestampFormat value) {
        return new CsvBarMapping(delimiter, header, columns, value, zone, stamp, zeroMissingVolume, fallbackTimeframe);
    }

    public CsvBarMapping withZone(ZoneId value) {
        return new CsvBarMapping(
                delimiter, header, columns, timestampFormat, value, stamp, zeroMissingVolume, fallbackTimeframe);
    }

    public CsvBarMapping withStamp(StampPosition value) {
        return new CsvBarMapping(
                delimiter, header, columns, timestampFormat, zone, value, zeroMissingVolume, fallbackTimeframe);
    }

    public CsvBarMapping withZeroMissingVolume(boolean value) {
        return new CsvBarMapping(delimiter, header, columns, timestampFormat, zone, stamp, value, fallbackTimeframe);
    }

    public CsvBarMapping withFallbackTimeframe(Timeframe value) {
        return new CsvBarMapping(delimiter, header, columns, timestampFormat, zone, stamp, zeroMissingVolume, value);
    }

    /**
     * Overrides some column positions or names and keeps the rest; a timestamp column replaces
     * date and time columns and the other way round.
     */
    public CsvBarMapping withColumnOverrides(Map<BarField, ColumnRef> overrides) {
        EnumMap<BarField, ColumnRef> merged = new EnumMap<>(BarField.class);
        merged.putAll(columns);
        if (overrides.containsKey(BarField.TIMESTAMP)) {
            merged.remove(BarField.DATE);
            merged.remove(BarField.TIME);
        }
        if (overrides.containsKey(BarField.DATE) || overrides.containsKey(BarField.TIME)) {
            merged.remove(BarField.TIMESTAMP);
        }
        merged.putAll(overrides);
        return withColumns(merged);
    }
}
