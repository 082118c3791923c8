package dev.paperdesk.desktop.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.desktop.book.TimeAndSalesViewModel.TradeRow;
import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
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
 * The ladder and the tape on the wall-clock paper market (crypto trades around the clock, so the
 * test does not depend on the day it runs): twenty levels a side, a filling tape, and clicks and
 * keys that pick prices for the order ticket.
 */
@ExtendWith(ApplicationExtension.class)
class MarketViewsFlowTest {
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT@binance");
    private static final String PRICE = "\\d{1,3}(,\\d{3})*\\.\\d{2}";

    private TradingSession session;
    private FxUiExecutor ui;
    private final ObjectProperty<InstrumentId> instrument = new SimpleObjectProperty<>(BTC);
    private DepthViewModel depthVm;
    private final List<PickedPrice> picked = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("paperdesk-book");
        session = TradingSession.open(SessionConfig.paperTrading(dir.resolve("book.paperdesk")));
        ui = new FxUiExecutor();
        depthVm = new DepthViewModel(session, ui, instrument);
        depthVm.onPricePicked(picked::add);
        TimeAndSalesViewModel tapeVm = new TimeAndSalesViewModel(session, ui, instrument);
        SplitPane split = new SplitPane(new DepthView(depthVm), new TimeAndSalesView(tapeVm));
        dev.paperdesk.desktop.common.TestStages.show(stage, split, 1200, 960);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        session.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void ladderShowsTwentyLevelsASideAndTheTapeFillsWithTrades(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> !depthVm.emptyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        for (int level = 0; level < DepthViewModel.LEVELS; level++) {
            assertThat(text(robot, "#depthBid" + level)).matches(PRICE);
            assertThat(text(robot, "#depthAsk" + level)).matches(PRICE);
        }
        assertThat(robot.lookup("#depthEmpty").queryAs(Label.class).getParent().isVisible())
                .isFalse();
        assertThat(text(robot, "#depthSpread")).matches("Spread " + PRICE + " \\(\\d+ ticks?\\)");
        assertThat(text(robot, "#depthMid")).startsWith("Mid ");

        TableView<TradeRow> tape = robot.lookup("#timeAndSales").queryTableView();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> tape.getItems().size() >= 5);
        WaitForAsyncUtils.waitForFxEvents();
        List<TradeRow> rows = List.copyOf(tape.getItems());
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i - 1).time()).isAfterOrEqualTo(rows.get(i).time());
        }
        assertThat(robot.lookup(".table-row-cell").queryAll().stream()
                        .filter(n -> n.getStyleClass().contains("trade-buy")
                                || n.getStyleClass().contains("trade-sell"))
                        .count())
                .as("visible trades are coloured by aggressor")
                .isGreaterThanOrEqualTo(5);
        Node firstTime = robot.lookup(".table-row-cell .table-cell").nth(0).query();
        assertThat(((javafx.scene.control.TableCell<?, ?>) firstTime).getText())
                .matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
    }

    @Test
    void clickingABidPicksABuyLimitAnAskASellAndEnterPicksTheSelection(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> !depthVm.emptyProperty().get());
        // Freeze the market so the prices under the mouse are the book's.
        session.setPaused(true);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(depthVm::refresh);
        BookSnapshot book = session.book(BTC).orElseThrow();
        Price bid3 = book.bids().get(3).price();
        Price bestAsk = book.asks().get(0).price();
        Price bestBid = book.bids().get(0).price();
        int decimals = Formats.decimalsOf(session.instrument(BTC).orElseThrow().tickSize());
        assertThat(text(robot, "#depthBid3")).isEqualTo(Formats.fixed(bid3.value(), decimals));

        robot.clickOn("#depthBid3");
        robot.clickOn("#depthAsk0");
        robot.type(KeyCode.DOWN); // from the best ask to the best bid
        robot.type(KeyCode.ENTER);

        assertThat(picked)
                .containsExactly(
                        new PickedPrice(BTC, Side.BUY, bid3),
                        new PickedPrice(BTC, Side.SELL, bestAsk),
                        new PickedPrice(BTC, Side.BUY, bestBid));
    }

    @Test
    void anInstrumentWithoutABookShowsTheEmptyState(FxRobot robot) {
        robot.interact(() -> instrument.set(new InstrumentId("NONE", "nowhere")));
        assertThat(text(robot, "#depthEmpty")).isEqualTo("No book for this instrument");
        assertThat(robot.lookup("#depthEmpty").queryAs(Label.class).getParent().isVisible())
                .isTrue();
        robot.clickOn("#depthView");
        assertThat(robot.lookup("#depthView").query().isFocused()).isTrue();
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        assertThat(picked).isEmpty();
        TableView<TradeRow> tape = robot.lookup("#timeAndSales").queryTableView();
        assertThat(tape.getItems()).isEmpty();
        assertThat(((Label) tape.getPlaceholder()).getText()).isEqualTo("No trades in NONE@nowhere yet");
    }
}
