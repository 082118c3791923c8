package dev.paperdesk.desktop.options;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.desktop.app.MainWindow;
import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.pricing.strategy.StrategyTemplate;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import io.fair_acc.chartfx.XYChart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
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
 * The options desk from the main window's View menu: the chain opens centred on the money, an ask
 * loads the order ticket, an iron condor from the builder shows its payoff and breakevens, and Send
 * places it as one combo whose four legs fill.
 */
@ExtendWith(ApplicationExtension.class)
class OptionsDeskFlowTest {
    /** A Tuesday, 10:00 in New York: equity options trade. */
    private static final Instant START = Instant.parse("2026-03-03T15:00:00Z");

    private static final InstrumentId ORBZ = InstrumentId.parse("ORBZ@nasdaq");

    private TradingSession session;
    private FxUiExecutor ui;

    @Start
    void start(Stage stage) {
        session = TradingSession.open(new SessionConfig(
                null,
                SimulatedMarket.defaultMarket(11, List.of("ORBZ@nasdaq", "BTC-USDT@binance")),
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

    private static MenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void chainToTicketAndAnIronCondorFromTheBuilderFillsAsOneCombo(FxRobot robot) throws Exception {
        robot.interact(() -> menuItem(robot, "menuOptionChain").fire());
        TableView<ChainLine> chain = robot.lookup("#optionChain").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !chain.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<InstrumentId> underlying = robot.lookup("#chainUnderlying").queryComboBox();
        assertThat(underlying.getValue()).isEqualTo(ORBZ);
        ChainLine atm =
                chain.getItems().stream().filter(ChainLine::atm).findFirst().orElseThrow();
        assertThat(chain.getSelectionModel().getSelectedItem()).isEqualTo(atm); // centred and marked

        // clicking the at-the-money call's ask loads the ticket with that contract
        TableCell<?, ?> ask = robot.lookup("#optionChain .chain-ask")
                .match(n -> n instanceof TableCell<?, ?> c
                        && c.getTableRow() != null
                        && atm.equals(c.getTableRow().getItem())
                        && c.getTableColumn().getId().equals("call-ASK"))
                .query();
        robot.clickOn(ask);
        ComboBox<InstrumentId> ticketSymbol = robot.lookup("#ticketSymbol").queryComboBox();
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> atm.call().contract().equals(ticketSymbol.getValue()));

        // an iron condor around the money
        robot.interact(() -> robot.lookup("#strategyTemplate")
                .<StrategyTemplate>queryComboBox()
                .setValue(StrategyTemplate.IRON_CONDOR));
        robot.clickOn("#strategyApply");
        TableView<StrategyLegRow> legs = robot.lookup("#strategyLegs").queryAs(TableView.class);
        XYChart payoff = robot.lookup("#payoffChart").queryAs(XYChart.class);
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> legs.getItems().size() == 4
                        && !payoff.getRenderers().get(0).getDatasets().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(payoff.getRenderers().get(0).getDatasets()).hasSize(3);
        assertThat(payoff.getRenderers().get(0).getDatasets().get(0).getDataCount())
                .isGreaterThan(100);
        assertThat(payoff.getRenderers().get(1).getDatasets().get(0).getDataCount())
                .isEqualTo(2); // the two breakeven markers
        Label breakevens = robot.lookup("#strategyBreakevens").queryAs(Label.class);
        assertThat(breakevens.getText().split("\\s+")).hasSize(2);
        // the two breakevens' labels on different rows: a narrow condor's would otherwise overlap
        assertThat(payoff.getPlugins().stream()
                        .filter(p -> p instanceof io.fair_acc.chartfx.plugins.XValueIndicator i
                                && i.getText().startsWith("BE "))
                        .map(p -> ((io.fair_acc.chartfx.plugins.XValueIndicator) p).getLabelPosition())
                        .distinct())
                .hasSize(2);
        // the send bar's label and button read in full
        assertThat(robot.lookup("#strategySend").queryButton().getWidth())
                .isGreaterThanOrEqualTo(
                        robot.lookup("#strategySend").queryButton().prefWidth(-1));
        assertThat(robot.lookup("#strategyNet").queryAs(Label.class).getText()).startsWith("Credit ");
        assertThat(robot.lookup("#strategyMaxLoss").queryAs(Label.class).getText())
                .isNotEqualTo("Unlimited");

        robot.clickOn("#strategySend");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> session.fills().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        List<Order> orders = session.orders();
        assertThat(orders).hasSize(4).allMatch(o -> o.status() == OrderStatus.FILLED);
        assertThat(session.groups()).hasSize(1);
        assertThat(legs.getItems()).allMatch(r -> orders.stream()
                .anyMatch(o ->
                        o.request().instrumentId().equals(r.instrumentProperty().get())));
        assertThat(robot.lookup("#strategyStatus").queryAs(Label.class).getText())
                .isEqualTo("Combo filled: 4 legs.");
    }
}
