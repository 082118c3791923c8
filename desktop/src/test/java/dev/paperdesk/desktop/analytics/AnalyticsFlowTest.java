package dev.paperdesk.desktop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.engine.backtest.BacktestArchive;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import io.fair_acc.chartfx.XYChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * Open the analytics of a saved backtest and of a portfolio from the chooser; a traded portfolio's
 * go-live checklist follows an edited criterion.
 */
@ExtendWith(ApplicationExtension.class)
class AnalyticsFlowTest {
    private TradingSession session;
    private FxUiExecutor ui;
    private AnalyticsViewModel vm;
    private long backtestId;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("paperdesk-analytics");
        session = TradingSession.open(
                SessionConfig.simulated(dir.resolve("an.paperdesk"), Instant.parse("2026-03-02T15:00:00Z"), 1));
        backtestId = QuantFixtures.saveBacktest(session, 400);
        ui = new FxUiExecutor();
        vm = new AnalyticsViewModel(session, ui);
        dev.paperdesk.desktop.common.TestStages.show(stage, new AnalyticsView(vm), 1300, 820);
    }

    @AfterEach
    void tearDown() {
        vm.close();
        ui.close();
        session.close();
    }

    @Test
    void aBacktestShowsTheEngineFiguresChartsAndHeatmap(FxRobot robot) throws Exception {
        BacktestResult saved = BacktestArchive.load(session.backtests().orElseThrow(), backtestId)
                .orElseThrow();
        robot.clickOn("#analyticsSource").clickOn("Backtest #" + backtestId + ": sma-cross on ACME@hist");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.dataProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        Label sharpe = robot.lookup("#analyticsTile-sharpe .tile-value").query();
        assertThat(sharpe.getText()).isEqualTo(MetricText.ratio(saved.metrics().sharpe()));
        Label maxDd = robot.lookup("#analyticsTile-max-drawdown .tile-value").query();
        assertThat(maxDd.getText())
                .isEqualTo(MetricText.signedPercent(saved.metrics().maxDrawdown()));
        assertThat(maxDd.getStyleClass()).contains("pnl-negative");
        XYChart equity = robot.lookup("#analyticsEquityChart").query();
        assertThat(equity.getRenderers().get(0).getDatasets()).hasSize(2);
        XYChart underwater = robot.lookup("#analyticsUnderwaterChart").query();
        assertThat(underwater.getRenderers().get(0).getDatasets().get(0).getDataCount())
                .isEqualTo(vm.dataProperty().get().returns().size());

        robot.clickOn("#analyticsMonthlyTab");
        Label march = robot.lookup("#heat-2021-3").query();
        double marchReturn = vm.monthly().get(0).month(3);
        assertThat(march.getText()).isEqualTo(MetricText.signedPercent(marchReturn));
        assertThat(march.getStyleClass()).contains(AnalyticsView.heatClass(marchReturn));
        assertThat(robot.lookup("#heat-2021-ytd").tryQuery()).isPresent();
        TableView<?> monthly = robot.lookup("#monthlyReturnsTable").queryTableView();
        assertThat(monthly.getItems()).hasSize(2);

        robot.clickOn("#analyticsRollingTab");
        XYChart rolling = robot.lookup("#rollingSharpeChart").query();
        assertThat(rolling.getRenderers().get(0).getDatasets().get(0).getDataCount())
                .isEqualTo(400 - AnalyticsData.ROLLING_WINDOW + 1);
        robot.clickOn("#analyticsAttributionTab");
        assertThat(robot.lookup("#attributionTable").queryTableView().getItems())
                .isNotEmpty();
    }

    @Test
    void aTradedPortfolioGetsAGoLiveChecklistThatFollowsTheEditedCriteria(FxRobot robot) throws Exception {
        PortfolioId pid = session.portfolios().get(0).id();
        InstrumentId acme = session.instruments().get(0).id();
        for (int day = 0; day < 12; day++) {
            Side side = day % 2 == 0 ? Side.BUY : Side.SELL;
            TradingSession.await(session.submit(OrderRequest.market(pid, acme, side, Quantity.of("10"))));
            session.advance(Duration.ofDays(1));
        }
        String name = session.portfolios().get(0).name();
        robot.clickOn("#analyticsSource").clickOn("Portfolio: " + name);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> vm.goLiveChecklistProperty().get() != null);
        robot.clickOn("#analyticsGoLiveTab");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#portfolioGoLiveChecklist").query().isVisible())
                .isTrue();
        // six round trips fall short of the default 20
        assertThat(robot.lookup("#portfolioGoLive-trades").queryAs(Label.class).getText())
                .endsWith("FAIL");
        assertThat(robot.lookup("#portfolioGoLive-errors").queryAs(Label.class).getText())
                .endsWith("PASS");

        replaceText(robot, "#goLiveCriterion-trades", "6");
        assertThat(robot.lookup("#portfolioGoLive-trades").queryAs(Label.class).getText())
                .endsWith("PASS");
        replaceText(robot, "#goLiveCriterion-trades", "7");
        Label trades = robot.lookup("#portfolioGoLive-trades").queryAs(Label.class);
        assertThat(trades.getText()).endsWith("FAIL");
        assertThat(trades.getStyleClass()).contains("check-fail");

        robot.clickOn("#goLiveCriterionOn-trades");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#portfolioGoLive-trades").tryQuery()).isEmpty();
        assertThat(robot.lookup("#goLiveCriterion-trades").query().isDisabled()).isTrue();
    }

    /** Types {@code text} over the whole content of the field {@code query}. */
    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query).push(KeyCode.SHORTCUT, KeyCode.A).write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aNewPortfolioSaysItHasNoHistory(FxRobot robot) throws Exception {
        String name = session.portfolios().get(0).name();
        robot.clickOn("#analyticsSource").clickOn("Portfolio: " + name);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.dataProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        Label empty = robot.lookup("#analyticsEmpty").query();
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getText()).startsWith("No history yet");
        Label sharpe = robot.lookup("#analyticsTile-sharpe .tile-value").query();
        assertThat(sharpe.getText()).isEqualTo(MetricText.NONE);
    }
}
