package dev.paperdesk.desktop.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.desktop.importer.ImportViewModel.Severity;
import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.market.history.HeaderMode;
import dev.paperdesk.engine.market.history.ImportOutcome;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import dialog's logic against a real workspace file, with previews and imports run synchronously. */
class ImportViewModelTest {
    static final String YAHOO =
            """
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-01-02,105.00,106.50,104.20,105.80,105.10,1200300
            2024-01-03,105.80,107.00,105.10,106.90,106.20,1100200
            2024-01-04,106.90,107.40,106.10,106.30,105.60,900100
            2024-01-05,106.30,106.80,105.00,105.20,104.50,1300400
            2024-01-08,105.20,106.00,104.90,105.90,105.20,1000000
            """;
    static final SeriesKey ORCL_DAILY = new SeriesKey(new InstrumentId("ORCL", "hist"), Timeframe.D1);

    @TempDir
    Path dir;

    private TradingSession session;
    private ImportViewModel vm;

    @BeforeEach
    void setUp() {
        session = TradingSession.open(
                SessionConfig.simulated(dir.resolve("w.paperdesk"), Instant.parse("2026-03-02T15:00:00Z"), 1));
        vm = new ImportViewModel(session, UiExecutor.DIRECT, Runnable::run);
    }

    @AfterEach
    void tearDown() {
        vm.close();
        session.close();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private BarStore bars() {
        return session.bars().orElseThrow();
    }

    @Test
    void yahooFileIsPreviewedValidatedAndImported() throws IOException {
        Path file = write("orcl.csv", YAHOO);
        vm.formatProperty().set(BarFormat.YAHOO);
        vm.pathProperty().set(file.toString());

        assertThat(vm.symbolProperty().get()).isEqualTo("ORCL"); // proposed from the file name
        assertThat(vm.previewColumns())
                .containsExactly(
                        "Date (1)", "Open (2)", "High (3)", "Low (4)", "Close (5)", "Adj Close (6)", "Volume (7)");
        assertThat(vm.previewRows()).hasSize(5);
        assertThat(vm.previewRows().get(0).line()).isEqualTo(2);
        assertThat(vm.previewRows().get(0).cells())
                .containsExactly("2024-01-02", "105.00", "106.50", "104.20", "105.80", "105.10", "1200300");
        assertThat(vm.previewBars()).hasSize(5);
        assertThat(vm.previewBars().get(0).openTime()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(vm.previewBars().get(0).close()).isEqualByComparingTo("105.80");
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.validationProperty().get())
                .isEqualTo("5 bars of 1d from 2024-01-02 00:00:00 to 2024-01-08 00:00:00 UTC;"
                        + " ready to import into ORCL@hist 1d");
        assertThat(vm.validationSeverityProperty().get()).isEqualTo(Severity.OK);
        assertThat(bars().series()).as("a preview writes nothing").isEmpty();
        assertThat(vm.canImportBinding().get()).isTrue();

        vm.runImport();

        assertThat(vm.resultProperty().get())
                .isEqualTo("5 rows imported into ORCL@hist 1d (2024-01-02 00:00:00 to 2024-01-08 00:00:00 UTC)");
        assertThat(vm.resultSeverityProperty().get()).isEqualTo(Severity.OK);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.lastOutcomeProperty().get()).isInstanceOf(ImportOutcome.Imported.class);
        List<Bar> stored = bars().read(ORCL_DAILY, Instant.EPOCH, Instant.MAX, 100);
        assertThat(stored).hasSize(5);
        assertThat(stored.get(4).openTime()).isEqualTo(Instant.parse("2024-01-08T00:00:00Z"));
        assertThat(stored.get(4).volume()).isEqualByComparingTo("1000000");

        vm.symbolProperty().set("ORCL@nyse"); // the result described the previous inputs
        assertThat(vm.resultProperty().get()).isEmpty();
        assertThat(vm.validationProperty().get()).endsWith("ready to import into ORCL@nyse 1d");
    }

    @Test
    void badRowIsReportedWithFileLineAndColumnAndNothingIsImported() throws IOException {
        Path file = write("bad.csv", YAHOO.replace("2024-01-04,106.90,107.40", "2024-01-04,106.90,abc"));
        vm.formatProperty().set(BarFormat.YAHOO);
        vm.pathProperty().set(file.toString());
        vm.symbolProperty().set("ORCL");

        assertThat(vm.problems()).singleElement().asString().startsWith("bad.csv:4:3: ");
        assertThat(vm.validationProperty().get()).isEqualTo("1 problem: the file cannot be imported as it is");
        assertThat(vm.validationSeverityProperty().get()).isEqualTo(Severity.ERROR);
        assertThat(vm.previewRows()).hasSize(5); // raw rows still show what the file holds
        assertThat(vm.previewBars()).isEmpty();

        vm.runImport();

        assertThat(vm.resultProperty().get()).isEqualTo("Not imported: 1 problem; the workspace is unchanged");
        assertThat(vm.resultSeverityProperty().get()).isEqualTo(Severity.ERROR);
        assertThat(vm.problems()).singleElement().asString().startsWith("bad.csv:4:3: ");
        assertThat(bars().series()).isEmpty();
    }

