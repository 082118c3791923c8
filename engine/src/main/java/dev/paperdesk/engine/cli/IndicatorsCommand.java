package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.indicator.OhlcvArrays;
import dev.paperdesk.engine.indicator.spec.IndicatorSpec;
import dev.paperdesk.engine.indicator.spec.IndicatorSpecParser;
import dev.paperdesk.engine.indicator.spec.SpecParseResult;
import dev.paperdesk.engine.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperdesk indicators}: computes technical indicators over a CSV of bars. */
@Command(
        name = "indicators",
        mixinStandardHelpOptions = true,
        description = {
            "Compute technical indicators over a CSV of bars and write the bars with one column per indicator output.",
            "Input columns: timestamp,open,high,low,close,volume (any order, extra columns are copied through).",
            "Timestamps: ISO-8601 instant (2024-01-02T09:30:00Z), date-time with offset, date-time without"
                    + " zone (read as UTC), date (00:00 UTC), or epoch seconds / milliseconds; they must not"
                    + " decrease.",
            "Output: the input columns, then one column per series named after its token with ':' -> '_'"
                    + " (rsi_14, macd_12_26_9.macd/.signal/.hist, bbands_20_2.upper/.middle/.lower, ...);"
                    + " cells are empty until a value is defined. Numbers use '.' and the shortest decimal"
                    + " that reads back as the same double, without exponent.",
            "The output file is written atomically: on any error nothing is written."
        })
final class IndicatorsCommand implements Callable<Integer> {
    private static final String[] REQUIRED = {"timestamp", "open", "high", "low", "close", "volume"};

    /** The indicators that read a bar's volume: the others run on a file without a volume column. */
    private static final java.util.Set<dev.paperdesk.engine.indicator.spec.IndicatorKind> VOLUME_READERS =
            java.util.EnumSet.of(
                    dev.paperdesk.engine.indicator.spec.IndicatorKind.OBV,
                    dev.paperdesk.engine.indicator.spec.IndicatorKind.MFI,
                    dev.paperdesk.engine.indicator.spec.IndicatorKind.VWAP);

    @Option(
            names = "--input",
            required = true,
            paramLabel = "BARS.csv",
            description = "CSV of bars with a header row containing timestamp,open,high,low,close,volume"
                    + " (volume may be missing unless obv, mfi or vwap is asked for).")
    Path input;

    @Option(
            names = "--spec",
            required = true,
            paramLabel = "SPEC",
            description = "Comma-separated indicator tokens, e.g. \"sma:10,rsi:14,macd:12:26:9,bbands:20:2\"."
                    + " Known: sma, ema, wma, dema, tema (period); rsi, atr, adx, cci, willr, mfi, roc, mom"
                    + " (period); macd:fast:slow:signal; bbands:period:stddevs; stoch:k:ksmooth:dsmooth;"
                    + " stochrsi:rsi:stoch:ksmooth:dsmooth; donchian:period; keltner:ema:mult[:atr];"
                    + " psar:accel:max; obv; vwap[:hour:minute] (UTC session start). Omitted trailing"
                    + " parameters take defaults (see docs/indicators.md).")
    String spec;

    @Option(names = "--output", required = true, paramLabel = "OUT.csv", description = "The CSV file to write.")
    Path output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        SpecParseResult parsed = IndicatorSpecParser.parseList(spec);
        if (parsed instanceof SpecParseResult.Invalid invalid) {
            throw new CliException("--spec: " + invalid.message(), 2);
        }
        List<IndicatorSpec> specs = ((SpecParseResult.Parsed) parsed).specs();
        // quotes without volume (FX) do for every indicator that does not read it
        List<String> needVolume = specs.stream()
                .filter(s -> VOLUME_READERS.contains(s.kind()))
                .map(IndicatorSpec::token)
                .toList();
        BarTable table = BarTable.read(input, needVolume);
        OhlcvArrays bars = table.arrays();

