package dev.paperdesk.desktop.arbitrage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.engine.arbitrage.Opportunity;
import dev.paperdesk.engine.arbitrage.TradeRecord;
import dev.paperdesk.engine.arbitrage.VenueLatency;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
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

/**
 * Open the desk on a session, start the strategy, advance the simulated market and see trades,
 * rejections and a leg-out, with the decisions kept in the session's workspace.
 */
@ExtendWith(ApplicationExtension.class)
class ArbitrageDeskFlowTest {
    private Path dir;
    private TradingSession session;
    private FxUiExecutor ui;
    private ArbitrageDeskViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("paperdesk-arbitrage");
        session = TradingSession.open(
                SessionConfig.simulated(dir.resolve("arb.paperdesk"), Instant.parse("2026-03-02T15:00:00Z"), 1));
        ui = new FxUiExecutor();
        vm = new ArbitrageDeskViewModel(session, ui);
        dev.paperdesk.desktop.common.TestStages.show(stage, new ArbitrageDeskView(vm), 1440, 860);
    }

    @AfterEach
    void tearDown() {
        vm.close();
        ui.close();
        session.close();
    }

    @Test
    void startTheStrategyAdvanceTheMarketAndSeeTradesRejectionsAndALegOut(FxRobot robot) throws Exception {
        robot.clickOn("#arbitrageStart");
        assertThat(vm.runningProperty().get()).isTrue();
        ComboBox<String> step = robot.lookup("#arbitrageAdvanceBy").queryComboBox();
        robot.interact(() -> step.setValue("10 min"));
        robot.clickOn("#arbitrageAdvance");
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        robot.clickOn("#arbitrageAdvance");
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !vm.recentExits().isEmpty() || !vm.activeTrades().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        Label clock = robot.lookup("#arbitrageClock").queryAs(Label.class);
        assertThat(clock.getText()).isEqualTo("2026-01-05 00:20:00 UTC");
        // every header of the opportunities table in full
        assertThat(dev.paperdesk.desktop.common.TableHeaders.shown(robot, "#arbitrageOpportunities"))
                .contains("Fund \u0394 %/8h")
                .noneMatch(t -> t.endsWith("..."));

        TableView<TradeRecord> exits = robot.lookup("#arbitrageExits").queryTableView();
        TableView<TradeRecord> active = robot.lookup("#arbitrageActiveTrades").queryTableView();
        assertThat(exits.getItems().size() + active.getItems().size()).isPositive();
        // the first trade of seed 1 legs out on entry: its hedge shows in the exits or active trades
        assertThat(vm.legOutsProperty().get()).doesNotStartWith("0 ");
        assertThat(exits.getItems().stream().anyMatch(t -> !t.legOuts().isEmpty())
                        || active.getItems().stream().anyMatch(t -> !t.legOuts().isEmpty()))
                .isTrue();

        TableView<Opportunity> opps = robot.lookup("#arbitrageOpportunities").queryTableView();
        assertThat(opps.getItems()).isNotEmpty();
        assertThat(opps.getItems()).anyMatch(o -> o.rejection() != null);
        assertThat(vm.rejectionsProperty().get()).contains("funding_delta");

        TableView<VenueLatency> venues = robot.lookup("#arbitrageLatency").queryTableView();
        assertThat(venues.getItems()).hasSize(8);

        // the decisions are in the workspace of the session the desk was opened on
        assertThat(session.arbitrageStore().orElseThrow().decisions(10_000))
                .anyMatch(d -> d.kind().equals("LEG_OUT"))
                .anyMatch(d -> d.kind().equals("REJECTION"))
                .anyMatch(d -> d.kind().equals("LATENCY_VIOLATION"));

        robot.clickOn("#arbitrageStop");
        assertThat(vm.runningProperty().get()).isFalse();

        // a picture of the desk for the documentation (target/, copied by hand into docs/screenshots)
        Path png = Path.of("target", "arbitrage-desk.png");
        robot.interact(() -> writePng(robot.lookup("#arbitrageDesk").query().getScene(), png));
        assertThat(png).exists();
    }

    private static void writePng(Scene scene, Path target) {
        javafx.scene.image.WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out =
                new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        javafx.scene.image.PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            javax.imageio.ImageIO.write(out, "png", target.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
