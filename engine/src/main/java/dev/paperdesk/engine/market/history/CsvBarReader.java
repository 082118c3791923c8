package dev.paperdesk.engine.market.history;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.paperdesk.engine.clock.Clock;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a delimited file row by row with Jackson's streaming CSV parser, decodes each row through
 * a {@link CsvBarMapping} and checks it. {@link #next()} returns only rows without problems; the
 * problems of the others are recorded in passing, so one pass reports every bad row.
 *
 * <p>Checks per row: every mapped field present, numbers numeric, the stamp readable and within
 * the engine's range (years 1677–2262), {@code high ≥ max(open, close)}, {@code low ≤ min(open,
 * close)}, {@code high ≥ low}, volume not negative; across rows: stamps strictly increasing
 * (an equal stamp is reported as a duplicate, an earlier one as out of order).
 */
final class CsvBarReader implements Closeable {
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();
    private static final BarField[] PRICES = {BarField.OPEN, BarField.HIGH, BarField.LOW, BarField.CLOSE};

    /** One decoded, checked row; {@code stamp} is as written (open or close of the bar). */
    record Row(
            long line,
            Instant stamp,
            boolean dateOnly,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal close,
            BigDecimal volume) {}

    private final CsvParser parser;
    private final CsvBarMapping mapping;
    private final ImportProblems problems;
    private final StampParser stamps;
    private final List<String> fields = new ArrayList<>();
    private final Map<BarField, Integer> index = new EnumMap<>(BarField.class);
    private long fieldsLine;
    private boolean pendingRow;
    private boolean broken;
    private long firstDataLine = 1;
    private Instant previous;
    private long previousLine;

