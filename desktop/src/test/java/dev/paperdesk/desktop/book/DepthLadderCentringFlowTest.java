package dev.paperdesk.desktop.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A ladder in a panel shorter than its forty levels (as in the main window's default layout) shows
 * the inside market: the spread line in the middle of the panel with the best ask above it and the
 * best bid below, not the twenty worst asks.
 */
@ExtendWith(ApplicationExtension.class)
class DepthLadderCentringFlowTest {
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT@binance");

    private TradingSession session;
    private FxUiExecutor ui;
    private DepthViewModel depthVm;
    private DepthView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("paperdesk-ladder");
        session = TradingSession.open(SessionConfig.paperTrading(dir.resolve("ladder.paperdesk")));
        ui = new FxUiExecutor();
        depthVm = new DepthViewModel(session, ui, new SimpleObjectProperty<>(BTC));
        view = new DepthView(depthVm);
        // a plain pane sizes the view to its preferred size, so the test can make the panel tall
        // without resizing the stage (which the following test classes share)
        view.setPrefSize(420, 260);
        dev.paperdesk.desktop.common.TestStages.show(stage, new Pane(view), 420, 260);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        session.close();
    }

    private Bounds onScene(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n.localToScene(n.getBoundsInLocal());
    }

    @Test
    void aShortPanelCentresTheSpreadWithTheBestPricesBesideIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> !depthVm.emptyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Bounds panel = view.localToScene(view.getBoundsInLocal());
        Bounds spread = onScene(robot, "#depthSpread");
        double middle = (spread.getMinY() + spread.getMaxY()) / 2;
        assertThat(middle).isBetween(panel.getMinY(), panel.getMaxY());
        assertThat(Math.abs(middle - (panel.getMinY() + panel.getHeight() / 2)))
                .as("the spread line sits near the middle of the panel")
                .isLessThan(panel.getHeight() / 4);
        Bounds bestAsk = onScene(robot, "#depthAsk0");
        Bounds bestBid = onScene(robot, "#depthBid0");
        assertThat(bestAsk.getMaxY()).isLessThanOrEqualTo(spread.getMinY() + 1);
        assertThat(bestAsk.getMinY()).isGreaterThanOrEqualTo(panel.getMinY());
        assertThat(bestBid.getMinY()).isGreaterThanOrEqualTo(spread.getMaxY() - 1);
        assertThat(bestBid.getMaxY()).isLessThanOrEqualTo(panel.getMaxY());
        // the worst ask is slid out of the panel, above its top; the column headings stay in view
        assertThat(onScene(robot, "#depthAsk19").getMaxY()).isLessThan(panel.getMinY() + 40);
        Node headings = robot.lookup(".depth-header").query();
        Bounds heading = headings.localToScene(headings.getBoundsInLocal());
        assertThat(heading.getMinY()).isGreaterThanOrEqualTo(panel.getMinY());
        assertThat(heading.getMaxY()).isLessThanOrEqualTo(bestAsk.getMinY() + 1);
        assertThat(headings.isVisible()).isTrue();

        // A panel tall enough for the whole ladder keeps it at the top, unshifted.
        robot.interact(() -> view.setPrefHeight(1400));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds tall = view.localToScene(view.getBoundsInLocal());
        assertThat(onScene(robot, "#depthAsk19").getMinY()).isGreaterThan(tall.getMinY());
        assertThat(onScene(robot, "#depthBid19").getMaxY()).isLessThanOrEqualTo(tall.getMaxY());
    }
}