    @Test
    void genericMappingReadsAHeaderlessSemicolonFileByPosition() throws IOException {
        Path file = write(
                "fx.txt",
                """
                1704067200000;1.1000;1.1010;1.0990;1.1005
                1704070800000;1.1005;1.1020;1.1000;1.1015
                1704074400000;1.1015;1.1016;1.0995;1.1001
                """);
        vm.pathProperty().set(file.toString());
        vm.symbolProperty().set("EURUSD@fxcm");
        assertThat(vm.formatProperty().get()).isEqualTo(BarFormat.GENERIC);
        vm.delimiterProperty().set(";");
        vm.headerProperty().set(HeaderMode.ABSENT);
        vm.columnsProperty().set("timestamp=1, open=2, high=3, low=4, close=5");
        vm.timestampFormatProperty().set("epoch-ms");
        assertThat(vm.validationSeverityProperty().get()).isEqualTo(Severity.ERROR);
        assertThat(vm.problems()).anyMatch(p -> p.startsWith("fx.txt:1:") && p.contains("volume"));

        vm.zeroMissingVolumeProperty().set(true);

        assertThat(vm.previewColumns()).containsExactly("1", "2", "3", "4", "5");
        assertThat(vm.previewRows()).hasSize(3);
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.previewBars())
                .extracting(Bar::openTime)
                .containsExactly(
                        Instant.parse("2024-01-01T00:00:00Z"),
                        Instant.parse("2024-01-01T01:00:00Z"),
                        Instant.parse("2024-01-01T02:00:00Z"));
        assertThat(vm.previewBars()).allMatch(b -> b.volume().signum() == 0);
        assertThat(vm.validationProperty().get())
                .startsWith("3 bars of 1h")
                .endsWith("ready to import into EURUSD@fxcm 1h");

