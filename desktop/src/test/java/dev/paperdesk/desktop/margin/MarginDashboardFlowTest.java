package dev.paperdesk.desktop.margin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.desktop.app.MainViewModel;
import dev.paperdesk.desktop.app.MainWindow;
import dev.paperdesk.desktop.margin.MarginDashboardViewModel.PositionRow;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.PortfolioSpec;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import eu.hansolo.tilesfx.Tile;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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

/** Open the margin dashboard on a leveraged perpetual and watch the gauges follow the mark down. */
@ExtendWith(ApplicationExtension.class)
class MarginDashboardFlowTest {
    private TradingSession session;
    private FxUiExecutor ui;
    private MainWindow window;
    private PortfolioId lev;

    @Start
    void start(Stage stage) {
        MarkFeed feed = new MarkFeed()
                .at(Duration.ZERO, "60000")
                .at(Duration.ofHours(1), "50000")
                .at(Duration.ofHours(2), "45000")
                .at(Duration.ofHours(3), "40350");
        session = TradingSession.open(SessionConfig.simulated(null, Instant.parse("2026-03-02T00:00:00Z"), 1)
                .withFeed(feed)
                .withFrictionlessFills());
        lev = TradingSession.await(session.accounts()
                .create(new PortfolioSpec("Lev", "perps", Currency.USD, new BigDecimal("10000"), null)));
        TradingSession.await(session.submit(OrderRequest.market(lev, MarkFeed.PERP, Side.BUY, Quantity.of("0.5"))));
        ui = new FxUiExecutor();
        window = new MainWindow(session, ui);
        window.show(stage);
    }

    @AfterEach
    void close() {
        ui.close();
        session.close();
    }

    @Test
    void gaugesFollowThePrice(FxRobot robot) throws Exception {
        MainViewModel vm = window.viewModel();
        robot.interact(() -> vm.selectedItemProperty()
                .set(vm.portfolios().stream()
                        .filter(p -> p.id().equals(lev))
                        .findFirst()
                        .orElseThrow()));
        TabPane blotter = robot.lookup("#blotter").queryAs(TabPane.class);
        robot.interact(() -> blotter.getSelectionModel()
                .select(blotter.getTabs().stream()
                        .filter(t -> "marginTab".equals(t.getId()))
                        .findFirst()
                        .orElseThrow()));
        assertThat(robot.lookup("#marginDashboard").tryQuery()).isPresent();
        Tile margin = robot.lookup("#marginLevelGauge").queryAs(Tile.class);
        Tile leverage = robot.lookup("#leverageGauge").queryAs(Tile.class);
        Label banner = robot.lookup("#liquidationBanner").queryAs(Label.class);
        TableView<PositionRow> positions = robot.lookup("#marginPositionsTable").queryTableView();

        // 150 of maintenance (0.5% of 30,000 entry) against ~9,985 of equity: about 1.5%.
        // The test thread polls while the FX thread updates: wait for every gauge, then for the FX queue.
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> margin.getValue() > 1.4 && margin.getValue() < 1.6 && leverage.getValue() > 2.9);
        WaitForAsyncUtils.waitForFxEvents();
        double before = margin.getValue();
        double leverageBefore = leverage.getValue();
        assertThat(banner.isVisible()).isFalse();
        assertThat(positions.getItems()).singleElement().satisfies(p -> {
            assertThat(p.mode()).isEqualTo("CROSS");
            assertThat(p.leverage()).isEqualTo(100);
            assertThat(p.liquidationPrice()).isNotNull();
        });
        BigDecimal liq = positions.getItems().get(0).liquidationPrice();
        // the exposure bars' amounts with grouped digits (30,000 of notional, not 30000)
        Tile exposure = robot.lookup("#exposureTile").queryAs(Tile.class);
        assertThat(exposure.getBarChartItems()).isNotEmpty().allSatisfy(item -> assertThat(item.getFormatString())
                .isEqualTo(MarginDashboardView.EXPOSURE_FORMAT));
        assertThat(String.format(java.util.Locale.US, MarginDashboardView.EXPOSURE_FORMAT, 30_000.0))
                .isEqualTo("30,000");

        session.advance(Duration.ofHours(1).plusSeconds(1));
        // Mark 50,000: equity ~4,985, so maintenance use doubles and leverage rises.
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> margin.getValue() > 2.9 && leverage.getValue() > leverageBefore + 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(margin.getValue()).isGreaterThan(before);
        assertThat(robot.lookup("#accountUnrealized").queryAs(Label.class).getStyleClass())
                .contains("pnl-negative");

        session.advance(Duration.ofHours(2));
        // Mark 40,350: equity ~160 against 150 of maintenance: the 90% warning shows.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> margin.getValue() > 90);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, banner::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(banner.getText()).startsWith("Urgent margin warning");
        assertThat(banner.getStyleClass()).contains("level-90");
        // The cross liquidation price does not move with the mark (other prices unchanged).
        assertThat(positions.getItems().get(0).liquidationPrice()).isEqualByComparingTo(liq);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#marginHistoryTable")
                .queryTableView()
                .getItems()
                .isEmpty());
    }
}
