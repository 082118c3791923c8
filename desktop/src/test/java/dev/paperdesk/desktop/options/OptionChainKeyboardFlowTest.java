package dev.paperdesk.desktop.options;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.desktop.app.MainWindow;
import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
 * Trading from the option chain with the keyboard only: Ctrl+Shift+O opens the desk with the cursor on
 * the at-the-money call's ask; arrows move over the bid and ask cells, Enter loads the order ticket as a
 * click would (ask buys, bid sells), B and S buy and sell the contract under the cursor.
 */
@ExtendWith(ApplicationExtension.class)
class OptionChainKeyboardFlowTest {
    /** A Tuesday, 10:00 in New York: equity options trade. */
    private static final Instant START = Instant.parse("2026-03-03T15:00:00Z");

    private TradingSession session;
    private FxUiExecutor ui;

    @Start
    void start(Stage stage) {
        session = TradingSession.open(new SessionConfig(
                null,
                SimulatedMarket.defaultMarket(11, List.of("ORBZ@nasdaq")),
                StandardFeeModel.DEFAULT,
                START,
                true,
                SessionConfig.DEFAULT_STARTING_BALANCE));
        session.advance(Duration.ofSeconds(3));
        ui = new FxUiExecutor();
        new MainWindow(session, ui).show(stage);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        session.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void arrowsEnterBAndSLoadTheTicketWithoutTheMouse(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#optionChain")
                .tryQuery()
                .isPresent());
        TableView<ChainLine> chain = robot.lookup("#optionChain").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !chain.getItems().isEmpty());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, chain::isFocused);
        WaitForAsyncUtils.waitForFxEvents();
        int atm = chain.getItems()
                .indexOf(chain.getItems().stream()
                        .filter(ChainLine::atm)
                        .findFirst()
                        .orElseThrow());
        assertThat(chain.getFocusModel().getFocusedCell().getRow()).isEqualTo(atm);
        assertThat(chain.getFocusModel().getFocusedCell().getTableColumn().getId())
                .isEqualTo("call-ASK");
        ComboBox<InstrumentId> symbol = robot.lookup("#ticketSymbol").queryComboBox();
        ComboBox<Side> side = robot.lookup("#ticketSide").queryComboBox();
        TextField limit = robot.lookup("#ticketLimitPrice").queryAs(TextField.class);

        // one line down, Enter on the call's ask: buy that call at its ask
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        ChainLine below = chain.getItems().get(atm + 1);
        awaitTicket(
                symbol,
                side,
                limit,
                below.call().contract(),
                Side.BUY,
                below.call().ask());

        // right twice: call bid, then the put's bid across the strike; Enter sells the put at its bid
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        assertThat(chain.getFocusModel().getFocusedCell().getTableColumn().getId())
                .isEqualTo("put-BID");
        robot.type(KeyCode.UP).type(KeyCode.ENTER);
        ChainLine line = chain.getItems().get(atm);
        awaitTicket(
                symbol,
                side,
                limit,
                line.put().contract(),
                Side.SELL,
                line.put().bid());

        // B buys the same put (at its ask), S sells it again (at its bid)
        robot.type(KeyCode.B);
        awaitTicket(
                symbol, side, limit, line.put().contract(), Side.BUY, line.put().ask());
        robot.type(KeyCode.S);
        awaitTicket(
                symbol,
                side,
                limit,
                line.put().contract(),
                Side.SELL,
                line.put().bid());

        // the cursor stops at the last quote cell on the right
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        assertThat(chain.getFocusModel().getFocusedCell().getTableColumn().getId())
                .isEqualTo("put-ASK");
    }

    private static void awaitTicket(
            ComboBox<InstrumentId> symbol,
            ComboBox<Side> side,
            TextField limit,
            InstrumentId contract,
            Side expectedSide,
            BigDecimal price)
            throws Exception {
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> contract.equals(symbol.getValue())
                        && side.getValue() == expectedSide
                        && new BigDecimal(limit.getText()).compareTo(price) == 0);
    }
}
