package dev.paperdesk.desktop.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.desktop.app.Theme;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import io.fair_acc.chartfx.XYChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Run a backtest from the view on a CSV file and see the equity curve, the tiles and the trades. */
@ExtendWith(ApplicationExtension.class)
class BacktestFlowTest {
    private Path dir;
    private TradingSession session;
    private FxUiExecutor ui;
    private BacktestViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("paperdesk-backtest");
        session = TradingSession.open(
                SessionConfig.simulated(dir.resolve("bt.paperdesk"), Instant.parse("2026-03-02T15:00:00Z"), 1));
        ui = new FxUiExecutor();
        vm = new BacktestViewModel(session, ui);
        Scene scene = new Scene(new BacktestView(vm), 1200, 760);
        Theme.DARK.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        vm.close();
        ui.close();
        session.close();
    }

    static String yahoo(int days) {
        StringBuilder sb = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        Random random = new Random(5);
        LocalDate d = LocalDate.of(2021, 1, 1);
        double prev = 40;
        for (int i = 0; i < days; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek().getValue() > 5) {
                continue;
            }
            double close = 40 + 6 * Math.sin(i / 25.0) + random.nextGaussian() * 0.4;
            double open = prev + random.nextGaussian() * 0.2;
            sb.append(String.format(
                    Locale.ROOT,
                    "%s,%.2f,%.2f,%.2f,%.2f,%.2f,%d%n",
                    d,
                    open,
                    Math.max(open, close) + 0.2,
                    Math.min(open, close) - 0.2,
                    close,
                    close,
                    1000));
            prev = close;
            i++;
        }
        return sb.toString();
    }

    @Test
    void runsFromTheFormAndShowsEquityTilesAndTrades(FxRobot robot) throws Exception {
        Path csv = Files.writeString(dir.resolve("acme.csv"), yahoo(300));
        robot.clickOn("#backtestCsvPath").write(csv.toString());
        robot.doubleClickOn("#backtestSymbol").write("ACME");
        robot.clickOn("#backtestRun");

        TableView<?> trades = robot.lookup("#backtestTrades").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !trades.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        XYChart equity = robot.lookup("#backtestEquityChart").query();
        assertThat(equity.getRenderers().get(0).getDatasets()).hasSize(2);
        assertThat(equity.getRenderers().get(0).getDatasets().get(0).getDataCount())
                .isEqualTo(300);
        Label totalReturn = robot.lookup("#tile-total-return .tile-value").query();
        assertThat(totalReturn.getText()).endsWith("%");
        assertThat(robot.lookup("#backtestStatus").queryLabeled().getText()).startsWith("Done. 300 bars");
        assertThat(vm.assumptions()).isNotEmpty();
        // the run was saved in the workspace
        assertThat(session.backtests().orElseThrow().list()).hasSize(1);
        assertThat(vm.savedIdProperty().get())
                .isEqualTo(session.backtests().orElseThrow().list().get(0).id());
        assertThat(robot.lookup("#backtestOpenMonteCarlo").queryButton().isDisabled())
                .isFalse();

        robot.clickOn("#backtestTradesTab");
        assertThat(trades.getItems()).hasSize(vm.resultProperty().get().trades().size());
    }
}
