package dev.paperdesk.desktop.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.desktop.analytics.InlineExecutor;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.backtest.BacktestArchive;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestViewModelTest {
    @TempDir
    Path dir;

    private TradingSession session;
    private BacktestViewModel vm;

    @BeforeEach
    void open() {
        session = TradingSession.open(
                SessionConfig.simulated(dir.resolve("bt.paperdesk"), Instant.parse("2026-03-02T15:00:00Z"), 1));
        vm = new BacktestViewModel(session, UiExecutor.DIRECT, new InlineExecutor());
    }

    @AfterEach
    void close() {
        vm.close();
        session.close();
    }

    @Test
    void choosingAFileSetsTheRangeToItsFirstAndLastDates() throws Exception {
        Path csv = Files.writeString(dir.resolve("acme.csv"), BacktestFlowTest.yahoo(40));
        vm.csvPathProperty().set(csv.toString());

        assertThat(vm.dataFirstProperty().get()).isEqualTo(LocalDate.of(2021, 1, 4));
        assertThat(vm.dataLastProperty().get()).isEqualTo(LocalDate.of(2021, 2, 26));
        assertThat(vm.fromProperty().get()).isEqualTo(vm.dataFirstProperty().get());
        assertThat(vm.toProperty().get()).isEqualTo(vm.dataLastProperty().get());
        assertThat(vm.rangeProblemProperty().get()).isEmpty();

        // a path that is no file (yet) leaves the range open instead of complaining mid-typing
        vm.csvPathProperty().set(csv + ".missing");
        assertThat(vm.fromProperty().get()).isNull();
        assertThat(vm.dataLastProperty().get()).isNull();
    }

    @Test
    void aRangeMustBeOrderedAndInsideTheData() {
        LocalDate first = LocalDate.of(2021, 1, 4);
        LocalDate last = LocalDate.of(2021, 2, 26);
        assertThat(BacktestViewModel.rangeProblem(first, last, first, last)).isEmpty();
        assertThat(BacktestViewModel.rangeProblem(null, null, first, last)).isEmpty();
        assertThat(BacktestViewModel.rangeProblem(LocalDate.of(2021, 2, 1), LocalDate.of(2021, 1, 31), first, last))
                .isEqualTo("From 2021-02-01 is after To 2021-01-31.");
        assertThat(BacktestViewModel.rangeProblem(LocalDate.of(2020, 12, 31), last, first, last))
                .isEqualTo("From 2020-12-31 is before the data's first bar (2021-01-04).");
        assertThat(BacktestViewModel.rangeProblem(first, LocalDate.of(2021, 3, 1), first, last))
                .isEqualTo("To 2021-03-01 is after the data's last bar (2021-02-26).");
        assertThat(BacktestViewModel.rangeProblem(LocalDate.of(2021, 3, 1), null, first, last))
                .isEqualTo("From 2021-03-01 is after the data's last bar (2021-02-26).");
        assertThat(BacktestViewModel.rangeProblem(null, LocalDate.of(2020, 6, 1), first, last))
                .isEqualTo("To 2020-06-01 is before the data's first bar (2021-01-04).");
        // unknown data: only the order is checked
        assertThat(BacktestViewModel.rangeProblem(LocalDate.of(1990, 1, 1), LocalDate.of(2090, 1, 1), null, null))
                .isEmpty();
    }

    @Test
    void aRunTradesOnlyTheRangeAndSavesIt() throws Exception {
        Path csv = Files.writeString(dir.resolve("acme.csv"), BacktestFlowTest.yahoo(120));
        vm.csvPathProperty().set(csv.toString());
        vm.fromProperty().set(LocalDate.of(2021, 3, 1));
        vm.toProperty().set(LocalDate.of(2021, 4, 30));

        vm.run();

        var r = vm.resultProperty().get();
        assertThat(r).as(vm.statusProperty().get()).isNotNull();
        assertThat(r.config().from()).isEqualTo(Instant.parse("2021-03-01T00:00:00Z"));
        assertThat(r.config().to()).isEqualTo(Instant.parse("2021-05-01T00:00:00Z"));
        assertThat(r.timing().bars()).isEqualTo(23 + 22); // weekdays of March and April 2021
        assertThat(vm.assumptions().get(0)).isEqualTo("Range: 2021-03-01 to 2021-04-30 (UTC)");
        assertThat(vm.assumptions().get(1)).isEqualTo("Warm-up: 40 earlier bars, indicators only");
        // the status names the warm-up, so it reads with the progress line's count of every bar replayed
        assertThat(vm.statusProperty().get()).startsWith("Done. 45 bars after 40 warm-up in ");
        var saved = BacktestArchive.load(
                        session.backtests().orElseThrow(), vm.savedIdProperty().get())
                .orElseThrow();
        assertThat(saved.config().from()).isEqualTo(r.config().from());
        assertThat(saved.config().to()).isEqualTo(r.config().to());
    }

    @Test
    void aStrategyThatNeverTradesSaysWhyInTheStatus() throws Exception {
        Path csv = Files.writeString(dir.resolve("acme.csv"), BacktestFlowTest.yahoo(120));
        vm.csvPathProperty().set(csv.toString());
        vm.strategyProperty().set("builtin:volume-breakout");

        vm.run();

        assertThat(vm.resultProperty().get()).as(vm.statusProperty().get()).isNotNull();
        assertThat(vm.resultProperty().get().trades()).isEmpty();
        assertThat(vm.statusProperty().get())
                .startsWith("Done. ")
                .contains(". Strategy warning: rule 'breakout' never acted: on the ")
                .endsWith("(those bars close at 00:00 UTC; a time window needs bars that close inside it)");
        assertThat(BacktestViewModel.warningLine(
                        java.util.List.of("2021-01-05T00:00:00Z WARN first", "2021-01-06T00:00:00Z ERROR second")))
                .isEqualTo(". 2 strategy warnings, the last: second");
    }

    @Test
    void theLotSizeLetsACsvInstrumentTradeFractions() throws Exception {
        Path csv = Files.writeString(dir.resolve("acme.csv"), BacktestFlowTest.yahoo(120));
        Path yaml = Files.writeString(
                dir.resolve("small.yaml"),
                """
                name: small
                instruments: [X@hist]
                timeframe: 1d
                rules:
                  - name: in
                    when: [{above: [close, 0]}, {position: flat}]
                    then: {action: buy, size: {amount: 10, step: 0.001}}
                """);
        vm.csvPathProperty().set(csv.toString());
        vm.strategyProperty().set(yaml.toString());

        // whole units by default: 10 USD buys none, and the status says why
        vm.run();
        assertThat(vm.resultProperty().get()).as(vm.statusProperty().get()).isNotNull();
        assertThat(vm.resultProperty().get().fills()).isEmpty();
        assertThat(vm.statusProperty().get())
                .contains("its size rounded to zero")
                .contains("less than one lot of 1");

        vm.lotProperty().set("0.001");
        vm.run();
        assertThat(vm.resultProperty().get().fills()).isNotEmpty().allSatisfy(f -> assertThat(f.quantity())
                .isLessThan(java.math.BigDecimal.ONE)
                .isPositive());
        assertThat(vm.statusProperty().get()).doesNotContain("rounded to zero");
        assertThat(vm.assumptions()).contains("Traded: ACME@hist in lots of 0.001");
        // the file the run read, for a Monte Carlo perturbation of it
        assertThat(vm.lastRunCsv())
                .contains(new BacktestViewModel.CsvData(
                        csv.toString(), dev.paperdesk.engine.market.history.BarFormat.YAHOO));

        vm.lotProperty().set("x");
        vm.run();
        assertThat(vm.statusProperty().get()).contains("lot size: not a number: 'x'");
    }

    @Test
    void aFileThePresetsDoNotFitPointsToTheImportDialog() throws Exception {
        Path csv = Files.writeString(
                dir.resolve("fx.csv"), "timestamp,open,high,low,close\n2012-02-01 00:00:00,1.5,1.6,1.4,1.55\n");
        vm.csvPathProperty().set(csv.toString());
        vm.formatProperty().set(dev.paperdesk.engine.market.history.BarFormat.GENERIC);

        vm.run();

        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.statusProperty().get())
                .contains("fx.csv:1:1: no volume column")
                .endsWith("can be imported with File \u2192 Import historical data\u2026 and backtested as a"
                        + " workspace series.");
    }

    @Test
    void theProgressLineCountsEveryBarReplayedAndSaysHowManyAreWarmUp() {
        var halfWay = new dev.paperdesk.engine.backtest.BacktestProgress(
                130, 260, Instant.parse("2021-06-01T00:00:00Z"), java.time.Duration.ofMillis(1500));
        assertThat(BacktestViewModel.progressLine(halfWay, 63)).isEqualTo("130 of 260 bars (63 warm-up), ETA 1.5 s");
        assertThat(BacktestViewModel.progressLine(halfWay, 0)).isEqualTo("130 of 260 bars, ETA 1.5 s");
    }

    @Test
    void aRangeOutsideTheDataIsRefusedBeforeRunning() throws Exception {
        Path csv = Files.writeString(dir.resolve("acme.csv"), BacktestFlowTest.yahoo(40));
        vm.csvPathProperty().set(csv.toString());
        vm.toProperty().set(LocalDate.of(2021, 12, 31));

        vm.run();

        assertThat(vm.statusProperty().get()).isEqualTo("To 2021-12-31 is after the data's last bar (2021-02-26).");
        assertThat(vm.resultProperty().get()).isNull();
        assertThatThrownBy(() -> BacktestViewModel.window(
                        dev.paperdesk.engine.backtest.BacktestData.fromCsv(
                                "ACME", csv, dev.paperdesk.engine.market.history.BarFormat.YAHOO),
                        LocalDate.of(2022, 1, 1),
                        null))
                .hasMessage("From 2022-01-01 is after the data's last bar (2021-02-26).");
    }
}
