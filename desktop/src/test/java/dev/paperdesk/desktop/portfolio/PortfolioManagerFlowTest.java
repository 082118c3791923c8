package dev.paperdesk.desktop.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.Theme;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The portfolio manager's main flow: the workspace's portfolios listed in full, one topped up from its toolbar. */
@ExtendWith(ApplicationExtension.class)
class PortfolioManagerFlowTest extends dev.paperdesk.desktop.common.SimulatedSessionFlow {
    private PortfolioManagerDialog dialog;

    @Start
    void start(Stage stage) {
        open(Instant.parse("2026-03-02T14:30:00Z"), 1);
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
        dialog = new PortfolioManagerDialog(new PortfolioManagerViewModel(session, ui), stage);
        Theme.DARK.apply(dialog.stage().getScene());
        dialog.show();
    }

    @Test
    void listsThePortfoliosInFullAndTopsOneUp(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#portfolioManagerTable").queryTableView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        // each header reads whole: "Starting balance", not "Starting bal..."
        assertThat(dev.paperdesk.desktop.common.TableHeaders.shown(robot, "#portfolioManagerTable"))
                .contains("Starting balance", "Cost basis", "Name", "Base")
                .noneMatch(t -> t.endsWith("..."));

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#portfolioTopUp");
        // the amount field offers 100,000: replaced
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .text-field")
                .tryQuery()
                .isPresent());
        robot.doubleClickOn(".dialog-pane .text-field").write("250000").type(KeyCode.ENTER);
        javafx.scene.control.Label message =
                robot.lookup("#portfolioManagerMessage").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !message.getText().isEmpty());
        assertThat(message.getText()).isEqualTo("Topped up 'Demo' by 250000 USD.");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> ((PortfolioManagerViewModel.Row) table.getItems().get(0))
                                .equity()
                                .compareTo(new BigDecimal("5250000"))
                        == 0);
    }
}
