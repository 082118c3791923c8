package dev.paperdesk.desktop.blotter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderPlacement;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.options.OptionChainView;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An iron condor and a short stock position in the positions tab: Greeks columns per position and the
 * summary line per underlying and in total. With {@code -Dpaperdesk.screenshot=FILE.png} the view is
 * also written to a picture.
 */
@ExtendWith(ApplicationExtension.class)
class BlotterGreeksFlowTest {
    private static final InstrumentId STOCK = InstrumentId.parse("ORBZ@nasdaq");

    private TradingSession session;
    private FxUiExecutor ui;
    private PortfolioId pid;

    @Start
    void start(Stage stage) {
        session = TradingSession.open(new SessionConfig(
                null,
                SimulatedMarket.defaultMarket(11, List.of("ORBZ@nasdaq", "BTC-USDT@binance")),
                StandardFeeModel.DEFAULT,
                Instant.parse("2026-03-03T15:00:00Z"),
                true,
                SessionConfig.DEFAULT_STARTING_BALANCE));
        session.advance(Duration.ofSeconds(3));
        pid = session.portfolios().get(0).id();
        ui = new FxUiExecutor();
        BlotterViewModel vm = new BlotterViewModel(session, ui, new SimpleObjectProperty<>(pid));
        dev.paperdesk.desktop.common.TestStages.show(stage, new BlotterView(vm), 1500, 330);
    }

    @AfterEach
    void tearDown() {
        ui.close();
        session.close();
    }

    @Test
    void anIronCondorShowsItsGreeksPerLegAndInTheSummary(FxRobot robot) throws Exception {
        OptionChainView chain = session.optionChain(
                        STOCK, session.optionExpiries(STOCK).get(3).date())
                .orElseThrow();
        int atm = chain.rows().indexOf(chain.row(chain.atmStrike()).orElseThrow());
        TradingSession.await(session.place(new OrderPlacement.Combo(
                List.of(
                        OrderRequest.market(
                                pid, chain.rows().get(atm - 4).put().instrumentId(), Side.BUY, Quantity.of(5)),
                        OrderRequest.market(
                                pid, chain.rows().get(atm - 2).put().instrumentId(), Side.SELL, Quantity.of(5)),
                        OrderRequest.market(
                                pid, chain.rows().get(atm + 2).call().instrumentId(), Side.SELL, Quantity.of(5)),
                        OrderRequest.market(
                                pid, chain.rows().get(atm + 4).call().instrumentId(), Side.BUY, Quantity.of(5))),
                Quantity.of(5),
                null,
                TimeInForce.IOC)));
        TradingSession.await(session.submit(OrderRequest.market(pid, STOCK, Side.BUY, Quantity.of(100))));
        robot.interact(session::now); // let the coalesced refresh run

        TableView<BlotterViewModel.PositionRow> table =
                robot.lookup("#positionsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
        assertThat(table.getColumns())
                .extracting(TableColumn::getText)
                .contains("\u0394 (sh)", "\u0393", "\u0398 /day", "Vega /pt");
        assertThat(table.getItems()).allSatisfy(r -> assertThat(r.delta()).isNotNull());
        Label summary = robot.lookup("#positionsGreeksSummary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, summary::isVisible);
        assertThat(summary.getText())
                .startsWith("Option Greeks \u2014 ORBZ: \u0394 ")
                .contains("Total (USD)");

        // as wide as the blotter of a 1600-pixel main window: every header reads in full (the table
        // scrolls sideways rather than cutting them), the abbreviated P&L headers explain themselves
        robot.interact(() -> table.getScene().getWindow().setWidth(918));
        WaitForAsyncUtils.waitForFxEvents();
        String target = System.getProperty("paperdesk.screenshot");
        if (target != null) {
            Path file = Path.of(target);
            Files.createDirectories(file.toAbsolutePath().getParent());
            robot.interact(() -> {
                try {
                    ImageIO.write(
                            SwingFXUtils.fromFXImage(table.getScene().snapshot(null), null), "png", file.toFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        double columns = table.getVisibleLeafColumns().stream()
                .mapToDouble(TableColumn::getWidth)
                .sum();
        assertThat(columns)
                .as("columns fit the table without scrolling; minimum widths "
                        + table.getVisibleLeafColumns().stream()
                                .map(c -> c.getText() + "=" + c.getMinWidth())
                                .toList())
                .isLessThanOrEqualTo(table.getWidth());
        var headers =
                robot.lookup("#positionsTable .column-header .label").queryAllAs(javafx.scene.control.Label.class);
        assertThat(headers).extracting(javafx.scene.control.Label::getText).contains("Unreal. P&L", "Real. P&L");
        assertThat(headers).filteredOn(javafx.scene.Node::isVisible).allSatisfy(l -> assertThat(
                        ((javafx.scene.text.Text) l.lookup(".text")).getText())
                .as("header %s", l.getText())
                .isEqualTo(l.getText()));
        javafx.scene.Node unrealized = robot.lookup("#positionsTable .column-header")
                .match(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h
                        && h.getTableColumn() != null
                        && "positionsUnrealized".equals(h.getTableColumn().getId()))
                .query();
        assertThat(unrealized.getProperties().values()).anySatisfy(v -> assertThat(v)
                .isInstanceOfSatisfying(javafx.scene.control.Tooltip.class, t -> assertThat(t.getText())
                        .startsWith("Unrealized P&L")));

        // at this width an option position still shows which contract it is (expiry, strike, right),
        // with the full id in the tooltip
        var optionCells = robot.lookup("#positionsTable .table-cell")
                .match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                        && c.getItem() instanceof String id
                        && id.startsWith("ORBZ-2"))
                .queryAllAs(javafx.scene.control.TableCell.class);
        assertThat(optionCells).hasSize(4).allSatisfy(c -> {
            assertThat(((javafx.scene.text.Text) c.lookup(".text")).getText())
                    .as("displayed symbol of %s", c.getItem())
                    .matches("ORBZ\\s\\d\\d[A-Z]{3}\\d\\d\\s[0-9.]+\\s[CP]");
            assertThat(c.getTooltip().getText()).isEqualTo(c.getItem());
        });

        // twelve columns do not all fit here; the header's "+" menu hides those a trader does not read,
        // and the others take the room: with the Greeks hidden every price and P&L reads whole
        assertThat(table.isTableMenuButtonVisible()).isTrue();
        assertThat(robot.lookup("#positionsTable .show-hide-columns-button").tryQuery())
                .isPresent();
        // one through the menu itself, as a trader would
        robot.clickOn("#positionsTable .show-hide-columns-button");
        robot.clickOn(robot.lookup(".context-menu .label")
                .match(n -> n instanceof Label l && "Vega /pt".equals(l.getText()))
                .queryAs(Label.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getColumns().stream().filter(c -> c.getText().equals("Vega /pt")))
                .singleElement()
                .satisfies(c -> assertThat(c.isVisible()).isFalse());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        robot.interact(() -> table.getColumns().stream()
                .filter(c -> List.of("\u0394 (sh)", "\u0393", "\u0398 /day").contains(c.getText()))
                .forEach(c -> c.setVisible(false)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#positionsTable .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                        .filter(c -> c.isVisible()
                                && c.getTableColumn() != null
                                && c.getTableColumn().isVisible()
                                && c.getText() != null
                                && !c.getText().isEmpty())
                        .map(c -> ((javafx.scene.text.Text) c.lookup(".text")).getText()))
                .isNotEmpty()
                .noneMatch(t -> t.endsWith("..."));
    }
}
