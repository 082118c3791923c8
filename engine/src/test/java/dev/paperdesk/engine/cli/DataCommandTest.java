package dev.paperdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore.SeriesInfo;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PaperdeskCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private Path sample(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/dev/paperdesk/engine/market/history/" + name)) {
            Path p = dir.resolve(name);
            Files.copy(in, p);
            return p;
        }
    }

    private Path ws() {
        return dir.resolve("w.paperdesk");
    }

    private Run importFile(String format, String symbol, Path file, String... extra) {
        List<String> args = new ArrayList<>(
                List.of("data", "import", "--workspace", ws().toString(), "--format", format, "--symbol", symbol));
        args.addAll(List.of(extra));
        args.add(file.toString());
        return run(args.toArray(String[]::new));
    }

    private Map<SeriesInfo, List<Bar>> snapshot() {
        Map<SeriesInfo, List<Bar>> out = new LinkedHashMap<>();
        try (SqliteWorkspaceStore w = SqliteWorkspaceStore.open(ws())) {
            for (SeriesInfo s : w.bars().series()) {
                out.put(s, w.bars().read(s.key(), Instant.MIN, Instant.MAX, Integer.MAX_VALUE));
            }
        }
        return out;
    }

    @Test
    void importsEveryPresetAndListsTheSeries() throws Exception {
        Run yahoo = importFile("yahoo", "ORCL", sample("yahoo-orcl.csv"));
        assertThat(yahoo.exit()).as(yahoo.err()).isZero();
        assertThat(yahoo.out())
                .isEqualTo("20 rows imported into ORCL@hist 1d (1995-01-03T00:00:00Z to 1995-01-30T00:00:00Z)\n");
        Run binance = importFile("binance", "BTCUSDT@binance", sample("binance-klines-ms.csv"));
        assertThat(binance.out()).startsWith("5 rows imported into BTCUSDT@binance 1m");
        Run binanceUs =
                importFile("binance", "BTCUSDT@binance", sample("binance-klines-us-header.csv"), "--timeframe", "1h");
        assertThat(binanceUs.out()).startsWith("3 rows imported into BTCUSDT@binance 1h");
        Run nt = importFile("ninjatrader", "ES@cme", sample("ninjatrader-es-1m.txt"));
        assertThat(nt.out()).startsWith("4 rows imported into ES@cme 1m (2024-01-02T09:30:00Z");
        Run generic = importFile(
                "generic",
                "ES@hist",
                sample("backtrader-5min.txt"),
                "--date-column",
                "Date",
                "--time-column",
                "Time",
                "--stamp",
                "close",
                "--timeframe",
                "5m");
        assertThat(generic.out()).startsWith("24 rows imported into ES@hist 5m (2006-01-02T09:00:00Z");
        Run fx = importFile("generic", "GBPUSD@fxcm", sample("fxcm-gbpusd-m1-bid.csv"), "--missing-volume", "zero");
        assertThat(fx.out()).startsWith("15 rows imported into GBPUSD@fxcm 1m");

        Run list = run("data", "list", "--workspace", ws().toString());
        assertThat(list.exit()).isZero();
        assertThat(list.out().lines().toList())
                .containsExactly(
                        "SYMBOL           TIMEFRAME        ROWS  FIRST                     LAST",
                        "BTCUSDT@binance  1m                  5  2024-01-01T00:00:00Z      2024-01-01T00:04:00Z",
                        "BTCUSDT@binance  1h                  3  2025-01-01T00:00:00Z      2025-01-01T02:00:00Z",
                        "ES@cme           1m                  4  2024-01-02T09:30:00Z      2024-01-02T09:33:00Z",
                        "ES@hist          5m                 24  2006-01-02T09:00:00Z      2006-01-02T10:55:00Z",
                        "GBPUSD@fxcm      1m                 15  2012-02-01T00:00:00Z      2012-02-01T00:14:00Z",
                        "ORCL@hist        1d                 20  1995-01-03T00:00:00Z      1995-01-30T00:00:00Z");

        Run json = run("data", "list", "--workspace", ws().toString(), "--json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("series")).hasSize(6);
        JsonNode orcl = root.get("series").get(5);
        assertThat(orcl.get("symbol").asText()).isEqualTo("ORCL");
        assertThat(orcl.get("venue").asText()).isEqualTo("hist");
        assertThat(orcl.get("instrument").asText()).isEqualTo("ORCL@hist");
        assertThat(orcl.get("timeframe").asText()).isEqualTo("1d");
        assertThat(orcl.get("rows").asLong()).isEqualTo(20);
        assertThat(orcl.get("first").asText()).isEqualTo("1995-01-03T00:00:00Z");
        assertThat(orcl.get("last").asText()).isEqualTo("1995-01-30T00:00:00Z");
    }

    @Test
    void genericMappingByPositionsWithoutHeader() throws Exception {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "1704067200000|1|2|0.5|1.5|10\n1704067260000|1.5|2|1|1.25|20\n");
        Run r = importFile(
                "generic",
                "X",
                f,
                "--no-header",
                "--delimiter",
                "pipe",
                "--columns",
                "timestamp=1,open=2,high=3,low=4,close=5,volume=6",
                "--timestamp-format",
                "epoch-ms");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("2 rows imported into X@hist 1m (2024-01-01T00:00:00Z to 2024-01-01T00:01:00Z)\n");
    }

    @Test
    void aBadFilePrintsEveryProblemAndImportsNothing() throws Exception {
        assertThat(importFile("yahoo", "ORCL", sample("yahoo-orcl.csv")).exit()).isZero();
        Map<SeriesInfo, List<Bar>> before = snapshot();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(
                bad,
                "Date,Open,High,Low,Close,Adj Close,Volume\n"
                        + "2020-01-02,10,11,9,10.5,10,100\n"
                        + "2020-01-03,10,9,9.5,10.5,10,-100\n"
                        + "2020-01-03,x,11,9,10.5,10,\n");
        Run r = importFile("yahoo", "NEW", bad);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList())
                .containsExactly(
                        bad + ":3:3: high 9 is below low 9.5",
                        bad + ":3:3: high 9 is below close 10.5",
                        bad + ":3:7: volume is negative: -100",
                        bad + ":4:1: duplicate timestamp 2020-01-03T00:00:00Z (also on line 3)",
                        bad + ":4:2: open is not a number: 'x'",
                        bad + ":4:7: volume is missing",
                        "error: " + bad + " was not imported: 6 problems; the workspace is unchanged");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aRejectedImportDoesNotLeaveANewWorkspaceBehind() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,10,9,11,10.5,10,100\n");
        Run r = importFile("yahoo", "NEW", bad);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(ws()).doesNotExist();
    }

    @Test
    void overlapIsRefusedUnlessReplacing() throws Exception {
        Path orcl = sample("yahoo-orcl.csv");
        assertThat(importFile("yahoo", "ORCL", orcl).exit()).isZero();
        Map<SeriesInfo, List<Bar>> before = snapshot();
        Run again = importFile("yahoo", "ORCL", orcl);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already holds bars").contains("use --replace");
        assertThat(snapshot()).isEqualTo(before);
        Run replaced = importFile("yahoo", "ORCL", orcl, "--replace");
        assertThat(replaced.exit()).isZero();
        assertThat(replaced.out()).endsWith(", replacing 20 rows\n");
    }

    @Test
    void exportsAtomicallyInTheDocumentedColumns() throws Exception {
        assertThat(importFile("binance", "BTCUSDT@binance", sample("binance-klines-ms.csv"))
                        .exit())
                .isZero();
        Path out = dir.resolve("exports/btc.csv");
        Run r = run(
                "data",
                "export",
                "--workspace",
                ws().toString(),
                "--symbol",
                "BTCUSDT@binance",
                "--timeframe",
                "1m",
                "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("5 rows exported to " + out + "\n");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("timestamp,open,high,low,close,volume");
        assertThat(lines.get(1))
                .isEqualTo(
                        "2024-01-01T00:00:00Z,42283.58000000,42298.62000000,42261.02000000,42298.61000000,35.92724000");
        assertThat(lines).hasSize(6);
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }

        Run missing = run(
                "data",
                "export",
                "--workspace",
                ws().toString(),
                "--symbol",
                "NOPE",
                "--timeframe",
                "1m",
                "--out",
                dir.resolve("nope.csv").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no series NOPE@hist 1m");
        assertThat(dir.resolve("nope.csv")).doesNotExist();
    }

    @Test
    void workspaceProblemsExitWithThree() throws Exception {
        Run none = run(
                "data", "list", "--workspace", dir.resolve("absent.paperdesk").toString());
        assertThat(none.exit()).isEqualTo(PaperdeskCli.EXIT_WORKSPACE);
        Path notWs = dir.resolve("notes.paperdesk");
        Files.writeString(notWs, "just some text, not a database");
        assertThat(run("data", "list", "--workspace", notWs.toString()).exit()).isEqualTo(PaperdeskCli.EXIT_WORKSPACE);
        try (SqliteWorkspaceStore held = SqliteWorkspaceStore.open(ws())) {
            Run locked = importFile("yahoo", "ORCL", sample("yahoo-orcl.csv"));
            assertThat(locked.exit()).isEqualTo(PaperdeskCli.EXIT_WORKSPACE);
            assertThat(locked.err()).contains("already open");
            assertThat(held.bars().series()).isEmpty();
        }
    }

    @Test
    void badOptionsAreCommandLineErrors() throws Exception {
        Path f = sample("yahoo-orcl.csv");
        assertThat(importFile("excel", "X", f).exit()).isEqualTo(2);
        assertThat(importFile("generic", "X", f, "--zone", "Mars/Olympus").exit())
                .isEqualTo(2);
        assertThat(importFile("generic", "X", f, "--stamp", "middle").exit()).isEqualTo(2);
        assertThat(importFile("generic", "X", f, "--columns", "price=Close").exit())
                .isEqualTo(2);
        assertThat(importFile("generic", "X", f, "--timeframe", "7d").exit()).isEqualTo(2);
        assertThat(importFile("generic", "bad symbol!", f).exit()).isEqualTo(2);
        assertThat(importFile("ninjatrader", "X", f, "--columns", "close=Close").exit())
                .isEqualTo(2);
        assertThat(run(
                                "data",
                                "import",
                                "--workspace",
                                ws().toString(),
                                "--format",
                                "yahoo",
                                "--symbol",
                                "X",
                                dir.resolve("missing.csv").toString())
                        .exit())
                .isEqualTo(1);
        assertThat(ws()).doesNotExist();
    }

    @Test
    void helpDocumentsTheMappingOptions() {
        Run help = run("data", "import", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out())
                .contains(
                        "--columns",
                        "--delimiter",
                        "--no-header",
                        "--timestamp-format",
                        "--zone",
                        "--stamp",
                        "--date-column",
                        "--time-column",
                        "--missing-volume",
                        "--replace",
                        "--timeframe",
                        "FILE:LINE:COLUMN");
        assertThat(run("data", "--help").out()).contains("import", "list", "export");
        assertThat(run("data", "export", "--help").out()).contains("timestamp,open,high,low,close,volume");
    }

    @Test
    void listOfAnEmptyWorkspace() {
        SqliteWorkspaceStore.open(ws()).close();
        assertThat(run("data", "list", "--workspace", ws().toString()).out()).isEqualTo("no bar series\n");
        SeriesKey unused = new SeriesKey(new InstrumentId("A", "hist"), Timeframe.D1);
        assertThat(unused.toString()).isEqualTo("A@hist 1d");
    }
}
