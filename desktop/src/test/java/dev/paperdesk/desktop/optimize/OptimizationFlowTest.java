package dev.paperdesk.desktop.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.analytics.QuantFixtures;
import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.desktop.golive.GoLiveCriteriaForm;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A small grid search from the view fills the trials table, the heatmap and the go-live checklist,
 * which follows an edited criterion.
 */
@ExtendWith(ApplicationExtension.class)
class OptimizationFlowTest {
    private Path dir;
    private TradingSession session;
    private FxUiExecutor ui;
    private OptimizationViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("paperdesk-opt");
        session = TradingSession.open(
                SessionConfig.simulated(dir.resolve("opt.paperdesk"), Instant.parse("2026-03-02T15:00:00Z"), 1));
        ui = new FxUiExecutor();
        vm = new OptimizationViewModel(session, ui);
        dev.paperdesk.desktop.common.TestStages.show(stage, new OptimizationView(vm), 1300, 820);
    }

    @AfterEach
    void tearDown() {
        vm.close();
        ui.close();
        session.close();
    }

    /** The fixture's bars as a Yahoo CSV file. */
    static Path csv(Path dir, int days) throws Exception {
        StringBuilder sb = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        List<Bar> bars = QuantFixtures.bars(days, 5);
        for (Bar b : bars) {
            LocalDate d = LocalDate.ofInstant(b.openTime(), ZoneOffset.UTC);
            sb.append(d)
                    .append(',')
                    .append(b.open())
                    .append(',')
                    .append(b.high())
                    .append(',')
                    .append(b.low())
                    .append(',')
                    .append(b.close())
                    .append(',')
                    .append(b.close())
                    .append(',')
                    .append(b.volume())
                    .append('\n');
        }
        return Files.writeString(dir.resolve("acme.csv"), sb.toString());
    }

    @Test
    void aSmallGridFillsTheResultsTableTheHeatmapAndTheChecklist(FxRobot robot) throws Exception {
        Path file = csv(dir, 300);
        robot.clickOn("#optimizationCsvPath").write(file.toString());
        robot.interact(() -> {
            for (OptimizationViewModel.RangeRow row : vm.ranges()) {
                switch (row.name()) {
                    case "fast" -> {
                        row.fromProperty().set("5");
                        row.toProperty().set("15");
                        row.stepProperty().set("5");
                    }
                    case "slow" -> {
                        row.fromProperty().set("30");
                        row.toProperty().set("50");
                        row.stepProperty().set("10");
                    }
                    default -> {}
                }
            }
        });
        assertThat(vm.ranges()).extracting(OptimizationViewModel.RangeRow::name).contains("fast", "slow");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dev.paperdesk.desktop.common.TableHeaders.shown(robot, "#optimizationRanges"))
                .as("range headers in full")
                .contains("Parameter", "From", "To", "Step")
                .noneMatch(t -> t.endsWith("..."));
        robot.clickOn("#optimizationRun");

        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> vm.outcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> results = robot.lookup("#optimizationResults").queryTableView();
        assertThat(results.getItems()).hasSize(9);
        assertThat(results.getColumns()).extracting(c -> c.getText()).contains("fast", "slow", "Sharpe");
        // sorted best first
        var best = vm.outcomeProperty().get().result().best().orElseThrow();
        assertThat(results.getItems().get(0)).isEqualTo(best);

        robot.clickOn("#optimizationHeatmapTab");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(robot.lookup("#opt-heat-" + i + "-" + j).tryQuery()).isPresent();
            }
        }
        Label cell = robot.lookup("#opt-heat-0-0").query();
        assertThat(cell.getStyleClass()).contains("heat-cell");

        robot.clickOn("#goLiveTab");
        assertThat(robot.lookup("#goLiveChecklist").tryQuery()).isPresent();
        assertThat(vm.checklist()).isNotEmpty();
        var first = vm.checklist().get(0);
        Label mark = robot.lookup("#goLive-" + first.key()).query();
        assertThat(mark.getText()).endsWith(first.passed() ? "PASS" : "FAIL");

        // the trader raises the bar on closed trades: the same best run now fails that criterion
        int trades = vm.outcomeProperty().get().figures().trades();
        replaceText(robot, "#goLiveCriterion-trades", Integer.toString(trades));
        assertThat(robot.lookup("#goLive-trades").queryAs(Label.class).getText())
                .endsWith("PASS");
        replaceText(robot, "#goLiveCriterion-trades", Integer.toString(trades + 1));
        Label tradesMark = robot.lookup("#goLive-trades").queryAs(Label.class);
        assertThat(tradesMark.getText()).endsWith("FAIL");
        assertThat(tradesMark.getStyleClass()).contains("check-fail");
        assertThat(robot.lookup("#goLiveVerdict").queryAs(Label.class).getText())
                .startsWith("Not ready");
        assertThat(session.setting(GoLiveCriteriaForm.SETTING))
                .hasValueSatisfying(v -> assertThat(v).contains("trades=on:" + (trades + 1)));
    }

    /** Types {@code text} over the whole content of the field {@code query}. */
    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query).push(KeyCode.SHORTCUT, KeyCode.A).write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
