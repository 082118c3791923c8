package dev.paperdesk.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.blotter.BlotterViewModel.PositionRow;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A position placed in the GUI is still in the blotter after the window and workspace are reopened. */
@ExtendWith(ApplicationExtension.class)
class RestartFlowTest {
    @Test
    void positionSurvivesARestart(FxRobot robot) throws Exception {
        Path file = Files.createTempDirectory("paperdesk-restart").resolve("restart.paperdesk");

        TradingSession first = TradingSession.open(SessionConfig.paperTrading(file));
        FxUiExecutor ui1 = new FxUiExecutor();
        Stage stage1 = WaitForAsyncUtils.asyncFx(() -> {
                    Stage s = new Stage();
                    new MainWindow(first, ui1).show(s);
                    return s;
                })
                .get(10, TimeUnit.SECONDS);
        var eth = dev.paperdesk.engine.model.InstrumentId.parse("ETH-USDT@okx");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> first.quote(eth).isPresent());
        robot.interact(() -> robot.lookup("#ticketSymbol")
                .queryAs(javafx.scene.control.ComboBox.class)
                .setValue(eth));
        robot.clickOn("#ticketQuantity").write("7").clickOn("#ticketSubmit");
        TableView<PositionRow> before = robot.lookup("#positionsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> before.getItems().size() == 1);
        WaitForAsyncUtils.asyncFx(stage1::close).get(5, TimeUnit.SECONDS);
        ui1.close();
        first.close();

        TradingSession second = TradingSession.open(SessionConfig.paperTrading(file));
        FxUiExecutor ui2 = new FxUiExecutor();
        try {
            WaitForAsyncUtils.asyncFx(() -> new MainWindow(second, ui2).show(new Stage()))
                    .get(10, TimeUnit.SECONDS);
            TableView<PositionRow> after = robot.lookup("#positionsTable").queryTableView();
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> after.getItems().size() == 1);
            assertThat(after.getItems().get(0).instrument()).isEqualTo("ETH-USDT@okx");
            assertThat(after.getItems().get(0).quantity()).isEqualByComparingTo("7");
            assertThat(second.orders()).hasSize(1);
        } finally {
            ui2.close();
            second.close();
        }
    }
}
