package dev.paperdesk.engine.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads return series from CSV: a header naming the columns {@code date} and {@code return}, and
 * optionally {@code benchmark}, in any order; other columns are ignored.
 *
 * <p>Dates are ISO ({@code 2024-03-28}) and strictly increasing; returns are simple returns as decimals
 * ({@code 0.0125} is +1.25%). An empty cell or {@code NaN} is a missing value; infinities, text and
 * rows with too few cells are rejected with a {@link CsvFormatException} naming file, line and column.
 * Blank lines are skipped.
 */
public final class ReturnSeriesCsv {
    public static final String DATE = "date";
    public static final String RETURN = "return";
    public static final String BENCHMARK = "benchmark";

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private ReturnSeriesCsv() {}

    /** Reads {@code file}, with its {@code benchmark} column when there is one. */
    public static ReturnSeries read(Path file) {
        Table t = parse(file);
        if (t.benchmark == null) {
            return ReturnSeries.of(t.dates, t.returns);
        }
        return ReturnSeries.withBenchmark(t.dates, t.returns, t.benchmark);
    }

    /**
     * Reads the returns of {@code returnsFile} and aligns the {@code return} column of {@code
     * benchmarkFile} on its dates: a date missing from the benchmark file gets a missing benchmark value,
     * benchmark dates without a strategy return are ignored.
     */
    public static ReturnSeries read(Path returnsFile, Path benchmarkFile) {
        Table t = parse(returnsFile);
        if (t.benchmark != null) {
            throw new CsvFormatException(
                    returnsFile, 1, BENCHMARK, "has a benchmark column and a separate benchmark file was given too");
        }
        Table b = parse(benchmarkFile);
        Map<LocalDate, Double> byDate = new HashMap<>();
        for (int i = 0; i < b.dates.size(); i++) {
            byDate.put(b.dates.get(i), b.returns[i]);
        }
        double[] aligned = new double[t.dates.size()];
        for (int i = 0; i < aligned.length; i++) {
            aligned[i] = byDate.getOrDefault(t.dates.get(i), Double.NaN);
        }
        return ReturnSeries.withBenchmark(t.dates, t.returns, aligned);
    }

    private record Table(List<LocalDate> dates, double[] returns, double[] benchmark) {}

    private static Table parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CsvFormatException(file, 0, null, "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CsvFormatException(file, 0, null, "not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int headerLine = 0;
        while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.size()) {
            throw new CsvFormatException(file, 1, null, "empty file, expected a header with date,return");
        }
        String[] header = split(stripBom(lines.get(headerLine)));
        int dateCol = -1;
        int returnCol = -1;
        int benchmarkCol = -1;
        for (int c = 0; c < header.length; c++) {
            String name = header[c].toLowerCase(Locale.ROOT);
            switch (name) {
                case DATE -> dateCol = c;
                case RETURN -> returnCol = c;
                case BENCHMARK -> benchmarkCol = c;
                default -> {}
            }
        }
        if (dateCol < 0 || returnCol < 0) {
            throw new CsvFormatException(
                    file,
                    headerLine + 1,
                    dateCol < 0 ? DATE : RETURN,
                    "missing column; the header must name date and return, found " + String.join(",", header));
        }
        int needed = Math.max(dateCol, Math.max(returnCol, benchmarkCol)) + 1;
        List<LocalDate> dates = new ArrayList<>();
        List<Double> returns = new ArrayList<>();
        List<Double> benchmark = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            String[] cells = split(raw);
            if (cells.length < needed) {
                String missing = dateCol >= cells.length ? DATE : returnCol >= cells.length ? RETURN : BENCHMARK;
                throw new CsvFormatException(
                        file,
                        lineNo,
                        missing,
                        "missing value: the line has " + cells.length + " cells, expected " + header.length);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cells[dateCol]);
            } catch (DateTimeParseException e) {
                throw new CsvFormatException(
                        file, lineNo, DATE, "not an ISO date (yyyy-mm-dd): '" + cells[dateCol] + "'");
            }
            if (!dates.isEmpty() && !date.isAfter(dates.get(dates.size() - 1))) {
                throw new CsvFormatException(
                        file,
                        lineNo,
                        DATE,
                        "dates must increase strictly: " + date + " follows " + dates.get(dates.size() - 1));
            }
            dates.add(date);
            returns.add(number(file, lineNo, RETURN, cells[returnCol]));
            if (benchmarkCol >= 0) {
                benchmark.add(number(file, lineNo, BENCHMARK, cells[benchmarkCol]));
            }
        }
        return new Table(
                dates,
                returns.stream().mapToDouble(Double::doubleValue).toArray(),
                benchmarkCol < 0
                        ? null
                        : benchmark.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double number(Path file, int line, String column, String cell) {
        if (cell.isEmpty() || cell.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (!DECIMAL.matcher(cell).matches()) {
            throw new CsvFormatException(file, line, column, "not a decimal number: '" + cell + "'");
        }
        double v = Double.parseDouble(cell);
        if (!Double.isFinite(v)) {
            throw new CsvFormatException(file, line, column, "out of range: '" + cell + "'");
        }
        return v;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].strip();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1).strip();
            }
            cells[i] = c;
        }
        return cells;
    }
}
