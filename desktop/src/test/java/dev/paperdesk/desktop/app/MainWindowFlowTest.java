package dev.paperdesk.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.blotter.BlotterViewModel.PositionRow;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
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

/** The thin slice through every layer: type a quantity, buy at market, see the position. */
@ExtendWith(ApplicationExtension.class)
class MainWindowFlowTest {
    private Path dir;
    private TradingSession session;
    private FxUiExecutor ui;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("paperdesk-ui");
        session = TradingSession.open(SessionConfig.paperTrading(dir.resolve("ui.paperdesk")));
        ui = new FxUiExecutor();
        new MainWindow(session, ui).show(stage);
    }

    @AfterEach
    void closeSession() {
        ui.close();
        session.close();
    }

    @Test
    void marketBuyFromTheTicketShowsUpInThePositionsTable(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#portfolioSelector").queryAs(ComboBox.class).getValue())
                .isNotNull();
        // Crypto trades around the clock, so the test does not depend on the day it runs.
        @SuppressWarnings("unchecked")
        ComboBox<InstrumentId> symbol = robot.lookup("#ticketSymbol").queryAs(ComboBox.class);
        InstrumentId btc = InstrumentId.parse("BTC-USDT@binance");
        assertThat(symbol.getItems()).contains(btc);
        robot.interact(() -> symbol.setValue(btc));
        TableView<PositionRow> positions = robot.lookup("#positionsTable").queryTableView();
        assertThat(positions.getItems()).isEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.quote(btc).isPresent());

        robot.clickOn("#ticketQuantity").write("0.25");
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> positions.getItems().size() == 1);
        PositionRow row = positions.getItems().get(0);
        assertThat(row.instrument()).isEqualTo("BTC-USDT@binance");
        assertThat(row.currency()).isEqualTo("USDT");
        assertThat(row.quantity()).isEqualByComparingTo(new BigDecimal("0.25"));
        // The order travels to the venue (50–200 ms), then the ticket reports the fill.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#ticketMessage")
                .queryAs(Label.class)
                .getText()
                .startsWith("FILLED: "));
        assertThat(robot.lookup("#ticketMessage").queryAs(Label.class).getText())
                .startsWith("FILLED: BUY 0.25 BTC-USDT@binance @ ");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#ordersTable").queryTableView().getItems().size() == 1
                        && robot.lookup("#fillsTable")
                                        .queryTableView()
                                        .getItems()
                                        .size()
                                == 1);
        assertThat(session.fills()).hasSize(1);

        // the orders beside their journal read in full (the table scrolls sideways), not as "..."
        robot.interact(() -> robot.lookup("#blotter")
                .queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel()
                .select(robot.lookup("#blotter").queryAs(javafx.scene.control.TabPane.class).getTabs().stream()
                        .filter(t -> "ordersTab".equals(t.getId()))
                        .findFirst()
                        .orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        var shown = dev.paperdesk.desktop.common.TableHeaders.shown(robot, "#ordersTable");
        assertThat(shown).contains("Id", "Time (UTC)", "Symbol", "Side", "Type").noneMatch(t -> t.endsWith("..."));
        assertThat(robot.lookup("#ordersTable .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                        .filter(c -> c.getIndex() == 0 && c.getText() != null && c.getTableColumn() != null)
                        .filter(c -> c.getTableColumn().getText().equals("Symbol"))
                        .map(javafx.scene.control.TableCell::getText))
                .containsExactly("BTC-USDT@binance");
        // the order's time as it is written, to the second ("2026-... 11:3..." before)
        assertThat(robot.lookup("#ordersTable .table-cell .text").queryAllAs(javafx.scene.text.Text.class).stream()
                        .map(javafx.scene.text.Text::getText)
                        .filter(t -> t.matches("\\d{4}-.*")))
                .isNotEmpty()
                .allMatch(t -> t.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
    }

    @Test
    void invalidQuantityIsExplainedInlineAndNothingIsSent(FxRobot robot) {
        robot.clickOn("#ticketQuantity").write("abc");
        assertThat(robot.lookup("#ticketValidation").queryAs(Label.class).getText())
                .contains("must be a number");
        assertThat(robot.lookup("#ticketSubmit").queryButton().isDisabled()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#ticketQuantity").queryTextInputControl().getText())
                .isEmpty();
        assertThat(session.orders()).isEmpty();
    }
}