        List<String> header = new ArrayList<>(table.header());
        List<double[]> series = new ArrayList<>();
        for (IndicatorSpec s : specs) {
            header.addAll(s.columns());
            for (double[] column : bars.run(s.create())) {
                series.add(column);
            }
        }
        writeAtomically(output, header, table.rows(), series);
        var out = commandSpec.commandLine().getOut();
        out.printf(Locale.ROOT, "wrote %d bars with %d indicator columns to %s%n", bars.size(), series.size(), output);
        out.flush();
        return 0;
    }

    private static void writeAtomically(Path target, List<String> header, List<String[]> rows, List<double[]> series) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException("cannot write " + target + ": directory " + dir + " does not exist", 1);
        }
        try {
            AtomicFiles.writeText(target, out -> {
                BufferedWriter w = new BufferedWriter(out);
                writeRow(w, header.toArray(String[]::new));
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < rows.size(); i++) {
                    line.setLength(0);
                    String[] cells = rows.get(i);
                    for (int c = 0; c < cells.length; c++) {
                        if (c > 0) {
                            line.append(',');
                        }
                        line.append(quote(cells[c]));
                    }
                    for (double[] s : series) {
                        line.append(',');
                        double v = s[i];
                        if (!Double.isNaN(v)) {
                            line.append(format(v));
                        }
                    }
                    w.write(line.toString());
                    w.newLine();
                }
                w.flush();
            });
        } catch (IOException e) {
            throw new CliException(e.getMessage(), 1);
        }
    }

    private static void writeRow(BufferedWriter w, String[] cells) throws IOException {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                w.write(',');
            }
            w.write(quote(cells[c]));
        }
        w.newLine();
    }

    /**
     * The shortest decimal that reads back as {@code v} (the digits of {@link Double#toString}),
     * written without exponent and with '.' whatever the locale.
     */
    static String format(double v) {
        if (v == 0.0) {
            return "0";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** The input CSV: header, raw cells (copied to the output unchanged) and parsed bar arrays. */
    record BarTable(List<String> header, List<String[]> rows, OhlcvArrays arrays) {
        static BarTable read(Path file) {
            return read(file, List.of("volume"));
        }

        /**
         * Reads {@code file}; its volume column may be missing when {@code needVolume} (the spec tokens
         * that read it) is empty, and the bars then carry no volume (NaN).
         */
        static BarTable read(Path file, List<String> needVolume) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new CliException(file + ": no such file", 1);
            } catch (IOException | UncheckedIOException e) {
                throw new CliException(file + ": cannot read: " + e.getMessage(), 1);
            }
            int headerLine = 0;
            while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
                headerLine++;
            }
            if (headerLine == lines.size()) {
                throw new CliException(
                        file + ": empty file, expected a header row with " + String.join(",", REQUIRED), 1);
            }
            String headerText = lines.get(headerLine);
            if (headerText.startsWith("\uFEFF")) {
                headerText = headerText.substring(1);
            }
            List<String> header = split(file, headerLine + 1, headerText);
            int[] index = new int[REQUIRED.length];
            for (int r = 0; r < REQUIRED.length; r++) {
                index[r] = -1;
                for (int c = 0; c < header.size(); c++) {
                    if (header.get(c).trim().equalsIgnoreCase(REQUIRED[r])) {
                        index[r] = c;
                        break;
                    }
                }
                if (index[r] < 0 && r == REQUIRED.length - 1 && needVolume.isEmpty()) {
                    continue; // no volume, and no indicator asked reads it
                }
                if (index[r] < 0) {
                    throw new CliException(
                            file + " line " + (headerLine + 1) + ": missing column '" + REQUIRED[r] + "' (header: "
                                    + headerText + ")"
                                    + (r == REQUIRED.length - 1
                                            ? "; " + String.join(", ", needVolume) + " read it"
                                            : ""),
                            1);
                }
            }
            List<String[]> rows = new ArrayList<>();
            List<Integer> lineNumbers = new ArrayList<>();
            for (int i = headerLine + 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                List<String> cells = split(file, i + 1, lines.get(i));
                if (cells.size() != header.size()) {
                    throw new CliException(
                            file + " line " + (i + 1) + ": " + cells.size() + " cells, the header has " + header.size(),
                            1);
                }
                rows.add(cells.toArray(String[]::new));
                lineNumbers.add(i + 1);
            }
            int n = rows.size();
            long[] time = new long[n];
            double[][] v = new double[5][n];
            for (int i = 0; i < n; i++) {
                String[] row = rows.get(i);
                int line = lineNumbers.get(i);
                time[i] = parseTime(file, line, row[index[0]]);
                if (i > 0 && time[i] < time[i - 1]) {
                    throw new CliException(
                            file + " line " + line + ", column 'timestamp': " + row[index[0]].trim()
                                    + " is earlier than the previous bar (bars must be in time order)",
                            1);
                }
                for (int f = 0; f < 5; f++) {
                    v[f][i] =
                            index[f + 1] < 0 ? Double.NaN : parseNumber(file, line, REQUIRED[f + 1], row[index[f + 1]]);
                }
            }
            return new BarTable(header, rows, new OhlcvArrays(time, v[0], v[1], v[2], v[3], v[4]));
        }

        private static double parseNumber(Path file, int line, String column, String cell) {
            String text = cell.trim();
            try {
                double d = Double.parseDouble(text);
                char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
                if (Double.isFinite(d) && (Character.isDigit(last) || last == '.')) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new CliException(
                    file + " line " + line + ", column '" + column + "': '" + text + "' is not a number", 1);
        }

        private static long parseTime(Path file, int line, String cell) {
            String text = cell.trim();
            try {
                if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                    long n = Long.parseLong(text);
                    // Ten digits or fewer are epoch seconds (until 2286), more are milliseconds.
                    return text.length() <= 10 ? Math.multiplyExact(n, 1000L) : n;
                }
                if (text.length() == 10) {
                    return LocalDate.parse(text)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .toEpochMilli();
                }
                String iso = text.replace(' ', 'T');
                if (iso.endsWith("Z") || iso.endsWith("z")) {
                    return Instant.parse(iso.toUpperCase(Locale.ROOT)).toEpochMilli();
                }
                try {
                    return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
                } catch (DateTimeParseException e) {
                    return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
                }
            } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
                throw new CliException(
                        file + " line " + line + ", column 'timestamp': '" + text + "' is not a timestamp"
                                + " (use ISO-8601 such as 2024-01-02T09:30:00Z, a date, or epoch seconds/milliseconds)",
                        1);
            }
        }

        /** Splits one CSV line; fields may be quoted with {@code "} and {@code ""} as an escaped quote. */
        private static List<String> split(Path file, int line, String text) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            if (quoted) {
                throw new CliException(file + " line " + line + ": unterminated quoted field", 1);
            }
            cells.add(cell.toString());
            return cells;
        }
    }
}
