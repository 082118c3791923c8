package dev.paperdesk.engine.market.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import dev.paperdesk.engine.store.BarStore.WriteMode;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarImporterTest {
    private static final InstrumentId X = new InstrumentId("X", "hist");

    @TempDir
    Path dir;

    private SqliteWorkspaceStore workspace;
    private BarStore store;

    @BeforeEach
    void open() {
        workspace = SqliteWorkspaceStore.open(dir.resolve("w.paperdesk"));
        store = workspace.bars();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private ImportOutcome.Imported imported(ImportOutcome outcome) {
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
        return (ImportOutcome.Imported) outcome;
    }

    private ImportOutcome importFile(String sample, CsvBarMapping mapping, Timeframe tf) {
        return new BarImporter(store)
                .importFile(
                        HistoryFixtures.sample(dir, sample),
                        new ImportRequest(mapping, X, tf, WriteMode.REFUSE_OVERLAP));
    }

    private ImportOutcome importText(String csv, CsvBarMapping mapping, Timeframe tf) {
        return new BarImporter(store)
                .importCsv(new StringReader(csv), "t.csv", new ImportRequest(mapping, X, tf, WriteMode.REFUSE_OVERLAP));
    }

    private List<Bar> bars(Timeframe tf) {
        return store.read(new SeriesKey(X, tf), Instant.MIN, Instant.MAX, 1_000_000);
    }

    private static List<String> problems(ImportOutcome outcome) {
        assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
        return ((ImportOutcome.Rejected) outcome)
                .problems().stream().map(ImportProblem::toString).toList();
    }

    // ------------------------------------------------------------------------------ presets

    @Test
    void yahooDailyFileImportsAsOneDayBarsIgnoringAdjClose() {
        ImportOutcome.Imported i = imported(importFile("yahoo-orcl.csv", BarFormat.YAHOO.mapping(), null));
        assertThat(i.rows()).isEqualTo(20);
        assertThat(i.key()).isEqualTo(new SeriesKey(X, Timeframe.D1));
        assertThat(i.first()).isEqualTo(Instant.parse("1995-01-03T00:00:00Z"));
        Bar first = bars(Timeframe.D1).get(0);
        // 1995-01-03,2.179012,2.191358,2.117284,2.117284,1.883304,36301200
        assertThat(first.open()).isEqualTo(new BigDecimal("2.179012"));
        assertThat(first.high()).isEqualTo(new BigDecimal("2.191358"));
        assertThat(first.low()).isEqualTo(new BigDecimal("2.117284"));
        assertThat(first.close()).isEqualTo(new BigDecimal("2.117284"));
        assertThat(first.volume()).isEqualTo(new BigDecimal("36301200"));
    }

    @Test
    void yahooFallsBackToDailyWhenASingleRowCannotRevealTheTimeframe() {
        String csv = "Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,1,2,0.5,1.5,1.4,10\n";
        assertThat(imported(importText(csv, BarFormat.YAHOO.mapping(), null))
                        .key()
                        .timeframe())
                .isEqualTo(Timeframe.D1);
    }

    @Test
    void yahooDatesCanStartTheDayInTheExchangeZone() {
        CsvBarMapping ny = BarFormat.YAHOO.mapping().withZone(ZoneId.of("America/New_York"));
        ImportOutcome.Imported i = imported(importFile("yahoo-orcl.csv", ny, null));
        assertThat(i.first()).isEqualTo(Instant.parse("1995-01-03T05:00:00Z"));
    }

    @Test
    void binanceMillisecondKlinesWithoutHeader() {
        ImportOutcome.Imported i = imported(importFile("binance-klines-ms.csv", BarFormat.BINANCE.mapping(), null));
        assertThat(i.rows()).isEqualTo(5);
        assertThat(i.key().timeframe()).isEqualTo(Timeframe.M1);
        assertThat(i.first()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(i.last()).isEqualTo(Instant.parse("2024-01-01T00:04:00Z"));
        Bar b = bars(Timeframe.M1).get(0);
        assertThat(b.close()).isEqualTo(new BigDecimal("42298.61000000"));
        assertThat(b.volume()).isEqualTo(new BigDecimal("35.92724000"));
    }

    @Test
    void binanceMicrosecondKlinesWithHeader() {
        ImportOutcome.Imported i =
                imported(importFile("binance-klines-us-header.csv", BarFormat.BINANCE.mapping(), null));
        assertThat(i.rows()).isEqualTo(3);
        assertThat(i.key().timeframe()).isEqualTo(Timeframe.H1);
        assertThat(i.first()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void ninjaTraderMinuteBarsAreStampedAtTheirClose() {
        ImportOutcome.Imported i = imported(importFile("ninjatrader-es-1m.txt", BarFormat.NINJATRADER.mapping(), null));
        assertThat(i.rows()).isEqualTo(4);
        assertThat(i.key().timeframe()).isEqualTo(Timeframe.M1);
        // 20240102 093100 closes the bar that opened at 09:30.
        assertThat(i.first()).isEqualTo(Instant.parse("2024-01-02T09:30:00Z"));
        assertThat(bars(Timeframe.M1).get(0).open()).isEqualTo(new BigDecimal("4768.25"));
    }

    @Test
    void ninjaTraderDailyDatesNameTheirOwnDay() {
        ImportOutcome.Imported i =
                imported(importFile("ninjatrader-es-daily.txt", BarFormat.NINJATRADER.mapping(), null));
        assertThat(i.key().timeframe()).isEqualTo(Timeframe.D1);
        assertThat(i.first()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
    }

    @Test
    void genericSplitDateAndTimeColumnsAreFoundByName() {
        CsvBarMapping m = BarFormat.GENERIC.mapping().withStamp(StampPosition.CLOSE);
        ImportOutcome.Imported i = imported(importFile("backtrader-5min.txt", m, null));
        assertThat(i.rows()).isEqualTo(24);
        assertThat(i.key().timeframe()).isEqualTo(Timeframe.M5);
        assertThat(i.first()).isEqualTo(Instant.parse("2006-01-02T09:00:00Z"));
    }

    @Test
    void genericWithoutVolumeNeedsTheMappingToSaySoAndThenStoresZero() {
        List<String> p = problems(importFile("fxcm-gbpusd-m1-bid.csv", BarFormat.GENERIC.mapping(), null));
        assertThat(p).singleElement().asString().contains("fxcm-gbpusd-m1-bid.csv:1:1: no volume column");
        ImportOutcome.Imported i = imported(new BarImporter(store)
                .importFile(
                        dir.resolve("fxcm-gbpusd-m1-bid.csv"),
                        new ImportRequest(
                                BarFormat.GENERIC.mapping().withZeroMissingVolume(true),
                                X,
                                null,
                                WriteMode.REFUSE_OVERLAP)));
        assertThat(i.rows()).isEqualTo(15);
        assertThat(bars(Timeframe.M1)).allSatisfy(b -> assertThat(b.volume()).isZero());
        assertThat(bars(Timeframe.M1).get(0).close()).isEqualTo(new BigDecimal("1.57576"));
    }

    @Test
    void genericReadsFractionalSecondStampsAndIsoZuluStamps() {
        assertThat(imported(importFile("btc-perp-1m.csv", BarFormat.GENERIC.mapping(), null))
                        .rows())
                .isEqualTo(15);
        ImportOutcome.Imported i = imported(importFile("coinbase-btcusd-4h.csv", BarFormat.GENERIC.mapping(), null));
        assertThat(i.rows()).isEqualTo(12);
        assertThat(i.key().timeframe()).isEqualTo(Timeframe.H4);
        assertThat(i.first()).isEqualTo(Instant.parse("2016-05-18T04:00:00Z"));
    }

    @Test
    void genericPositionsWithoutHeaderEpochSecondsAndSemicolons() {
        CsvBarMapping m = BarFormat.GENERIC
                .mapping()
                .withHeader(HeaderMode.ABSENT)
                .withDelimiter(';')
                .withColumns(Map.of(
                        BarField.TIMESTAMP, new ColumnRef.ByPosition(6),
                        BarField.OPEN, new ColumnRef.ByPosition(1),
                        BarField.HIGH, new ColumnRef.ByPosition(2),
                        BarField.LOW, new ColumnRef.ByPosition(3),
                        BarField.CLOSE, new ColumnRef.ByPosition(4),
                        BarField.VOLUME, new ColumnRef.ByPosition(5)))
                .withTimestampFormat(new TimestampFormat.Epoch(TimestampFormat.EpochUnit.SECONDS));
        String csv = "1;2;0.5;1.5;100;1704067200\n1.5;1.75;1.25;1.5;50;1704070800\n";
        ImportOutcome.Imported i = imported(importText(csv, m, null));
        assertThat(i.key().timeframe()).isEqualTo(Timeframe.H1);
        assertThat(bars(Timeframe.H1).get(1).volume()).isEqualTo(new BigDecimal("50"));
    }

    @Test
    void genericNamedColumnsCustomPatternAndZone() {
        CsvBarMapping m = BarFormat.GENERIC
                .mapping()
                .withColumnOverrides(Map.of(
                        BarField.TIMESTAMP, new ColumnRef.ByName("When"),
                        BarField.CLOSE, new ColumnRef.ByName("Last Price")))
                .withTimestampFormat(new TimestampFormat.Pattern("dd/MM/yyyy HH:mm"))
                .withZone(ZoneId.of("Europe/Paris"));
        String csv =
                "When,Open,High,Low,Last Price,Vol\n02/01/2024 10:00,1,2,0.5,1.5,7\n02/01/2024 10:15,1,2,0.5,1.5,8\n";
        ImportOutcome.Imported i = imported(importText(csv, m, null));
        assertThat(i.key().timeframe()).isEqualTo(Timeframe.M15);
        assertThat(i.first()).isEqualTo(Instant.parse("2024-01-02T09:00:00Z"));
        assertThat(bars(Timeframe.M15).get(0).volume()).isEqualTo(new BigDecimal("7"));
    }

    @Test
    void anExplicitTimeframeWinsOverTheStamps() {
        String csv = "timestamp,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,1,1,1,0\n";
        assertThat(imported(importText(csv, CsvBarMapping.generic(), Timeframe.H4))
                        .key()
                        .timeframe())
                .isEqualTo(Timeframe.H4);
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() {
        String csv = "\uFEFFtimestamp,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,1,1,1,0\n";
        assertThat(imported(importText(csv, CsvBarMapping.generic(), Timeframe.D1))
                        .rows())
                .isEqualTo(1);
    }

    @Test
    void theMostFrequentGapDecidesTheTimeframeDespiteHoles() {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 30; i++) {
            csv.append(t).append(",1,1,1,1,1\n");
            t = t.plusSeconds(i % 5 == 4 ? 3600 : 300); // an hour-long hole every fifth bar
        }
        assertThat(imported(importText(csv.toString(), CsvBarMapping.generic(), null))
                        .key()
                        .timeframe())
                .isEqualTo(Timeframe.M5);
    }

    // --------------------------------------------------------------------------- validation

    private static final String HEADER = "timestamp,open,high,low,close,volume\n";

    private List<String> rejectedText(String rows) {
        return problems(importText(HEADER + rows, CsvBarMapping.generic(), Timeframe.D1));
    }

    @Test
    void reportsMissingFieldsByColumn() {
        assertThat(rejectedText("2024-01-01,1,,1,1,1\n2024-01-02,1,1,1\n"))
                .containsExactly(
                        "t.csv:2:3: high is missing",
                        "t.csv:3:5: close is missing (the row has 4 fields)",
                        "t.csv:3:6: volume is missing (the row has 4 fields)");
    }

    @Test
    void reportsNonNumericNumbers() {
        assertThat(rejectedText("2024-01-01,1,1,1,1,1\n2024-01-02,1,1.2.3,1,1,1e\n"))
                .containsExactly("t.csv:3:3: high is not a number: '1.2.3'", "t.csv:3:6: volume is not a number: '1e'");
    }

    @Test
    void reportsUnreadableAndOutOfRangeStamps() {
        assertThat(rejectedText("2024-01-32,1,1,1,1,1\n2300-01-01,1,1,1,1,1\n,1,1,1,1,1\n"))
                .containsExactly(
                        "t.csv:2:1: timestamp '2024-01-32' does not match ISO-8601 (yyyy-MM-dd[ HH:mm[:ss[.f]]][Z|±HH:MM])",
                        "t.csv:3:1: timestamp '2300-01-01' is out of range",
                        "t.csv:4:1: timestamp is missing");
    }

    @Test
    void reportsInconsistentOhlc() {
        assertThat(rejectedText("2024-01-01,10,9,8,10.5,1\n2024-01-02,10,11,10.5,10.2,1\n"
                        + "2024-01-03,10,9,9.5,9.8,1\n2024-01-04,10,11,9.9,9.8,1\n"))
                .containsExactly(
                        "t.csv:2:3: high 9 is below close 10.5",
                        "t.csv:3:4: low 10.5 is above open 10",
                        "t.csv:4:3: high 9 is below low 9.5",
                        "t.csv:4:3: high 9 is below open 10",
                        "t.csv:5:4: low 9.9 is above close 9.8");
    }

    @Test
    void reportsDuplicatesAndStampsOutOfOrder() {
        assertThat(rejectedText(
                        "2024-01-02,1,1,1,1,1\n2024-01-02,1,1,1,1,1\n2024-01-01,1,1,1,1,1\n2024-01-03,1,1,1,1,1\n"))
                .containsExactly(
                        "t.csv:3:1: duplicate timestamp 2024-01-02T00:00:00Z (also on line 2)",
                        "t.csv:4:1: timestamp 2024-01-01T00:00:00Z is earlier than 2024-01-02T00:00:00Z on line 2"
                                + " (timestamps must increase)");
    }

    @Test
    void reportsNegativeVolume() {
        assertThat(rejectedText("2024-01-01,1,1,1,1,-3\n")).containsExactly("t.csv:2:6: volume is negative: -3");
    }

    @Test
    void reportsFileLevelProblems() {
        assertThat(problems(importText("", CsvBarMapping.generic(), Timeframe.D1)))
                .containsExactly("t.csv:1:1: the file is empty");
        assertThat(problems(importText(HEADER, CsvBarMapping.generic(), Timeframe.D1)))
                .containsExactly("t.csv:1:1: the file holds no bars");
        assertThat(problems(importText("when,o,h,l,c\n2024-01-01,1,1,1,1\n", CsvBarMapping.generic(), null)))
                .containsExactly(
                        "t.csv:1:1: no timestamp column in the header [when, o, h, l, c];"
                                + " map one (timestamp=NAME or date=…,time=…)",
                        "t.csv:1:1: no volume column in the header [when, o, h, l, c];"
                                + " map one (volume=…) or let a missing volume count as 0");
        assertThat(problems(
                        importText("Date,Open,High,Low,Close\n2024-01-01,1,1,1,1\n", BarFormat.YAHOO.mapping(), null)))
                .containsExactly(
                        "t.csv:1:1: no column named 'Volume' for volume in the header [Date, Open, High, Low, Close]");
        assertThat(problems(importText(
                        HEADER + "2024-01-01,1,1,1,1,1\n2024-01-08,1,1,1,1,1\n", CsvBarMapping.generic(), null)))
                .singleElement()
                .asString()
                .startsWith("t.csv:2:1: cannot tell the timeframe: the most frequent gap between bars is PT168H");
        assertThat(problems(importText(HEADER + "2024-01-01,\"1,1,1,1,1\n", CsvBarMapping.generic(), Timeframe.D1)))
                .singleElement()
                .asString()
                .contains("unreadable CSV");
    }

    @Test
    void reportsEveryProblemOfTheFileButListsAtMostTheCap() {
        StringBuilder rows = new StringBuilder();
        for (int d = 1; d <= 150; d++) {
            rows.append(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * d))
                    .append(",1,1,1,1,-1\n");
        }
        ImportOutcome outcome = new BarImporter(store, 100)
                .importCsv(
                        new StringReader(HEADER + rows),
                        "t.csv",
                        new ImportRequest(CsvBarMapping.generic(), X, Timeframe.D1, WriteMode.REFUSE_OVERLAP));
        ImportOutcome.Rejected r = (ImportOutcome.Rejected) outcome;
        assertThat(r.problems()).hasSize(100);
        assertThat(r.omitted()).isEqualTo(50);
        assertThat(r.total()).isEqualTo(150);
        assertThat(r.problems().get(99).line()).isEqualTo(101);
    }

    // ------------------------------------------------------------------------ all or nothing

    private static String dailyRows(Instant start, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(start.plusSeconds(86_400L * i))
                    .append(",100,101,99,100.5,")
                    .append(i)
                    .append('\n');
        }
        return sb.toString();
    }

    @Test
    void aBadRowAfterThousandsOfGoodOnesLeavesTheWorkspaceAsItWas() {
        Instant start = Instant.parse("1990-01-01T00:00:00Z");
        imported(importText(HEADER + dailyRows(start, 100), CsvBarMapping.generic(), Timeframe.D1));
        importText(HEADER + dailyRows(start, 50), CsvBarMapping.generic().withZeroMissingVolume(true), Timeframe.H1);
        var before = HistoryFixtures.snapshot(store);
        assertThat(before).hasSize(2);

        // 10,000 good rows (several insert batches) and one bad row at the very end, into a new series.
        String bad = HEADER + dailyRows(Instant.parse("2000-01-01T00:00:00Z"), 10_000) + "2100-01-01,1,1,2,1,1\n";
        List<String> p = problems(new BarImporter(store)
                .importCsv(
                        new StringReader(bad),
                        "bad.csv",
                        new ImportRequest(
                                CsvBarMapping.generic(),
                                new InstrumentId("Y", "hist"),
                                null,
                                WriteMode.REFUSE_OVERLAP)));
        assertThat(p)
                .containsExactly("bad.csv:10002:3: high 1 is below low 2", "bad.csv:10002:4: low 2 is above open 1");
        assertThat(HistoryFixtures.snapshot(store)).isEqualTo(before);

        // The same into the existing series with REPLACE: the delete is rolled back too.
        problems(new BarImporter(store)
                .importCsv(
                        new StringReader(bad),
                        "bad.csv",
                        new ImportRequest(CsvBarMapping.generic(), X, Timeframe.D1, WriteMode.REPLACE)));
        assertThat(HistoryFixtures.snapshot(store)).isEqualTo(before);
    }

    @Test
    void overlappingAnExistingSeriesIsRefusedUnlessReplacing() {
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        imported(importText(HEADER + dailyRows(start, 10), CsvBarMapping.generic(), Timeframe.D1));
        var before = HistoryFixtures.snapshot(store);

        ImportOutcome clash = importText(
                HEADER + dailyRows(start.plusSeconds(86_400L * 9), 5), CsvBarMapping.generic(), Timeframe.D1);
        assertThat(clash).isInstanceOf(ImportOutcome.Conflict.class);
        assertThat(((ImportOutcome.Conflict) clash).message())
                .contains("already holds bars from 2020-01-01T00:00:00Z to 2020-01-10T00:00:00Z");
        assertThat(HistoryFixtures.snapshot(store)).isEqualTo(before);

        // Appending after the stored range is fine.
        imported(importText(
                HEADER + dailyRows(start.plusSeconds(86_400L * 10), 5), CsvBarMapping.generic(), Timeframe.D1));
        assertThat(store.info(new SeriesKey(X, Timeframe.D1)).orElseThrow().rows())
                .isEqualTo(15);

        ImportOutcome.Imported replaced = imported(new BarImporter(store)
                .importCsv(
                        new StringReader(HEADER + dailyRows(start.plusSeconds(86_400L * 3), 2)),
                        "t.csv",
                        new ImportRequest(CsvBarMapping.generic(), X, Timeframe.D1, WriteMode.REPLACE)));
        assertThat(replaced.replacedRows()).isEqualTo(15);
        var info = store.info(new SeriesKey(X, Timeframe.D1)).orElseThrow();
        assertThat(info.rows()).isEqualTo(2);
        assertThat(info.first()).isEqualTo(start.plusSeconds(86_400L * 3));
    }

    @Test
    void exportThenImportRoundTripsExactly() {
        imported(importFile("binance-klines-ms.csv", BarFormat.BINANCE.mapping(), null));
        Path out = dir.resolve("out/x.csv");
        long n = new BarCsvExporter(store).export(new SeriesKey(X, Timeframe.M1), out);
        assertThat(n).isEqualTo(5);
        List<Bar> original = bars(Timeframe.M1);
        InstrumentId copy = new InstrumentId("COPY", "hist");
        ImportOutcome again = new BarImporter(store)
                .importFile(out, new ImportRequest(CsvBarMapping.generic(), copy, null, WriteMode.REFUSE_OVERLAP));
        assertThat(again).isInstanceOf(ImportOutcome.Imported.class);
        List<Bar> copied = store.read(new SeriesKey(copy, Timeframe.M1), Instant.MIN, Instant.MAX, 100);
        assertThat(copied).hasSize(5);
        for (int i = 0; i < 5; i++) {
            Bar a = original.get(i);
            Bar b = copied.get(i);
            assertThat(List.of(b.openTime(), b.open(), b.high(), b.low(), b.close(), b.volume()))
                    .isEqualTo(List.of(a.openTime(), a.open(), a.high(), a.low(), a.close(), a.volume()));
        }
    }
}
