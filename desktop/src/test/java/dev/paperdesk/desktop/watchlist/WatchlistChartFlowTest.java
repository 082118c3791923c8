package dev.paperdesk.desktop.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.desktop.app.MainWindow;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The watchlist drives the chart: live prices fill in, a symbol can be added and charted, timeframes switch. */
@ExtendWith(ApplicationExtension.class)
class WatchlistChartFlowTest {
    private TradingSession session;
    private FxUiExecutor ui;

    @Start
    void start(Stage stage) throws Exception {
        session = TradingSession.open(SessionConfig.paperTrading(
                Files.createTempDirectory("paperdesk-watch").resolve("w.paperdesk")));
        ui = new FxUiExecutor();
        new MainWindow(session, ui).show(stage);
    }

    @AfterEach
    void close() {
        ui.close();
        session.close();
    }

    @Test
    void addingASymbolShowsItsLivePriceAndChartsIt(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TreeTableView<WatchlistViewModel.Row> table = robot.lookup("#watchlist").queryAs(TreeTableView.class);
        InstrumentId ethOkx = InstrumentId.parse("ETH-USDT-PERP@okx");
        assertThat(leaf(table, ethOkx)).isNull();

        robot.clickOn("#watchlistSearch").write("ETH-USDT-PERP@okx");
        // Fired directly: the suggestion popup may cover the button.
        robot.interact(() -> robot.lookup("#watchlistAdd").queryButton().fire());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            TreeItem<WatchlistViewModel.Row> item = leaf(table, ethOkx);
            return item != null
                    && item.getValue().last() != null
                    && item.getValue().bid() != null;
        });
        // Adding selects it: the chart follows.
        Label caption = robot.lookup(".chart-caption").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> caption.getText().startsWith("ETH-USDT-PERP@okx  1m"));
        assertThat(session.setting(WatchlistViewModel.SETTING).orElseThrow()).contains("ETH-USDT-PERP@okx");

        robot.interact(() -> robot.lookup("#timeframe-5m")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .fire());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> caption.getText().equals("ETH-USDT-PERP@okx  5m"));

        // Delete removes the selected row.
        robot.interact(() -> table.getSelectionModel().select(leaf(table, ethOkx)));
        // focused without a click: a click lands on whatever row is under the table's middle and
        // selects that one instead
        robot.interact(table::requestFocus);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> leaf(table, ethOkx) == null);
    }

    /** A group's title reads in full beside its disclosure arrow ("Crypto spot", not "Crypto..."). */
    @Test
    void groupTitlesAreShownWhole(FxRobot robot) throws Exception {
        // read on the FX thread: live prices re-render the rows meanwhile, and a cell being reused
        // must not be read half-way (a symbol in a cell still carrying the group's style)
        java.util.concurrent.Callable<List<String>> titles =
                () -> WaitForAsyncUtils.asyncFx(() -> robot
                                .lookup("#watchlist .tree-table-cell")
                                .queryAllAs(javafx.scene.control.TreeTableCell.class)
                                .stream()
                                .filter(c -> c.getItem() instanceof WatchlistViewModel.Row r && r.id() == null)
                                .map(c -> ((javafx.scene.text.Text) c.lookup(".text")).getText())
                                .toList())
                        .get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> titles.call().contains("Crypto spot"));
        assertThat(titles.call()).noneMatch(t -> t.endsWith("..."));
    }

    @Test
    void anUnknownSymbolIsExplained(FxRobot robot) {
        robot.clickOn("#watchlistSearch").write("NOPE@nowhere");
        robot.interact(() -> robot.lookup("#watchlistAdd").queryButton().fire());
        assertThat(robot.lookup("#watchlistMessage").queryAs(Label.class).getText())
                .isEqualTo("No instrument matches 'NOPE@nowhere'");
    }

    private static TreeItem<WatchlistViewModel.Row> leaf(TreeTableView<WatchlistViewModel.Row> table, InstrumentId id) {
        for (TreeItem<WatchlistViewModel.Row> group : table.getRoot().getChildren()) {
            for (TreeItem<WatchlistViewModel.Row> item : group.getChildren()) {
                if (id.equals(item.getValue().id())) {
                    return item;
                }
            }
        }
        return null;
    }
}
