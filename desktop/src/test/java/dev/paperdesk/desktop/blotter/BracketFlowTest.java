package dev.paperdesk.desktop.blotter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.desktop.app.MainWindow;
import dev.paperdesk.desktop.blotter.BlotterViewModel.OrderRow;
import dev.paperdesk.desktop.ticket.OrderTicketViewModel;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderRole;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
 * A bracket from the ticket: the entry fills, its take-profit and stop-loss appear as working orders
 * in the blotter, and one of them is cancelled there while the other keeps working.
 */
@ExtendWith(ApplicationExtension.class)
class BracketFlowTest {
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT@binance");
    private TradingSession session;
    private FxUiExecutor ui;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("paperdesk-bracket");
        session = TradingSession.open(SessionConfig.paperTrading(dir.resolve("bracket.paperdesk")));
        ui = new FxUiExecutor();
        new MainWindow(session, ui).show(stage);
    }

    @AfterEach
    void closeSession() {
        ui.close();
        session.close();
    }

    private Order order(OrderRole role) {
        return session.orders().stream()
                .filter(o -> o.link() != null && o.link().role() == role)
                .findFirst()
                .orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBracketsChildrenActivateAfterTheEntryFillsAndOneCanBeCancelled(FxRobot robot) throws Exception {
        ComboBox<InstrumentId> symbol = robot.lookup("#ticketSymbol").queryAs(ComboBox.class);
        robot.interact(() -> symbol.setValue(BTC));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.quote(BTC).isPresent());
        Quote q = session.quote(BTC).orElseThrow();
        String takeProfit =
                q.ask().value().add(new BigDecimal("2000")).setScale(2).toPlainString();
        String stopLoss =
                q.bid().value().subtract(new BigDecimal("2000")).setScale(2).toPlainString();

        ComboBox<OrderTicketViewModel.Structure> structure =
                robot.lookup("#ticketStructure").queryAs(ComboBox.class);
        robot.interact(() -> structure.setValue(OrderTicketViewModel.Structure.BRACKET));
        robot.clickOn("#ticketQuantity").write("0.05");
        robot.clickOn("#ticketTakeProfit").write(takeProfit);
        robot.clickOn("#ticketStopLoss").write(stopLoss);
        assertThat(robot.lookup("#ticketValidation").queryAs(Label.class).getText())
                .isEmpty();
        assertThat(robot.lookup("#ticketEstimate").queryAs(Label.class).getText())
                .contains("fee")
                .contains("slippage");
        robot.clickOn("#ticketSubmit");

        // The entry (a market order) reaches the venue after its latency and fills; only then do the
        // children go to work.
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> session.orders().size() == 3 && order(OrderRole.ENTRY).status() == OrderStatus.FILLED);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> order(OrderRole.TAKE_PROFIT).status() == OrderStatus.ACCEPTED
                        && order(OrderRole.STOP_LOSS).status() == OrderStatus.ACCEPTED);
        Order entry = order(OrderRole.ENTRY);
        assertThat(session.journal(order(OrderRole.TAKE_PROFIT).id()).get(1).timestamp())
                .isAfterOrEqualTo(entry.updatedAt());

        TabPane tabs = robot.lookup("#blotter").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<OrderRow> working = robot.lookup("#workingTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> working.getItems().size() == 2);
        assertThat(working.getItems()).extracting(OrderRow::group).allMatch(g -> g.startsWith("BRACKET"));

        long takeProfitId = order(OrderRole.TAKE_PROFIT).id().value();
        robot.interact(() -> working.getItems().stream()
                .filter(r -> r.id() == takeProfitId)
                .findFirst()
                .ifPresent(r -> working.getSelectionModel().select(r)));
        robot.clickOn("#cancelOrder");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> order(OrderRole.TAKE_PROFIT).status() == OrderStatus.CANCELLED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> working.getItems().size() == 1);
        assertThat(working.getItems().get(0).id())
                .isEqualTo(order(OrderRole.STOP_LOSS).id().value());
        assertThat(order(OrderRole.STOP_LOSS).status()).isEqualTo(OrderStatus.ACCEPTED);
    }
}
