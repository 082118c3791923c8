package dev.paperdesk.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperdesk.engine.market.history.BarCsvExporter;
import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.market.history.BarImporter;
import dev.paperdesk.engine.market.history.CsvBarMapping;
import dev.paperdesk.engine.market.history.HistoricalInstruments;
import dev.paperdesk.engine.market.history.ImportOutcome;
import dev.paperdesk.engine.market.history.ImportProblem;
import dev.paperdesk.engine.market.history.ImportRequest;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.session.WorkspaceLocator;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.SeriesInfo;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperdesk data …}: import, list and export historical bar series of a workspace. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "Import, list and export historical bars (OHLCV series) of a workspace.",
        subcommands = {
            DataCommand.Import.class,
            DataCommand.ListSeries.class,
            DataCommand.Export.class,
            DataGenerateCommand.class,
        })
final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Opens an existing workspace; exit code 3 when there is none. */
    static SqliteWorkspaceStore openExisting(Path option) {
        Path path = WorkspaceLocator.resolve(option);
        if (!Files.exists(path)) {
            throw new CliException("no workspace at " + path, PaperdeskCli.EXIT_WORKSPACE);
        }
        return SqliteWorkspaceStore.open(path);
    }

    static InstrumentId instrument(String symbol) {
        try {
            return HistoricalInstruments.parse(symbol);
        } catch (IllegalArgumentException e) {
            throw new CliException("--symbol: " + e.getMessage(), 2);
        }
    }

    /** Accepts {@code 1m, 5m, 15m, 30m, 1h, 4h, 1d}. */
    static final class TimeframeConverter implements CommandLine.ITypeConverter<Timeframe> {
        @Override
        public Timeframe convert(String value) {
            return Timeframe.parse(value);
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Import a CSV file of bars into a workspace, all or nothing: every row is checked"
                        + " (OHLC consistency, strictly increasing timestamps, duplicates, missing fields,"
                        + " numbers, negative volume) and a file with any problem is rejected whole; the"
                        + " problems are printed to stderr as FILE:LINE:COLUMN: what (COLUMN is the field number).",
                "Prints the number of rows imported. Creates the workspace if it does not exist.",
                "",
                "Formats:",
                "  yahoo        Date,Open,High,Low,Close,Adj Close,Volume; Adj Close is",
                "               ignored; dates are days starting in --zone (UTC).",
                "  binance      the 12-column kline CSV; open time in ms or us; header",
                "               optional.",
                "  ninjatrader  yyyyMMdd HHmmss;open;high;low;close;volume without header,",
                "               stamped at the bar's close.",
                "  generic      your mapping (options below). By default: commas, a header,",
                "               columns found by name (timestamp, datetime, open_time,",
                "               start_utc, time or date, or a Date and a Time column;",
                "               open, high, low, close, volume).",
                "The mapping options also override parts of a preset (e.g. --zone).",
                "",
                "A series is an instrument and a timeframe. If it already holds bars, the"
                        + " new bars must lie wholly before or after them; with --replace the stored"
                        + " series is replaced instead, in the same transaction.",
                "",
            },
            footer = {
                "",
                "Examples:",
                "  paperdesk data import --workspace w.paperdesk --format yahoo \\",
                "      --symbol ORCL orcl.csv",
                "  paperdesk data import --format binance --symbol BTCUSDT@binance \\",
                "      BTCUSDT-1m-2024-01.csv",
                "  paperdesk data import --format generic --symbol ES \\",
                "      --date-column Date --time-column Time --stamp close es-5min.txt",
                "  paperdesk data import --format generic --symbol GBPUSD@fxcm \\",
                "      --missing-volume zero gbpusd.csv",
                "  paperdesk data import --format generic --symbol X --no-header \\",
                "      --delimiter ';' --timestamp-format epoch-ms \\",
                "      --columns timestamp=1,open=2,high=3,low=4,close=5,volume=6 x.csv",
            })
    static final class Import implements Callable<Integer> {
        @Option(names = "--workspace", paramLabel = "PATH", description = "The workspace file.")
        Path workspace;

        @Option(
                names = "--format",
                required = true,
                paramLabel = "FORMAT",
                converter = FormatConverter.class,
                description = "yahoo, binance, ninjatrader or generic.")
        BarFormat format;

        @Option(
                names = "--symbol",
                required = true,
                paramLabel = "SYM",
                description = "The instrument: SYMBOL@venue, or SYMBOL for venue '"
                        + HistoricalInstruments.DEFAULT_VENUE + "'.")
        String symbol;

        @Option(
                names = "--timeframe",
                paramLabel = "TF",
                converter = TimeframeConverter.class,
                description = "1m, 5m, 15m, 30m, 1h, 4h or 1d. Default: the most frequent gap between the first"
                        + " 1000 bars (yahoo falls back to 1d).")
        Timeframe timeframe;

        @Option(names = "--replace", description = "Replace the series if it already exists (in the same transaction).")
        boolean replace;

        @picocli.CommandLine.Mixin
        CsvMappingOptions layout;

        @Option(
                names = "--max-problems",
                paramLabel = "N",
                defaultValue = "" + BarImporter.DEFAULT_PROBLEM_CAP,
                description = "Problems listed in full before the rest are only counted (default ${DEFAULT-VALUE}).")
        int maxProblems;

        @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file to import (UTF-8).")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new CliException("no such file: " + file);
            }
            if (maxProblems < 1) {
                throw new CliException("--max-problems must be at least 1", 2);
            }
            CsvBarMapping mapping = layout.mapping(format);
            InstrumentId instrument = instrument(symbol);
            ImportRequest request = new ImportRequest(
                    mapping,
                    instrument,
                    timeframe,
                    replace ? BarStore.WriteMode.REPLACE : BarStore.WriteMode.REFUSE_OVERLAP);

            Path path = WorkspaceLocator.resolve(workspace);
            boolean created = !Files.exists(path);
            ImportOutcome outcome;
            try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(path)) {
                outcome = new BarImporter(store.bars(), maxProblems).importFile(file, request);
            }
            if (created && !(outcome instanceof ImportOutcome.Imported)) {
                deleteWorkspace(path);
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            switch (outcome) {
                case ImportOutcome.Imported i -> {
                    out.printf(
                            "%d rows imported into %s %s (%s to %s)%s%n",
                            i.rows(),
                            i.key().instrument(),
                            i.key().timeframe(),
                            i.first(),
                            i.last(),
                            i.replacedRows() > 0 ? ", replacing " + i.replacedRows() + " rows" : "");
                    out.flush();
                    return 0;
                }
                case ImportOutcome.Rejected r -> {
                    for (ImportProblem p : r.problems()) {
                        err.println(p);
                    }
                    if (r.omitted() > 0) {
                        err.printf("… and %d more problems%n", r.omitted());
                    }
                    err.flush();
                    throw new CliException(
                            file + " was not imported: " + r.total() + (r.total() == 1 ? " problem" : " problems")
                                    + "; the workspace is unchanged",
                            1);
                }
                case ImportOutcome.Conflict c -> throw new CliException(
                        c.message().replace("replace the series to overwrite it", "use --replace to overwrite it")
                                + "; nothing was imported",
                        1);
            }
        }

        private static void deleteWorkspace(Path path) {
            // The import created this workspace and wrote nothing into it: leave no empty file behind.
            for (String suffix : List.of("", "-wal", "-shm", ".lock")) {
                try {
                    Files.deleteIfExists(path.resolveSibling(path.getFileName() + suffix));
                } catch (IOException ignored) {
                    // An empty workspace left behind is harmless.
                }
            }
        }
    }

    /** Accepts the lower-case format names. */
    static final class FormatConverter implements CommandLine.ITypeConverter<BarFormat> {
        @Override
        public BarFormat convert(String value) {
            for (BarFormat f : BarFormat.values()) {
                if (f.option().equalsIgnoreCase(value.trim())) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a format (use yahoo, binance, ninjatrader or generic)");
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the bar series of a workspace: symbol, timeframe, row count, first and last bar"
                    + " (open times, ISO-8601 UTC).")
    static final class ListSeries implements Callable<Integer> {
        @Option(names = "--workspace", paramLabel = "PATH", description = "The workspace file.")
        Path workspace;

        @Option(
                names = "--json",
                description = "Machine-readable output: {\"series\": [{\"symbol\", \"venue\", \"instrument\","
                        + " \"timeframe\", \"rows\", \"first\", \"last\"}]}.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<SeriesInfo> series;
            try (SqliteWorkspaceStore store = openExisting(workspace)) {
                series = store.bars().series();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ObjectNode root = mapper.createObjectNode();
                ArrayNode array = root.putArray("series");
                for (SeriesInfo s : series) {
                    ObjectNode n = array.addObject();
                    n.put("symbol", s.key().instrument().symbol());
                    n.put("venue", s.key().instrument().venue());
                    n.put("instrument", s.key().instrument().toString());
                    n.put("timeframe", s.key().timeframe().label());
                    n.put("rows", s.rows());
                    n.put("first", s.first().toString());
                    n.put("last", s.last().toString());
                }
                out.println(mapper.writeValueAsString(root));
            } else if (series.isEmpty()) {
                out.println("no bar series");
            } else {
                int width = Math.max(
                        6,
                        series.stream()
                                .mapToInt(s -> s.key().instrument().toString().length())
                                .max()
                                .orElse(0));
                String row = "%-" + width + "s  %-9s  %10s  %-24s  %s%n";
                out.printf(row, "SYMBOL", "TIMEFRAME", "ROWS", "FIRST", "LAST");
                for (SeriesInfo s : series) {
                    out.printf(row, s.key().instrument(), s.key().timeframe().label(), s.rows(), s.first(), s.last());
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = {
                "Export one bar series as CSV with the columns",
                "  " + BarCsvExporter.HEADER,
                "The timestamp is the bar's open time in ISO-8601 UTC; numbers are exact with '.' decimals.",
                "The file is written beside the target and moved into place, so it appears whole or not at all.",
                "Prints the number of rows exported."
            })
    static final class Export implements Callable<Integer> {
        @Option(names = "--workspace", paramLabel = "PATH", description = "The workspace file.")
        Path workspace;

        @Option(
                names = "--symbol",
                required = true,
                paramLabel = "SYM",
                description = "The instrument: SYMBOL@venue, or SYMBOL for venue '"
                        + HistoricalInstruments.DEFAULT_VENUE + "'.")
        String symbol;

        @Option(
                names = "--timeframe",
                required = true,
                paramLabel = "TF",
                converter = TimeframeConverter.class,
                description = "1m, 5m, 15m, 30m, 1h, 4h or 1d.")
        Timeframe timeframe;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV file to write.")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            SeriesKey key = new SeriesKey(instrument(symbol), timeframe);
            long rows;
            try (SqliteWorkspaceStore store = openExisting(workspace)) {
                BarStore bars = store.bars();
                if (bars.info(key).isEmpty()) {
                    throw new CliException("no series " + key + " in " + store.path() + " (see paperdesk data list)");
                }
                rows = new BarCsvExporter(bars).export(key, out);
            }
            spec.commandLine().getOut().printf("%d rows exported to %s%n", rows, out);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
