package dev.paperdesk.desktop.arbitrage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.MainWindow;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View → Arbitrage desk… opens the desk in its own window. */
@ExtendWith(ApplicationExtension.class)
class ArbitrageMenuFlowTest extends dev.paperdesk.desktop.common.SimulatedSessionFlow {

    @Start
    void start(Stage stage) {
        open(Instant.parse("2026-03-02T15:00:00Z"), 1);
        new MainWindow(session, ui).show(stage);
    }

    @Test
    void theViewMenuOpensTheArbitrageDesk(FxRobot robot) throws Exception {
        robot.clickOn("View");
        robot.clickOn("#menuArbitrage");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#arbitrageDesk")
                .tryQuery()
                .isPresent());
        Window desk = robot.lookup("#arbitrageDesk").query().getScene().getWindow();
        assertThat(((Stage) desk).getTitle()).isEqualTo("Arbitrage desk \u2014 Paperdesk");
        assertThat(robot.lookup("#arbitrageStart").tryQuery()).isPresent();
        // closing the window closes the desk's simulation with it
        robot.interact(() -> ((Stage) desk).close());
        assertThat(robot.lookup("#arbitrageDesk").tryQuery()).isEmpty();
    }
}
