package dev.paperdesk.desktop.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.analytics.QuantFixtures;
import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Resample a saved backtest from the view: progress to the end, the fan, the histograms, the statistics; cancel a big run. */
@ExtendWith(ApplicationExtension.class)
class MonteCarloFlowTest {
    private TradingSession session;
    private FxUiExecutor ui;
    private MonteCarloViewModel vm;
    private long backtestId;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("paperdesk-mc");
        session = TradingSession.open(
                SessionConfig.simulated(dir.resolve("mc.paperdesk"), Instant.parse("2026-03-02T15:00:00Z"), 1));
        backtestId = QuantFixtures.saveBacktest(session, 400);
        // the bars the backtest ran on, stored in the workspace, where a perturbation re-runs it
        session.bars()
                .orElseThrow()
                .insert(
                        new dev.paperdesk.engine.store.BarStore.SeriesKey(
                                QuantFixtures.ACME, dev.paperdesk.engine.model.Timeframe.D1),
                        QuantFixtures.bars(400, 5).iterator(),
                        dev.paperdesk.engine.store.BarStore.WriteMode.REPLACE);
        ui = new FxUiExecutor();
        vm = new MonteCarloViewModel(session, ui);
        dev.paperdesk.desktop.common.TestStages.show(stage, new MonteCarloView(vm), 1300, 820);
    }

    @AfterEach
    void tearDown() {
        vm.close();
        ui.close();
        session.close();
    }

    @Test
    void aSmallRunFillsTheFanTheHistogramsAndTheStatistics(FxRobot robot) throws Exception {
        assertThat(vm.backtestProperty().get().id()).isEqualTo(backtestId);
        robot.doubleClickOn("#mcPaths").write("500");
        robot.clickOn("#mcRun");

        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> vm.outcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(robot.lookup("#mcStatus").queryLabeled().getText()).startsWith("Done: 500 paths");
        XYChart fan = robot.lookup("#mcFanChart").query();
        var sets = fan.getRenderers().get(0).getDatasets();
        assertThat(sets).hasSize(6);
        assertThat(sets.stream()
                        .filter(d -> d.getName().contains("percentile")
                                || d.getName().equals("median")))
                .hasSize(5);
        assertThat(sets.get(5).getName()).isEqualTo("original backtest");
        XYChart histogram = robot.lookup("#mcFinalEquityHistogram").query();
        assertThat(histogram.getRenderers().get(0).getDatasets().get(0).getDataCount())
                .isPositive();
        assertThat(histogram.getPlugins().stream().filter(p -> p instanceof XValueIndicator))
                .hasSize(3);
        // every path in one bin (a shuffle ends where the backtest ended): its bar stands on zero
        assertThat(histogram.getYAxis().getMin()).isLessThanOrEqualTo(0.0);
        assertThat(histogram.getYAxis().getMax()).isGreaterThanOrEqualTo(500.0);
        // path counts read as whole numbers, in both histograms
        XYChart drawdowns = robot.lookup("#mcDrawdownHistogram").query();
        for (XYChart h : List.of(histogram, drawdowns)) {
            var counts = (io.fair_acc.chartfx.axes.spi.DefaultNumericAxis) h.getYAxis();
            assertThat(counts.getTickLabelFormatter().toString(4.0)).isEqualTo("4");
            assertThat(counts.getTickLabelFormatter().toString(2.5)).isEmpty();
        }

        robot.clickOn("#mcStatsTab");
        TableView<?> stats = robot.lookup("#mcStatsTable").queryTableView();
        assertThat(stats.getItems()).hasSize(5);
        TableView<?> summary = robot.lookup("#mcSummaryTable").queryTableView();
        assertThat(vm.summary())
                .extracting(MonteCarloViewModel.SummaryRow::name)
                .contains("Probability of profit");
        assertThat(summary.getItems()).isNotEmpty();
        // a shuffle keeps every trade: each path ends where the backtest ended
        var r = vm.outcomeProperty().get().result();
        assertThat(r.finalEquity().p5()).isEqualTo(r.finalEquity().p95());
    }

    /** Perturb re-runs the backtest per path: progress to the end, spread outcomes, the CLI's wording. */
    @Test
    void perturbReRunsTheBacktestForEachPath(FxRobot robot) throws Exception {
        robot.clickOn("#mcMethod").clickOn("Perturb (re-run per path, parameters jittered)");
        assertThat(robot.lookup("#mcJitter").queryTextInputControl().isDisabled())
                .isFalse();
        robot.doubleClickOn("#mcPaths").write("30");
        robot.doubleClickOn("#mcJitter").write("0.3");
        robot.clickOn("#mcRun");

        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> vm.outcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(robot.lookup("#mcStatus").queryLabeled().getText()).startsWith("Done: 30 paths");
        var r = vm.outcomeProperty().get().result();
        assertThat(r.method()).isEqualTo("parameter-perturbation");
        assertThat(r.finalEquity().p95()).isGreaterThan(r.finalEquity().p5());
        XYChart fan = robot.lookup("#mcFanChart").query();
        assertThat(fan.getRenderers().get(0).getDatasets()).hasSize(6);
    }

    @Test
    void cancelStopsABigRun(FxRobot robot) {
        // a million re-runs take hours; Cancel is fired right after Run, without moving the mouse
        robot.clickOn("#mcMethod").clickOn(MonteCarloViewModel.Method.PERTURB.toString());
        robot.doubleClickOn("#mcPaths").write("1000000");
        robot.clickOn("#mcRun");
        robot.interact(() -> robot.lookup("#mcCancel").queryButton().fire());

        try {
            WaitForAsyncUtils.waitFor(
                    30, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the run did not stop after Cancel", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled.");
        assertThat(vm.outcomeProperty().get()).isNull();
        assertThat(vm.progressProperty().get()).isLessThan(1.0);
        assertThat(robot.lookup("#mcRun").queryButton().isDisabled()).isFalse();
    }
}