        vm.stampProperty().set(dev.paperdesk.engine.market.history.StampPosition.CLOSE);
        assertThat(vm.previewBars().get(0).openTime()).isEqualTo(Instant.parse("2023-12-31T23:00:00Z"));
        vm.runImport();
        assertThat(vm.resultProperty().get()).startsWith("3 rows imported into EURUSD@fxcm 1h");
    }

    @Test
    void choosingAPresetFillsTheMappingFieldsAndBadMappingsAreExplained() throws IOException {
        vm.formatProperty().set(BarFormat.NINJATRADER);
        assertThat(vm.delimiterProperty().get()).isEqualTo(";");
        assertThat(vm.headerProperty().get()).isEqualTo(HeaderMode.ABSENT);
        assertThat(vm.timestampFormatProperty().get()).isEqualTo("yyyyMMdd[ HHmmss]");
        assertThat(vm.stampProperty().get()).isEqualTo(dev.paperdesk.engine.market.history.StampPosition.CLOSE);
        assertThat(vm.columnsProperty().get()).isEqualTo("timestamp=1, open=2, high=3, low=4, close=5, volume=6");
        vm.formatProperty().set(BarFormat.YAHOO);
        assertThat(vm.columnsProperty().get())
                .isEqualTo("timestamp=Date, open=Open, high=High, low=Low, close=Close, volume=Volume");
        assertThat(vm.headerProperty().get()).isEqualTo(HeaderMode.PRESENT);

        vm.pathProperty().set(write("orcl.csv", YAHOO).toString());
        vm.headerProperty().set(HeaderMode.ABSENT); // named columns need a header
        assertThat(vm.validationProperty().get())
                .isEqualTo("Mapping: columns can only be named when the file has a header; use positions");
        assertThat(vm.canImportBinding().get()).isFalse();
        vm.headerProperty().set(HeaderMode.PRESENT);
        vm.zoneProperty().set("Mars/Olympus");
        assertThat(vm.validationProperty().get()).startsWith("Mapping: unknown time zone 'Mars/Olympus'");
        vm.zoneProperty().set("America/New_York");
        assertThat(vm.previewBars().get(0).openTime()).isEqualTo(Instant.parse("2024-01-02T05:00:00Z"));
        vm.columnsProperty().set("closing=5");
        assertThat(vm.validationProperty().get()).startsWith("Mapping: unknown column key 'closing'");
        vm.columnsProperty().set("");
        vm.symbolProperty().set("");
        assertThat(vm.validationProperty().get()).endsWith("; Enter a symbol");
        assertThat(vm.validationSeverityProperty().get()).isEqualTo(Severity.WARNING);
        assertThat(vm.canImportBinding().get()).isFalse();
        vm.pathProperty().set(dir.resolve("missing.csv").toString());
        assertThat(vm.validationProperty().get()).startsWith("No such file: ");
    }

    @Test
    void overlappingImportIsRefusedUnlessReplaceIsTicked() throws IOException {
        Path file = write("orcl.csv", YAHOO);
        vm.formatProperty().set(BarFormat.YAHOO);
        vm.pathProperty().set(file.toString());
        vm.runImport();
        assertThat(bars().info(ORCL_DAILY)).isPresent();

        vm.preview();
        assertThat(vm.validationProperty().get())
                .contains("already holds bars from 2024-01-02 00:00:00")
                .endsWith("tick Replace to overwrite them");
        assertThat(vm.validationSeverityProperty().get()).isEqualTo(Severity.WARNING);
        vm.runImport();
        assertThat(vm.resultProperty().get()).startsWith("Not imported: series ORCL@hist 1d already holds bars");
        assertThat(vm.lastOutcomeProperty().get()).isInstanceOf(ImportOutcome.Conflict.class);

        vm.replaceProperty().set(true);
        assertThat(vm.validationProperty().get()).endsWith("ready to replace the 5 bars of ORCL@hist 1d");
        vm.runImport();
        assertThat(vm.resultProperty().get()).endsWith(", replacing 5 rows");
        assertThat(bars().info(ORCL_DAILY).orElseThrow().rows()).isEqualTo(5);
    }

    @Test
    void cancelledImportWritesNothing() throws IOException {
        List<Runnable> queued = new ArrayList<>();
        ImportViewModel held = new ImportViewModel(session, UiExecutor.DIRECT, task -> queued.add(task));
        held.formatProperty().set(BarFormat.YAHOO);
        held.pathProperty().set(write("orcl.csv", YAHOO).toString());
        queued.clear(); // previews nobody waits for

        held.runImport();
        assertThat(held.runningProperty().get()).isTrue();
        assertThat(held.canImportBinding().get()).isFalse();
        assertThat(held.resultProperty().get()).isEqualTo("Importing orcl.csv \u2026");
        held.cancel();
        queued.forEach(Runnable::run);

        assertThat(held.runningProperty().get()).isFalse();
        assertThat(held.resultProperty().get()).isEqualTo("Import cancelled; nothing was imported");
        assertThat(held.resultSeverityProperty().get()).isEqualTo(Severity.WARNING);
        assertThat(bars().series()).isEmpty();
        held.close();
    }

    @Test
    void inMemoryWorkspaceCannotKeepBars() throws IOException {
        try (TradingSession memory =
                        TradingSession.open(SessionConfig.simulated(null, Instant.parse("2026-03-02T15:00:00Z"), 1));
                ImportViewModel inMemory = new ImportViewModel(memory, UiExecutor.DIRECT, Runnable::run)) {
            inMemory.formatProperty().set(BarFormat.YAHOO);
            inMemory.pathProperty().set(write("orcl.csv", YAHOO).toString());
            assertThat(inMemory.workspaceKeepsBars()).isFalse();
            assertThat(inMemory.previewBars()).hasSize(5);
            assertThat(inMemory.validationProperty().get())
                    .endsWith("this workspace is in memory and cannot keep bars");
            assertThat(inMemory.canImportBinding().get()).isFalse();
        }
    }

    @Test
    void rawPreviewSplitsQuotedCellsAndDetectsHeaders() throws IOException {
        Path file = write("q.csv", "\uFEFFtime,\"note, with comma\",close\n\n1,\"say \"\"hi\"\"\",2\n");
        CsvPreview p = CsvPreview.read(file, ',', HeaderMode.DETECT, 20);
        assertThat(p.columns()).containsExactly("time (1)", "note, with comma (2)", "close (3)");
        assertThat(p.rows()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.cells()).containsExactly("1", "say \"hi\"", "2");
            assertThat(r.cell(7)).isEmpty();
        });
        assertThat(CsvPreview.read(file, ',', HeaderMode.ABSENT, 20).rows()).hasSize(2);
        assertThat(ImportViewModel.parseDelimiter("tab")).isEqualTo('\t');
        assertThat(ImportViewModel.parseDelimiter(";")).isEqualTo(';');
    }

    @Test
    void progressIsReportedInWholePercentsUpToTheEnd() throws IOException {
        StringBuilder text = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
        Instant day = Instant.parse("2000-01-01T00:00:00Z");
        for (int i = 0; i < 2000; i++) {
            text.append(day.plusSeconds(86400L * i).toString(), 0, 10).append(",10,11,9,10.5,100\n");
        }
        Path file = write("long.csv", text.toString());
        List<Double> seen = new ArrayList<>();
        try (var in = new ProgressInputStream(Files.newInputStream(file), Files.size(file), () -> false, seen::add)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(seen).isSorted().doesNotHaveDuplicates().last().isEqualTo(1.0);
        assertThat(seen.size()).isBetween(2, 101);
        assertThat(BigDecimal.valueOf(seen.get(0))).isLessThan(BigDecimal.ONE);
    }
}
