package dev.paperdesk.desktop.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.analytics.InlineExecutor;
import dev.paperdesk.desktop.analytics.QuantFixtures;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.desktop.golive.GoLiveCriteriaForm;
import dev.paperdesk.engine.optimize.GoLiveChecklist;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizationViewModelTest {
    @TempDir
    Path dir;

    private TradingSession session;
    private OptimizationViewModel vm;

    @BeforeEach
    void open() {
        session = TradingSession.open(
                SessionConfig.simulated(dir.resolve("o.paperdesk"), Instant.parse("2026-03-02T15:00:00Z"), 3));
        vm = new OptimizationViewModel(session, UiExecutor.DIRECT, new InlineExecutor());
    }

    @AfterEach
    void close() {
        vm.close();
        session.close();
    }

    private OptimizationViewModel.RangeRow row(String name) {
        return vm.ranges().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theStrategysDeclaredParametersFillTheRanges() {
        assertThat(vm.ranges()).extracting(OptimizationViewModel.RangeRow::name).containsExactly("fast", "slow", "qty");
        assertThat(row("fast").fromProperty().get()).isEqualTo("10");
        assertThat(row("fast").declared()).contains("default 10");
    }

    @Test
    void aRandomSearchWithWalkForwardFillsTrialsChecklistAndStitchedEquity() throws Exception {
        vm.csvPathProperty().set(OptimizationFlowTest.csv(dir, 400).toString());
        row("fast").fromProperty().set("5");
        row("fast").toProperty().set("20");
        row("fast").stepProperty().set("5");
        row("slow").fromProperty().set("30");
        row("slow").toProperty().set("40");
        row("slow").stepProperty().set("10");
        vm.methodProperty().set(OptimizationViewModel.Method.RANDOM);
        vm.samplesProperty().set("4");
        vm.walkForwardProperty().set(true);
        vm.walkForwardSpecProperty().set("200:100");

        vm.run();

        var o = vm.outcomeProperty().get();
        assertThat(vm.statusProperty().get()).startsWith("Done: 4 trials");
        assertThat(vm.trials()).hasSize(4);
        assertThat(o.walkForward()).isNotNull();
        assertThat(o.walkForward().windows()).hasSize(2);
        assertThat(o.walkForward().oosEquity()).isNotEmpty();
        assertThat(vm.checklist()).isNotEmpty();
        assertThat(vm.verdictProperty().get()).isNotEmpty();
        assertThat(o.best()).isNotNull();
        assertThat(o.best().config().parameters())
                .containsEntry(
                        "fast",
                        o.result().best().orElseThrow().parameters().asText().get("fast"));
    }

    @Test
    void editingACriterionChecksTheBestRunAgainWithoutSearchingAgain() throws Exception {
        vm.csvPathProperty().set(OptimizationFlowTest.csv(dir, 300).toString());
        vm.run();
        var figures = vm.outcomeProperty().get().figures();
        assertThat(figures).isNotNull();
        assertThat(figures.trades()).isPositive();
        var criteria = vm.goLiveCriteria();

        criteria.row("trades").thresholdProperty().set(Integer.toString(figures.trades()));
        assertThat(item("trades").passed()).isTrue();
        assertThat(vm.goLiveChecklistProperty().get().criteria().minTrades()).isEqualTo(figures.trades());

        criteria.row("trades").thresholdProperty().set(Integer.toString(figures.trades() + 1));
        assertThat(item("trades").passed()).isFalse();
        assertThat(vm.verdictProperty().get()).startsWith("Not ready");

        criteria.row("trades").enabledProperty().set(false);
        assertThat(vm.checklist()).extracting(i -> i.key()).doesNotContain("trades");
        // the search ran once: the outcome is the same object
        assertThat(vm.outcomeProperty().get().figures()).isSameAs(figures);
        assertThat(session.setting(GoLiveCriteriaForm.SETTING))
                .hasValueSatisfying(v -> assertThat(v).contains("trades=off:" + (figures.trades() + 1)));
    }

    private GoLiveChecklist.Item item(String key) {
        return vm.checklist().stream()
                .filter(i -> i.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aBadRangeIsRefusedBeforeAnythingRuns() {
        vm.csvPathProperty().set("/nowhere.csv");
        row("fast").toProperty().set("x");
        vm.run();
        assertThat(vm.statusProperty().get()).containsIgnoringCase("fast");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.outcomeProperty().get()).isNull();
    }

    @Test
    void aSavedBacktestPrefillsStrategyParametersCapitalAndSeed() {
        long id = QuantFixtures.saveBacktest(session, 120);
        vm = new OptimizationViewModel(session, UiExecutor.DIRECT, new InlineExecutor());
        vm.prefillFrom(vm.saved().stream().filter(s -> s.id() == id).findFirst().orElseThrow());
        assertThat(vm.strategyProperty().get()).isEqualTo("builtin:sma-cross");
        assertThat(row("slow").fromProperty().get()).isEqualTo("30");
        assertThat(vm.capitalProperty().get()).isEqualTo("100000");
        assertThat(vm.statusProperty().get()).startsWith("Prefilled from backtest #" + id);
    }

    @Test
    void aSavedBacktestInThousandthsPrefillsItsLotSize() {
        var data = dev.paperdesk.engine.backtest.BacktestData.ofBars(
                        dev.paperdesk.engine.backtest.BacktestData.csvInstrument(QuantFixtures.ACME),
                        QuantFixtures.bars(120, 5))
                .withLot(QuantFixtures.ACME, new java.math.BigDecimal("0.001"));
        var definition = dev.paperdesk.engine.backtest.StrategySource.load(
                "builtin:sma-cross",
                dev.paperdesk.engine.backtest.StrategySource.text("builtin:sma-cross"),
                java.util.List.of(QuantFixtures.ACME),
                dev.paperdesk.engine.model.Timeframe.D1);
        var result = dev.paperdesk.engine.backtest.Backtester.run(
                dev.paperdesk.engine.backtest.BacktestConfig.of("builtin:sma-cross", definition, data));
        assertThat(result.config().lots()).containsEntry("ACME@hist", new java.math.BigDecimal("0.001"));
        long id = dev.paperdesk.engine.backtest.BacktestArchive.save(
                session.backtests().orElseThrow(), result, Instant.parse("2026-03-02T15:00:00Z"));
        vm = new OptimizationViewModel(session, UiExecutor.DIRECT, new InlineExecutor());

        vm.prefillFrom(vm.saved().stream().filter(s -> s.id() == id).findFirst().orElseThrow());

        assertThat(vm.lotProperty().get()).isEqualTo("0.001");
    }
}
