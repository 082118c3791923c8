package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.market.history.BarField;
import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.market.history.ColumnRef;
import dev.paperdesk.engine.market.history.CsvBarMapping;
import dev.paperdesk.engine.market.history.HeaderMode;
import dev.paperdesk.engine.market.history.StampPosition;
import dev.paperdesk.engine.market.history.TimestampFormat;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How a bar CSV file is laid out beyond its {@code --format} preset (columns, delimiter, header,
 * timestamps, zone, stamp position, missing volume): the same options for {@code data import} and for
 * the commands that read bars straight from a file ({@code backtest}, {@code optimize}, {@code montecarlo}).
 */
final class CsvMappingOptions {
    @Option(
            names = "--columns",
            split = ",",
            paramLabel = "FIELD=COLUMN",
            description = "Where the fields are: FIELD is timestamp, date, time, open, high, low, close or"
                    + " volume; COLUMN is a header name or a 1-based position,"
                    + " e.g. timestamp=Date,open=Open,close=4. Unnamed fields are found by header name.")
    Map<String, String> columns;

    @Option(
            names = "--date-column",
            paramLabel = "COLUMN",
            description = "The date column when date and time are split (name or position).")
    String dateColumn;

    @Option(
            names = "--time-column",
            paramLabel = "COLUMN",
            description = "The time column when date and time are split; it is joined to the date with a"
                    + " space before parsing.")
    String timeColumn;

    @Option(
            names = "--delimiter",
            paramLabel = "CHAR",
            description = "The field separator: one character, or tab, space, comma, semicolon, pipe."
                    + " Default ',' (';' for ninjatrader).")
    String delimiter;

    @Option(
            names = "--header",
            negatable = true,
            description = "Whether the first row is a header (--no-header: every row is data; name columns by"
                    + " position). Default: yes for generic and yahoo, no for ninjatrader, detected for binance.")
    Boolean header;

    @Option(
            names = "--timestamp-format",
            paramLabel = "FORMAT",
            description = "iso (yyyy-MM-dd[ HH:mm[:ss[.f]]][Z|+HH:MM], the default), epoch-s, epoch-ms,"
                    + " epoch-us, epoch-ns, epoch (unit from magnitude), or a java.time pattern such as"
                    + " 'yyyyMMdd HHmmss' or 'dd/MM/yyyy HH:mm'.")
    String timestampFormat;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "Zone of stamps written without an offset, e.g. UTC (default), America/New_York,"
                    + " +01:00. Date-only stamps start the day in this zone.")
    String zone;

    @Option(
            names = "--stamp",
            paramLabel = "open|close",
            description = "Whether a stamp names the bar's open (default) or close; close stamps are moved back"
                    + " by one timeframe. Date-only stamps always name the bar's day.")
    String stamp;

    @Option(
            names = "--missing-volume",
            paramLabel = "error|zero",
            description = "What an absent volume column or an empty volume cell means: a problem (default)"
                    + " or 0 (e.g. FX quotes).")
    String missingVolume;

    /** {@code format}'s layout with these options applied. */
    CsvBarMapping mapping(BarFormat format) {
        CsvBarMapping m = format.mapping();
        try {
            if (delimiter != null) {
                m = m.withDelimiter(delimiter(delimiter));
            }
            if (header != null) {
                m = m.withHeader(header ? HeaderMode.PRESENT : HeaderMode.ABSENT);
            }
            Map<BarField, ColumnRef> overrides = new EnumMap<>(BarField.class);
            if (columns != null) {
                for (Map.Entry<String, String> e : new LinkedHashMap<>(columns).entrySet()) {
                    overrides.put(BarField.parse(e.getKey()), ColumnRef.parse(e.getValue()));
                }
            }
            if (dateColumn != null) {
                overrides.put(BarField.DATE, ColumnRef.parse(dateColumn));
            }
            if (timeColumn != null) {
                overrides.put(BarField.TIME, ColumnRef.parse(timeColumn));
            }
            if (!overrides.isEmpty()) {
                m = m.withColumnOverrides(overrides);
            }
            if (timestampFormat != null) {
                m = m.withTimestampFormat(TimestampFormat.parse(timestampFormat));
            }
            if (zone != null) {
                m = m.withZone(zone(zone));
            }
            if (stamp != null) {
                m = m.withStamp(enumOption(StampPosition.class, "--stamp", stamp));
            }
            if (missingVolume != null) {
                m = m.withZeroMissingVolume(
                        switch (missingVolume.trim().toLowerCase(Locale.ROOT)) {
                            case "zero", "0" -> true;
                            case "error" -> false;
                            default -> throw new IllegalArgumentException(
                                    "--missing-volume must be error or zero, not '" + missingVolume + "'");
                        });
            }
            return m;
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 2);
        }
    }

    private static char delimiter(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "tab", "\\t" -> '\t';
            case "space" -> ' ';
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "pipe" -> '|';
            default -> {
                if (text.length() != 1) {
                    throw new IllegalArgumentException("--delimiter must be one character, not '" + text + "'");
                }
                yield text.charAt(0);
            }
        };
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone: unknown zone '" + text + "'");
        }
    }

    private static <E extends Enum<E>> E enumOption(Class<E> type, String option, String text) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": unexpected value '" + text + "'");
        }
    }
}