    CsvBarReader(Reader in, CsvBarMapping mapping, ImportProblems problems) {
        this.mapping = mapping;
        this.problems = problems;
        this.stamps = new StampParser(mapping.timestampFormat());
        try {
            this.parser = FACTORY.createParser(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parser.setSchema(CsvSchema.emptySchema()
                .withColumnSeparator(mapping.delimiter())
                .withoutHeader()
                .withQuoteChar('"'));
    }

    /**
     * Reads the header if there is one and finds the columns; false (with problems recorded) when
     * the file is empty or a required column cannot be found.
     */
    boolean start() {
        if (!readRecord()) {
            if (!broken) {
                problems.add(1, 1, "the file is empty");
            }
            return false;
        }
        boolean header =
                switch (mapping.header()) {
                    case PRESENT -> true;
                    case ABSENT -> false;
                    case DETECT -> !looksLikeData();
                };
        List<String> names = null;
        long headerLine = fieldsLine;
        if (header) {
            names = new ArrayList<>(fields);
            if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
                names.set(0, names.get(0).substring(1)); // a UTF-8 byte-order mark from spreadsheet exports
            }
            pendingRow = false;
        } else {
            pendingRow = true;
            firstDataLine = fieldsLine;
        }
        return resolveColumns(names, headerLine);
    }

    /** Line of the first data row (for problems that concern the data as a whole). */
    long firstDataLine() {
        return firstDataLine;
    }

    private boolean looksLikeData() {
        int at = mapping.columns().containsKey(BarField.TIMESTAMP)
                ? position(mapping.columns().get(BarField.TIMESTAMP))
                : 0;
        return at >= 0 && at < fields.size() && stamps.parse(fields.get(at)) != null;
    }

    private static int position(ColumnRef ref) {
        return ref instanceof ColumnRef.ByPosition p ? p.position() - 1 : -1;
    }

    private boolean resolveColumns(List<String> header, long headerLine) {
        boolean ok = true;
        Map<BarField, ColumnRef> explicit = mapping.columns();
        for (Map.Entry<BarField, ColumnRef> e : explicit.entrySet()) {
            int at =
                    switch (e.getValue()) {
                        case ColumnRef.ByPosition p -> p.position() - 1;
                        case ColumnRef.ByName n -> header == null
                                ? -1
                                : find(header, n.name().toLowerCase(Locale.ROOT));
                    };
            if (at < 0) {
                problems.add(
                        headerLine,
                        1,
                        "no column named '" + e.getValue() + "' for "
                                + e.getKey().key() + (header == null ? " (the file has no header)" : found(header)));
                ok = false;
            } else {
                index.put(e.getKey(), at);
            }
        }
        if (header != null) {
            if (!index.containsKey(BarField.TIMESTAMP) && !index.containsKey(BarField.DATE)) {
                autoStamp(header);
            }
            for (BarField f :
                    new BarField[] {BarField.OPEN, BarField.HIGH, BarField.LOW, BarField.CLOSE, BarField.VOLUME}) {
                if (!index.containsKey(f) && !explicit.containsKey(f)) {
                    int at = findAny(header, f.aliases());
                    if (at >= 0) {
                        index.put(f, at);
                    }
                }
            }
        } else if (explicit.isEmpty()) {
            BarField[] order = {
                BarField.TIMESTAMP, BarField.OPEN, BarField.HIGH, BarField.LOW, BarField.CLOSE, BarField.VOLUME
            };
            for (int i = 0; i < order.length; i++) {
                index.put(order[i], i);
            }
        }
        if (!ok) {
            return false;
        }
        if (!index.containsKey(BarField.TIMESTAMP) && !index.containsKey(BarField.DATE)) {
            problems.add(
                    headerLine,
                    1,
                    "no timestamp column" + found(header) + "; map one (timestamp=NAME or date=…,time=…)");
            ok = false;
        }
        for (BarField f : PRICES) {
            if (!index.containsKey(f)) {
                problems.add(
                        headerLine, 1, "no " + f.key() + " column" + found(header) + "; map one (" + f.key() + "=…)");
                ok = false;
            }
        }
        if (!index.containsKey(BarField.VOLUME) && !mapping.zeroMissingVolume()) {
            problems.add(
                    headerLine,
                    1,
                    "no volume column" + found(header) + "; map one (volume=…) or let a missing volume count as 0");
            ok = false;
        }
        return ok;
    }

    private static String found(List<String> header) {
        return header == null ? "" : " in the header " + header;
    }

    private void autoStamp(List<String> header) {
        for (String alias : BarField.TIMESTAMP.aliases()) {
            if (alias.equals("time") || alias.equals("date")) {
                continue;
            }
            int at = find(header, alias);
            if (at >= 0) {
                index.put(BarField.TIMESTAMP, at);
                return;
            }
        }
        int date = find(header, "date");
        int time = find(header, "time");
        if (date >= 0 && time >= 0) {
            index.put(BarField.DATE, date);
            index.put(BarField.TIME, time);
        } else if (date >= 0 || time >= 0) {
            index.put(BarField.TIMESTAMP, Math.max(date, time));
        }
    }

    private static int find(List<String> header, String lowerName) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().toLowerCase(Locale.ROOT).equals(lowerName)) {
                return i;
            }
        }
        return -1;
    }

    private static int findAny(List<String> header, List<String> lowerNames) {
        for (String name : lowerNames) {
            int at = find(header, name);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    /** The next row without problems, or {@code null} at the end of the file. */
    Row next() {
        while (pendingRow || readRecord()) {
            pendingRow = false;
            Row row = decode();
            if (row != null) {
                return row;
            }
        }
        return null;
    }

    /** Reads one record into {@link #fields}; false at the end or after a malformed record. */
    private boolean readRecord() {
        if (broken) {
            return false;
        }
        try {
            JsonToken t = parser.nextToken();
            if (t == null) {
                return false;
            }
            if (t != JsonToken.START_ARRAY) {
                throw new IllegalStateException("unexpected CSV token " + t);
            }
            fields.clear();
            fieldsLine = -1;
            while ((t = parser.nextToken()) == JsonToken.VALUE_STRING) {
                if (fieldsLine < 0) {
                    // The synthetic START_ARRAY carries no location; the first cell does.
                    fieldsLine = parser.currentTokenLocation().getLineNr();
                }
                fields.add(parser.getText());
            }
            if (fieldsLine < 0) {
                fieldsLine = Math.max(1, parser.currentLocation().getLineNr());
            }
            return true;
        } catch (IOException e) {
            // Malformed quoting: the parser cannot find the next record boundary reliably, so stop here.
            JsonLocation at = parser.currentLocation();
            problems.add(
                    Math.max(1, at.getLineNr()),
                    Math.max(1, at.getColumnNr()),
                    "unreadable CSV: " + firstLine(e.getMessage()));
            broken = true;
            return false;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed record";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private String cell(BarField f) {
        Integer at = index.get(f);
        if (at == null || at >= fields.size()) {
            return null;
        }
        String v = fields.get(at);
        return v.isEmpty() ? null : v;
    }

    private int column(BarField f) {
        Integer at = index.get(f);
        return at == null ? 1 : at + 1;
    }

    private String missing(BarField f) {
        Integer at = index.get(f);
        if (at != null && at >= fields.size()) {
            return f.key() + " is missing (the row has " + fields.size() + " fields)";
        }
        return f.key() + " is missing";
    }

    private Row decode() {
        long line = fieldsLine;
        boolean ok = true;

        BarField stampField = index.containsKey(BarField.TIMESTAMP) ? BarField.TIMESTAMP : BarField.DATE;
        String stampText = cell(stampField);
        if (stampText != null && index.containsKey(BarField.TIME)) {
            String time = cell(BarField.TIME);
            if (time == null) {
                problems.add(line, column(BarField.TIME), missing(BarField.TIME));
                ok = false;
                stampText = null;
            } else {
                stampText = stampText + " " + time;
            }
        }
        Instant stamp = null;
        boolean dateOnly = false;
        int stampColumn = column(stampField);
        if (stampText == null) {
            if (ok) {
                problems.add(line, stampColumn, missing(stampField));
            }
            ok = false;
        } else {
            Stamp parsed = stamps.parse(stampText);
            if (parsed == null) {
                problems.add(line, stampColumn, "timestamp '" + stampText + "' does not match " + stamps.expectation());
                ok = false;
            } else {
                try {
                    stamp = parsed.resolve(mapping.zone(), previous);
                    Clock.toNanos(stamp); // the engine keeps nanoseconds in a long
                    dateOnly = parsed.kind() == Stamp.Kind.DATE;
                } catch (ArithmeticException | java.time.DateTimeException e) {
                    problems.add(line, stampColumn, "timestamp '" + stampText + "' is out of range");
                    stamp = null;
                    ok = false;
                }
            }
        }

        if (stamp != null) {
            if (previous != null && stamp.compareTo(previous) <= 0) {
                if (stamp.equals(previous)) {
                    problems.add(
                            line, stampColumn, "duplicate timestamp " + stamp + " (also on line " + previousLine + ")");
                } else {
                    problems.add(
                            line,
                            stampColumn,
                            "timestamp " + stamp + " is earlier than " + previous + " on line " + previousLine
                                    + " (timestamps must increase)");
                }
                ok = false;
            } else {
                previous = stamp;
                previousLine = line;
            }
        }
        BigDecimal[] prices = new BigDecimal[4];
        for (int i = 0; i < PRICES.length; i++) {
            prices[i] = number(PRICES[i], line);
            ok &= prices[i] != null;
        }
        BigDecimal open = prices[0];
        BigDecimal high = prices[1];
        BigDecimal low = prices[2];
        BigDecimal close = prices[3];
        if (open != null && high != null && low != null && close != null) {
            if (high.compareTo(low) < 0) {
                problems.add(line, column(BarField.HIGH), "high " + high + " is below low " + low);
                ok = false;
            }
            BigDecimal top = open.max(close);
            if (high.compareTo(top) < 0) {
                problems.add(
                        line,
                        column(BarField.HIGH),
                        "high " + high + " is below " + (open.compareTo(close) >= 0 ? "open " : "close ") + top);
                ok = false;
            }
            BigDecimal bottom = open.min(close);
            if (low.compareTo(bottom) > 0) {
                problems.add(
                        line,
                        column(BarField.LOW),
                        "low " + low + " is above " + (open.compareTo(close) <= 0 ? "open " : "close ") + bottom);
                ok = false;
            }
        }

        BigDecimal volume;
        if (!index.containsKey(BarField.VOLUME)) {
            volume = BigDecimal.ZERO;
        } else {
            String v = cell(BarField.VOLUME);
            if (v == null && mapping.zeroMissingVolume()) {
                volume = BigDecimal.ZERO;
            } else {
                volume = number(BarField.VOLUME, line);
                if (volume == null) {
                    ok = false;
                } else if (volume.signum() < 0) {
                    problems.add(line, column(BarField.VOLUME), "volume is negative: " + v);
                    ok = false;
                }
            }
        }

        return ok ? new Row(line, stamp, dateOnly, open, high, low, close, volume) : null;
    }

    private BigDecimal number(BarField f, long line) {
        String text = cell(f);
        if (text == null) {
            problems.add(line, column(f), missing(f));
            return null;
        }
        BigDecimal value = DecimalCell.parse(text);
        if (value == null) {
            problems.add(line, column(f), f.key() + " is not a number: '" + text + "'");
        }
        return value;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
